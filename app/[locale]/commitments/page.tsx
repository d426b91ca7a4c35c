import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { Tag } from '@/components/Tag';
import { listCommitments, listThemes } from '@/lib/data/commitments';
import type { Locale } from '@/lib/i18n/config';
import { parseCommitmentFilter } from '@/lib/validation/filters';
import { FilterSelect } from '@/components/forms/FilterSelect';
import { IgnoredFilters } from '@/components/forms/IgnoredFilters';
import { dropUnknown } from '@/lib/filters/known';
import { TableScroll } from '@/components/TableScroll';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { ADDRESSEES, STRENGTHS } from '@/lib/vocabulary';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'commitments' });
  return { title: t('title') };
}

export default async function CommitmentsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const themes = await listThemes(locale);
  const { filter, ignored } = dropUnknown(query, parseCommitmentFilter(query), {
    theme: themes.map((theme) => theme.code),
    addressee: ADDRESSEES,
    strength: STRENGTHS,
  });
  const [t, enums, commitments] = await Promise.all([
    getTranslations('commitments'),
    getTranslations('enums'),
    listCommitments(filter, locale),
  ]);
  const filtered = Boolean(filter.theme || filter.addressee || filter.strength);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <IgnoredFilters
        ignored={ignored}
        labels={{ theme: t('theme'), addressee: t('addressee'), strength: t('strength') }}
      />
      {/* A plain GET form: filters land in the URL, work without JavaScript and can be shared. */}
      <form className="filters" method="get" role="search" aria-label={t('filters')}>
        <FilterSelect
          id="filter-theme"
          name="theme"
          label={t('theme')}
          anyLabel={t('any')}
          value={filter.theme}
          options={themes.map((theme) => ({ value: theme.code, label: `${theme.name} (${theme.commitmentCount})` }))}
        />
        <FilterSelect
          id="filter-addressee"
          name="addressee"
          label={t('addressee')}
          anyLabel={t('any')}
          value={filter.addressee}
          options={ADDRESSEES.map((value) => ({ value, label: enums(`addressee.${value}`) }))}
        />
        <FilterSelect
          id="filter-strength"
          name="strength"
          label={t('strength')}
          anyLabel={t('any')}
          value={filter.strength}
          options={STRENGTHS.map((value) => ({ value, label: enums(`strength.${value}`) }))}
        />
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {filtered && (
          <Link className="button button--quiet" href="/commitments">
            {t('clear')}
          </Link>
        )}
      </form>

      <p className="result-count" role="status">
        {t('count', { count: commitments.length })}
      </p>
      {commitments.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <DownloadCsv
            path="/api/export/table/commitments"
            params={{ locale, theme: filter.theme, addressee: filter.addressee, strength: filter.strength }}
          />
          <TableScroll label={t('tableCaption')}>
            <table>
              <caption className="muted">{t('tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('commitment')}</th>
                  <th scope="col" className="num">
                    {t('paragraph')}
                  </th>
                  <th scope="col">{t('theme')}</th>
                  <th scope="col">{t('addressee')}</th>
                  <th scope="col">{t('strength')}</th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((commitment) => (
                  <tr key={commitment.code}>
                    <td>
                      <Link href={`/commitments/${commitment.code}`}>{commitment.title}</Link>
                      <br />
                      <span className="muted">{commitment.code}</span>
                    </td>
                    <td className="num">{commitment.paragraph}</td>
                    <td>{commitment.theme.name}</td>
                    <td>{enums(`addressee.${commitment.addressee}`)}</td>
                    <td>
                      <Tag variant={commitment.strength}>{enums(`strength.${commitment.strength}`)}</Tag>
                    </td>
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
