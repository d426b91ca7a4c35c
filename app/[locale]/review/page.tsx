import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EvidenceTable } from '@/components/evidence/EvidenceTable';
import { reviewQueue } from '@/lib/data/evidence';
import type { Locale } from '@/lib/i18n/config';
import { parseReviewFilter } from '@/lib/validation/evidence-filters';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'evidence' });
  return { title: t('reviewQueue') };
}

export default async function ReviewQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const filter = parseReviewFilter(await searchParams);
  const [{ items, authors }, t] = await Promise.all([reviewQueue(filter, locale), getTranslations('evidence')]);
  return (
    <>
      <h1>{t('reviewQueue')}</h1>
      <DownloadCsv
        path="/api/export/evidence"
        params={{ state: 'SUBMITTED', country: filter.country, commitment: filter.commitment }}
      />
      <form className="filters" method="get" role="search" aria-label={t('reviewFilters')}>
        <div className="field">
          <label htmlFor="review-country">{t('actor')}</label>
          <input
            id="review-country"
            name="country"
            defaultValue={filter.country ?? ''}
            maxLength={40}
            placeholder="KEN"
          />
        </div>
        <div className="field">
          <label htmlFor="review-commitment">{t('commitment')}</label>
          <input
            id="review-commitment"
            name="commitment"
            defaultValue={filter.commitment ?? ''}
            maxLength={60}
            placeholder="P08-financing"
          />
        </div>
        <div className="field">
          <label htmlFor="review-author">{t('author')}</label>
          <select id="review-author" name="author" defaultValue={filter.author ?? ''}>
            <option value="">{t('anyone')}</option>
            {authors.map((author) => (
              <option key={author}>{author}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="review-age">{t('waitingAtLeast')}</label>
          <select id="review-age" name="age" defaultValue={filter.olderThanDays ? String(filter.olderThanDays) : ''}>
            <option value="">{t('anyAge')}</option>
            {[1, 7, 30].map((days) => (
              <option key={days} value={days}>
                {t('days', { days })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('filter')}
        </button>
      </form>
      <p className="result-count" role="status">
        {t('queueCount', { count: items.length })}
      </p>
      {items.length > 0 && <EvidenceTable items={items} locale={locale} caption={t('reviewQueueCaption')} />}
    </>
  );
}
