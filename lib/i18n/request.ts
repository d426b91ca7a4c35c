import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';

const MESSAGE_AREAS = ['evidence', 'status', 'charts', 'dashboard', 'api', 'transfer'] as const;

type Messages = Record<string, unknown>;
const isObject = (value: unknown): value is Messages =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Area files may add keys to a shared namespace (e.g. "validation"), so namespaces merge rather than replace. */
function mergeMessages(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    target[key] = isObject(value) && isObject(target[key]) ? mergeMessages({ ...target[key] }, value) : value;
  }
  return target;
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // messages/<locale>.json holds the common namespaces; each larger area keeps its own file beside it.
  const [common, ...areas] = await Promise.all([
    import(`../../messages/${locale}.json`),
    ...MESSAGE_AREAS.map((area) => import(`../../messages/${locale}/${area}.json`)),
  ]);
  return {
    locale,
    messages: areas.reduce<Messages>((all, area) => mergeMessages(all, area.default as Messages), {
      ...(common.default as Messages),
    }),
    timeZone: 'UTC',
  };
});
