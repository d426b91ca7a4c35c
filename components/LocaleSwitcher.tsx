'use client';

import { useSearchParams } from 'next/navigation';
import { locales, type Locale } from '@/lib/i18n/config';
import { Link, usePathname } from '@/lib/i18n/navigation';

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
  const search = useSearchParams();
  const query = Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key)]));
  const target = locales.find((locale) => locale !== current) ?? current;
  return (
    <Link
      className="locale-switcher"
      href={{ pathname, query }}
      locale={target}
      lang={target}
      aria-label={title}
      // In the capture phase, before the Link's own click handler records the new language in the locale cookie:
      // a reader who stays on the page keeps their language.
      onClickCapture={(event) => {
        if (document.querySelector('form[data-unsaved="true"]') && !window.confirm(unsavedMessage)) {
          event.preventDefault();
          event.stopPropagation();
        }
      }}
    >
      {label}
    </Link>
  );
}
