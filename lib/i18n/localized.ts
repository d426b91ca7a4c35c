import { z } from 'zod';
import { defaultLocale, type Locale } from '@/lib/i18n/config';

/**
 * Text stored in several languages as a JSON object keyed by locale ({"zh": "…", "en": "…"}). Chinese and
 * English are required; other UN languages may be added without a schema change.
 */
export const LocalizedTextSchema = z
  .object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) })
  .catchall(z.string().trim().min(1));

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Reads a localized JSON value from the database, in the wanted language or, failing that, the default one. */
export function localize(value: unknown, locale: Locale): string {
  const parsed = LocalizedTextSchema.safeParse(value);
  if (!parsed.success) throw new Error(`Malformed localized text in the database: ${JSON.stringify(value)}`);
  return parsed.data[locale] ?? parsed.data[defaultLocale];
}
