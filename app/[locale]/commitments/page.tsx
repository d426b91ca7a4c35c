import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Tag } from '@/components/Tag';
import { listCommitments, listThemes } from '@/lib/data/commitments';
import { ADDRESSEES, STRENGTHS } from '@/lib/data/labels';
import type { Locale } from '@/lib/i18n/config';
import { parseCommitmentFilter } from '@/lib/validation/filters';

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
  setRequestLocale(locale);
  const filter = parseCommitmentFilter(await searchParams);
  const [t, enums, themes, commitments] = await Promise.all([
    getTranslations('commitments'),
    getTranslations('enums'),
    listThemes(locale),
    listCommitments(filter, locale),
  ]);
  const filtered = Boolean(filter.theme || filter.addressee || filter.strength);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      {/* A plain GET form: filters land in the URL, work without JavaScript and can be shared. */}
      <form className="filters" method="get" role="search" aria-label={t('filters')}>
        <div className="field">
          <label htmlFor="filter-theme">{t('theme')}</label>
          <select id="filter-theme" name="theme" defaultValue={filter.theme ?? ''}>
            <option value="">{t('any')}</option>
            {themes.map((theme) => (
              <option key={theme.code} value={theme.code}>
                {theme.name} ({theme.commitmentCount})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-addressee">{t('addressee')}</label>
          <select id="filter-addressee" name="addressee" defaultValue={filter.addressee ?? ''}>
            <option value="">{t('any')}</option>
            {ADDRESSEES.map((value) => (
              <option key={value} value={value}>
                {enums(`addressee.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-strength">{t('strength')}</label>
          <select id="filter-strength" name="strength" defaultValue={filter.strength ?? ''}>
            <option value="">{t('any')}</option>
            {STRENGTHS.map((value) => (
              <option key={value} value={value}>
                {enums(`strength.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {filtered && (
          <Link className="button button--quiet" href={`/${locale}/commitments`}>
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
        <div className="table-scroll">
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
                    <Link href={`/${locale}/commitments/${commitment.code}`}>{commitment.title}</Link>
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
        </div>
      )}
    </>
  );
}
