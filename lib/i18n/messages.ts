import type { Locale } from '@/lib/i18n/config';

/** The larger areas keep their own message file beside messages/<locale>.json (messages/<locale>/<area>.json). */
export const MESSAGE_AREAS = ['evidence', 'status', 'charts', 'dashboard', 'api', 'transfer', 'global-error'] as const;

export type Messages = Record<string, unknown>;
const isObject = (value: unknown): value is Messages =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Area files may add keys to a shared namespace (e.g. "validation"), so namespaces merge rather than replace. */
function mergeMessages(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    target[key] = isObject(value) && isObject(target[key]) ? mergeMessages({ ...target[key] }, value) : value;
  }
  return target;
}

const loaded = new Map<Locale, Promise<Messages>>();

/**
 * Every message of one language: messages/<locale>.json (the common namespaces) merged with each area file.
 * Used by the request config (pages) and by code that formats text outside a page render (CSV downloads, tests).
 * Merged once per language and process, not on every request: the result is shared, so treat it as read-only.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = mergeAreas(locale);
    loaded.set(locale, messages);
    messages.catch(() => loaded.delete(locale));
  }
  return messages;
}

async function mergeAreas(locale: Locale): Promise<Messages> {
  const [common, ...areas] = await Promise.all([
    import(`../../messages/${locale}.json`),
    ...MESSAGE_AREAS.map((area) => import(`../../messages/${locale}/${area}.json`)),
  ]);
  return areas.reduce<Messages>((all, area) => mergeMessages(all, area.default as Messages), {
    ...(common.default as Messages),
  });
}
