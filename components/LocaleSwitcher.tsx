'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { locales, type Locale } from '@/lib/i18n/config';

/**
 * Links to the same page, with the same filters, in the other language. Switching reloads the page's content, so
 * when a form on it holds unsaved input (it carries `data-unsaved`, as the evidence form does once edited) the
 * switcher asks first (`unsavedMessage`) and stays on the page unless the user agrees.
 */
export function LocaleSwitcher({
  current,
  label,
  title,
  unsavedMessage,
}: {
  current: Locale;
  label: string;
  title: string;
  unsavedMessage: string;
}) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const target = locales.find((locale) => locale !== current) ?? current;
  const rest = pathname.replace(/^\/[^/]+/, '');
  const href = `/${target}${rest}${search ? `?${search}` : ''}`;
  return (
    <Link
      className="locale-switcher"
      href={href}
      hrefLang={target}
      lang={target}
      aria-label={title}
      onClick={(event) => {
        if (document.querySelector('form[data-unsaved="true"]') && !window.confirm(unsavedMessage)) {
          event.preventDefault();
        }
      }}
    >
      {label}
    </Link>
  );
}
