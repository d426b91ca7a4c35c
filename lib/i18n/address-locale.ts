'use client';

import { usePathname } from 'next/navigation';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/config';

/**
 * The language of the address (/zh/… is Chinese, anything else the default), for the one page rendered outside
 * the locale layout and its provider (app/global-error.tsx). Its own module: next/navigation's usePathname may
 * not reach the server components that import lib/i18n/navigation.ts.
 */
export function useAddressLocale(): Locale {
  const segment = (usePathname() ?? '').split('/')[1] ?? '';
  return isLocale(segment) ? segment : defaultLocale;
}
