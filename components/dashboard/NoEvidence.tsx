import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getReader } from '@/lib/data/dashboard';

/** The empty state of a dashboard chart: what is missing and what the reader can do about it. */
export async function NoEvidence() {
  const [t, locale, reader] = await Promise.all([getTranslations('dashboard'), getLocale(), getReader()]);
  return (
    <div className="chart-empty">
      <p>
        <strong>{t('noEvidence')}</strong>
      </p>
      <p>{reader.canRecordEvidence ? t('noEvidenceEditor') : t('noEvidenceReader')}</p>
      {reader.canRecordEvidence && (
        <Link className="button" href={`/${locale}/evidence/new`}>
          {t('recordEvidence')}
        </Link>
      )}
    </div>
  );
}
