import { getTranslations } from 'next-intl/server';
import { getReader } from '@/lib/data/dashboard';
import { Link } from '@/lib/i18n/navigation';

/** The empty state of a dashboard chart: what is missing and what the reader can do about it. */
export async function NoEvidence() {
  const [t, reader] = await Promise.all([getTranslations('dashboard'), getReader()]);
  return (
    <div className="chart-empty">
      <p>
        <strong>{t('noEvidence')}</strong>
      </p>
      <p>{reader.canRecordEvidence ? t('noEvidenceEditor') : t('noEvidenceReader')}</p>
      {reader.canRecordEvidence && (
        <Link className="button" href="/evidence/new">
          {t('recordEvidence')}
        </Link>
      )}
    </div>
  );
}
