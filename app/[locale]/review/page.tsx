import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EvidenceTable } from '@/components/evidence/EvidenceTable';
import { reviewQueue } from '@/lib/data/evidence';
import { isOwnRecord } from '@/lib/evidence/rules';
import type { Locale } from '@/lib/i18n/config';
import { parseReviewFilter } from '@/lib/validation/evidence-filters';
import { FilterInput } from '@/components/forms/FilterInput';
import { FilterSelect } from '@/components/forms/FilterSelect';
import { IgnoredFilters } from '@/components/forms/IgnoredFilters';
import { dropUnknown } from '@/lib/filters/known';
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
  setPageLocale(locale);
  const query = await searchParams;
  const parsed = parseReviewFilter(query);
  const [first, t] = await Promise.all([reviewQueue(parsed, locale), getTranslations('evidence')]);
  // The author is a choice among those with submitted records: any other is dropped with a notice, not shown as
  // "Anyone" over an empty queue. (Country and commitment are typed fields that show what was asked.)
  const { filter, ignored } = dropUnknown(query, parsed, { author: first.authors, country: null, commitment: null });
  const { items, authors } = filter.author === parsed.author ? first : await reviewQueue(filter, locale);
  // The rule the review enforces (lib/evidence/rules.ts): nobody reviews a record they created or last wrote.
  const { user } = first;
  const notes = Object.fromEntries(
    items
      .filter((item) => isOwnRecord(user, item))
      .map((item) => [item.id, t(item.latestAuthorId === user.id ? 'notReviewableAuthor' : 'notReviewableCreator')]),
  );
  const reviewable = items.length - Object.keys(notes).length;
  return (
    <>
      <h1>{t('reviewQueue')}</h1>
      <DownloadCsv
        path="/api/export/evidence"
        params={{ state: 'SUBMITTED', country: filter.country, commitment: filter.commitment }}
      />
      <IgnoredFilters
        ignored={ignored}
        labels={{ author: t('author'), country: t('actor'), commitment: t('commitment') }}
      />
      <form className="filters" method="get" role="search" aria-label={t('reviewFilters')}>
        <FilterInput
          id="review-country"
          name="country"
          label={t('actor')}
          value={filter.country}
          maxLength={40}
          placeholder="KEN"
        />
        <FilterInput
          id="review-commitment"
          name="commitment"
          label={t('commitment')}
          value={filter.commitment}
          maxLength={60}
          placeholder="P08-financing"
        />
        <FilterSelect
          id="review-author"
          name="author"
          label={t('author')}
          anyLabel={t('anyone')}
          value={filter.author}
          options={authors.map((author) => ({ value: author, label: author }))}
        />
        <FilterSelect
          id="review-age"
          name="age"
          label={t('waitingAtLeast')}
          anyLabel={t('anyAge')}
          value={filter.olderThanDays ? String(filter.olderThanDays) : undefined}
          options={[1, 7, 30].map((days) => ({ value: String(days), label: t('days', { days }) }))}
        />
        <button type="submit" className="button">
          {t('filter')}
        </button>
      </form>
      <p className="result-count" role="status">
        {t('queueCount', { count: items.length })}
        {reviewable < items.length && <> {t('queueNotYours', { count: items.length - reviewable })}</>}
      </p>
      {items.length > 0 && <EvidenceTable items={items} caption={t('reviewQueueCaption')} notes={notes} />}
    </>
  );
}
