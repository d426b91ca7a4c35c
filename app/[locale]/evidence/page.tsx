import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { EvidenceTable } from '@/components/evidence/EvidenceTable';
import { FilterInput } from '@/components/forms/FilterInput';
import { FilterSelect } from '@/components/forms/FilterSelect';
import { IgnoredFilters } from '@/components/forms/IgnoredFilters';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { listThemes } from '@/lib/data/commitments';
import { browseEvidence, evidencePeople } from '@/lib/data/evidence';
import { dropUnknown } from '@/lib/filters/known';
import type { Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { evidenceFilterParams, parseEvidenceFilter, type EvidenceFilter } from '@/lib/validation/evidence-filters';
import { REVIEW_STATES } from '@/lib/vocabulary';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'find' });
  return { title: t('browseTitle') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The evidence browser: every record a signed-in user may see, searched and filtered from the URL, paged, with the
 * same records as CSV behind a link. "My evidence" is the same view with mine=1: the reader's records in every
 * state, so a submitted or verified record stays in reach.
 */
export default async function EvidencePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const [people, themes, t, ev, transfer] = await Promise.all([
    evidencePeople(),
    listThemes(locale),
    getTranslations('find'),
    getTranslations('evidence'),
    getTranslations('transfer'),
  ]);
  const { filter, ignored } = dropUnknown(query, parseEvidenceFilter(query), {
    q: null,
    country: null,
    commitment: null,
    theme: themes.map((theme) => theme.code),
    state: REVIEW_STATES,
    author: people.authors,
    reviewer: people.reviewers,
    from: null,
    to: null,
  });
  const page = Number(first(query.page) ?? 1);
  const [{ user, items, total, page: current, hasMore }, returned] = await Promise.all([
    browseEvidence(filter, page, locale),
    // Records returned to the reader stay on top, with the reviewer's comment, whatever the filters.
    browseEvidence(parseEvidenceFilter({ mine: '1', state: 'RETURNED' }), 1, locale),
  ]);
  const path = '/evidence';
  const href = (changes: Partial<EvidenceFilter>, pageNumber = 1) => {
    const next = new URLSearchParams(evidenceFilterParams({ ...filter, ...changes }));
    if (pageNumber > 1) next.set('page', String(pageNumber));
    const search = next.toString();
    return search ? `${path}?${search}` : path;
  };
  const stateTabs = [undefined, ...REVIEW_STATES] as const;
  return (
    <>
      <h1>{filter.mine ? ev('myRecords') : t('browseTitle')}</h1>
      {can(user, 'write:evidence') && (
        <p>
          <Link className="button" href="/evidence/new">
            {ev('newTitle')}
          </Link>{' '}
          <Link className="button button--quiet" href="/evidence/import">
            {transfer('importLink')}
          </Link>
        </p>
      )}
      {can(user, 'write:evidence') && returned.items.length > 0 && (
        <EvidenceTable items={returned.items} caption={ev('returnedToYou')} />
      )}
      <nav className="tabs" aria-label={t('whose')}>
        <Link href={href({ mine: false })} aria-current={filter.mine ? undefined : 'page'}>
          {t('allRecords')}
        </Link>
        <Link href={href({ mine: true })} aria-current={filter.mine ? 'page' : undefined}>
          {ev('myRecords')}
        </Link>
      </nav>
      <nav className="tabs" aria-label={ev('state')}>
        {stateTabs.map((state) => (
          <Link key={state ?? 'any'} href={href({ state })} aria-current={filter.state === state ? 'page' : undefined}>
            {state ? ev(`states.${state}`) : t('anyState')}
          </Link>
        ))}
      </nav>
      <IgnoredFilters
        ignored={ignored}
        labels={{
          theme: t('theme'),
          state: ev('state'),
          author: ev('author'),
          reviewer: t('reviewer'),
          from: t('from'),
          to: t('to'),
        }}
      />
      <form
        className="filters"
        method="get"
        action={getPathname({ href: path, locale })}
        role="search"
        aria-label={t('filters')}
      >
        {filter.mine && <input type="hidden" name="mine" value="1" />}
        {filter.state && <input type="hidden" name="state" value={filter.state} />}
        <FilterInput id="evidence-q" type="search" name="q" label={t('search')} value={filter.q} maxLength={200} />
        <FilterInput
          id="evidence-country"
          name="country"
          label={ev('actor')}
          value={filter.country}
          maxLength={40}
          placeholder="KEN"
        />
        <FilterInput
          id="evidence-commitment"
          name="commitment"
          label={ev('commitment')}
          value={filter.commitment}
          maxLength={60}
          placeholder="P08-financing"
        />
        <FilterSelect
          id="evidence-theme"
          name="theme"
          label={t('theme')}
          anyLabel={t('anyTheme')}
          value={filter.theme}
          options={themes.map((theme) => ({ value: theme.code, label: theme.name }))}
        />
        <FilterSelect
          id="evidence-author"
          name="author"
          label={ev('author')}
          anyLabel={ev('anyone')}
          value={filter.author}
          options={people.authors.map((email) => ({ value: email, label: email }))}
        />
        <FilterSelect
          id="evidence-reviewer"
          name="reviewer"
          label={t('reviewer')}
          anyLabel={ev('anyone')}
          value={filter.reviewer}
          options={people.reviewers.map((email) => ({ value: email, label: email }))}
        />
        <FilterInput id="evidence-from" type="date" name="from" label={t('from')} value={filter.from} />
        <FilterInput id="evidence-to" type="date" name="to" label={t('to')} value={filter.to} />
        <button type="submit" className="button">
          {ev('filter')}
        </button>
        <Link className="button button--quiet" href={filter.mine ? `${path}?mine=1` : path}>
          {t('clear')}
        </Link>
      </form>
      <DownloadCsv path="/api/export/evidence" params={evidenceFilterParams(filter)} label="evidenceCsv" />
      <p className="result-count" role="status">
        {t('count', { count: total })}
      </p>
      {items.length > 0 && <EvidenceTable items={items} caption={filter.mine ? ev('myRecords') : t('browseTitle')} />}
      {(current > 1 || hasMore) && (
        <nav className="pager" aria-label={t('pages')}>
          {current > 1 && <Link href={href({}, current - 1)}>{t('previous')}</Link>}
          <span>{t('page', { page: current })}</span>
          {hasMore && <Link href={href({}, current + 1)}>{t('next')}</Link>}
        </nav>
      )}
    </>
  );
}
