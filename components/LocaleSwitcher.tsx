'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { locales, type Locale } from '@/lib/i18n/config';

/** Links to the same page, with the same filters, in the other language. */
export function LocaleSwitcher({ current, label, title }: { current: Locale; label: string; title: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const target = locales.find((locale) => locale !== current) ?? current;
  const rest = pathname.replace(/^\/[^/]+/, '');
  const href = `/${target}${rest}${search ? `?${search}` : ''}`;
  return (
    <Link className="locale-switcher" href={href} hrefLang={target} lang={target} aria-label={title}>
      {label}
    </Link>
  );
}
