'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div role="alert">
      <h1>{t('errorTitle')}</h1>
      <p>{t('error', { digest: error.digest ?? '—' })}</p>
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </div>
  );
}
