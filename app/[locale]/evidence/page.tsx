import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EvidenceTable } from '@/components/evidence/EvidenceTable';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { listMyEvidence } from '@/lib/data/evidence';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'evidence' });
  return { title: t('myRecords') };
}

export default async function MyEvidencePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [{ items }, t, transfer] = await Promise.all([
    listMyEvidence(locale),
    getTranslations('evidence'),
    getTranslations('transfer'),
  ]);
  const returned = items.filter((item) => item.state === 'RETURNED');
  const drafts = items.filter((item) => item.state === 'DRAFT');
  const waiting = items.filter((item) => item.state === 'SUBMITTED');
  return (
    <>
      <h1>{t('myRecords')}</h1>
      <p>
        <Link className="button" href={`/${locale}/evidence/new`}>
          {t('newTitle')}
        </Link>{' '}
        <Link className="button button--quiet" href={`/${locale}/evidence/import`}>
          {transfer('importLink')}
        </Link>
      </p>
      <DownloadCsv path="/api/export/evidence" params={{ mine: '1' }} label="evidenceCsv" />
      {items.length === 0 && <p>{t('nothingYet')}</p>}
      {returned.length > 0 && <EvidenceTable items={returned} locale={locale} caption={t('returnedToYou')} />}
      {drafts.length > 0 && <EvidenceTable items={drafts} locale={locale} caption={t('yourDrafts')} />}
      {waiting.length > 0 && <EvidenceTable items={waiting} locale={locale} caption={t('waitingForReview')} />}
    </>
  );
}
