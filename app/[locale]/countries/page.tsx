import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { listMemberStates } from '@/lib/data/actors';
import type { Locale } from '@/lib/i18n/config';
import { parseCountryFilter } from '@/lib/validation/filters';
import { RecordEvidenceLink } from '@/components/evidence/RecordEvidenceLink';
import { FilterSelect } from '@/components/forms/FilterSelect';
import { getCurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { IgnoredFilters } from '@/components/forms/IgnoredFilters';
import { dropUnknown } from '@/lib/filters/known';
import { TableScroll } from '@/components/TableScroll';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { REGIONAL_GROUPS } from '@/lib/vocabulary';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'countries' });
  return { title: t('title') };
}

export default async function CountriesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const { filter, ignored } = dropUnknown(query, parseCountryFilter(query), { group: REGIONAL_GROUPS });
  const [t, enums, find, { total, states }, user] = await Promise.all([
    getTranslations('countries'),
    getTranslations('enums'),
    getTranslations('find'),
    listMemberStates(filter, locale),
    getCurrentUser(),
  ]);
  const recorder = can(user, 'write:evidence');
  const filtered = Boolean(filter.q || filter.group);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <IgnoredFilters ignored={ignored} labels={{ group: t('group') }} />
      <form className="filters" method="get" role="search" aria-label={t('search')}>
        <div className="field">
          <label htmlFor="country-q">{t('search')}</label>
          <input
            id="country-q"
            type="search"
            name="q"
            defaultValue={filter.q ?? ''}
            placeholder={t('searchPlaceholder')}
            maxLength={100}
          />
        </div>
        <FilterSelect
          id="country-group"
          name="group"
          label={t('group')}
          anyLabel={t('allGroups')}
          value={filter.group}
          options={REGIONAL_GROUPS.map((group) => ({ value: group, label: enums(`regionalGroup.${group}`) }))}
        />
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {filtered && (
          <Link className="button button--quiet" href="/countries">
            {t('clear')}
          </Link>
        )}
      </form>

      <p className="result-count" role="status">
        {t('count', { shown: states.length, total })}
      </p>
      {states.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <DownloadCsv path="/api/export/table/countries" params={{ locale, q: filter.q, group: filter.group }} />
          <TableScroll label={t('tableCaption')}>
            <table>
              <caption className="muted">{t('tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('code')}</th>
                  <th scope="col">{t('nameZh')}</th>
                  <th scope="col">{t('nameEn')}</th>
                  <th scope="col">{t('group')}</th>
                  {recorder && (
                    <th scope="col">
                      <span className="visually-hidden">{find('record')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {states.map((state) => (
                  <tr key={state.code}>
                    <td>
                      <abbr title={state.nameEn}>{state.code}</abbr>
                    </td>
                    <td lang="zh-Hans">
                      {locale === 'zh' ? <Link href={`/countries/${state.code}`}>{state.nameZh}</Link> : state.nameZh}
                    </td>
                    <td lang="en">
                      {locale === 'en' ? <Link href={`/countries/${state.code}`}>{state.nameEn}</Link> : state.nameEn}
                    </td>
                    <td>{state.regionalGroup ? enums(`regionalGroup.${state.regionalGroup}`) : '–'}</td>
                    {recorder && (
                      <td>
                        <RecordEvidenceLink
                          user={user}
                          actor={state.code}
                          context={locale === 'zh' ? state.nameZh : state.nameEn}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
