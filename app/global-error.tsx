'use client';

import { createTranslator } from 'next-intl';
import { useAddressLocale } from '@/lib/i18n/address-locale';
import { getPathname } from '@/lib/i18n/navigation';
import en from '@/messages/en/global-error.json';
import zh from '@/messages/zh/global-error.json';
import './globals.css';

const MESSAGES = { en, zh } as const;

/**
 * The last resort of the App Router: shown in place of the root layout (app/[locale]/layout.tsx) when that
 * layout itself fails, so it renders its own <html> and <body>. The text comes from the small message file of
 * each language (messages/<locale>/global-error.json; the page's provider is gone with the layout), in the
 * language of the address (/zh/… in Chinese, else English).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useAddressLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'globalError' });
  return (
    <html lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
      <body>
        <main id="main" role="alert">
          <h1>{t('title')}</h1>
          <p>{t('text', { digest: error.digest ?? '—' })}</p>
          <p>
            <button type="button" className="button" onClick={reset}>
              {t('retry')}
            </button>{' '}
            <a href={getPathname({ href: '/', locale })}>{t('home')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
