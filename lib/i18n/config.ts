/** The UI languages. Adding a UN language (ar, fr, ru, es) means adding it here and a messages/<locale>.json. */
export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
