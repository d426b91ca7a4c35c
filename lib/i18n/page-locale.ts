import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { routing } from '@/lib/i18n/routing';

/**
 * Sets the request's locale for the layout and every page under app/[locale], or answers 404 when the segment is no locale. Next.js
 * renders a page beside its layout, so the layout's own check does not stop the page: a signed-in request for
 * `/favicon.ico` would otherwise render the overview with "favicon.ico" as its locale, and `Intl` throws on it.
 */
export function setPageLocale(locale: string): asserts locale is Locale {
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
}
