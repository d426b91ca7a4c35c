import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Tag } from '@/components/Tag';
import { listDocuments } from '@/lib/data/documents';
import { STRENGTHS } from '@/lib/data/labels';
import { getOverview } from '@/lib/data/overview';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'overview' });
  return { title: t('title') };
}

export default async function OverviewPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, enums, format, overview, documents] = await Promise.all([
    getTranslations('overview'),
    getTranslations('enums'),
    getFormatter(),
    getOverview(locale),
    listDocuments(locale),
  ]);
  const stats = [
    { value: overview.commitments.MEMBER_STATES, label: t('memberStateCommitments') },
    { value: overview.commitments.UN_SYSTEM, label: t('unSystemCommitments') },
    { value: overview.memberStates, label: t('memberStates') },
    { value: overview.instruments, label: t('instruments') },
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <ul className="stats">
        {stats.map((stat) => (
          <li className="stat" key={stat.label}>
            <span className="stat__value">{format.number(stat.value)}</span>
            <span className="stat__label">{stat.label}</span>
          </li>
        ))}
      </ul>

      <h2>{t('trackedDocuments')}</h2>
      {documents.map((document) => (
        <article className="card" key={document.slug}>
          <h3>{document.title}</h3>
          <p>{document.agendaItem}</p>
          <p className="muted">
            {t('documentFacts', {
              symbol: document.symbol,
              date: format.dateTime(document.adoptedOn, { dateStyle: 'long' }),
              // Meeting numbers are names, not quantities: never "6,765th".
              meeting: document.meeting ?? 0,
              label: String(document.meeting ?? ''),
              paragraphs: document.paragraphCount,
              commitments: document.commitmentCount,
            })}
          </p>
          <Link className="button" href={`/${locale}/documents/${document.slug}`}>
            {t('readStatement')}
          </Link>
        </article>
      ))}

      <h2 id="by-theme">{t('byTheme')}</h2>
      <div className="table-scroll">
        <table aria-labelledby="by-theme">
          <caption className="muted">{t('byThemeCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('theme')}</th>
              {STRENGTHS.map((strength) => (
                <th scope="col" className="num" key={strength}>
                  <Tag variant={strength}>{enums(`strength.${strength}`)}</Tag>
                </th>
              ))}
              <th scope="col" className="num">
                {t('total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.byTheme.map((theme) => (
              <tr key={theme.code}>
                <th scope="row">
                  <Link href={`/${locale}/commitments?theme=${theme.code}`}>{theme.name}</Link>
                </th>
                {STRENGTHS.map((strength) => (
                  <td className="num" key={strength}>
                    {theme.counts[strength] ? format.number(theme.counts[strength]) : '–'}
                  </td>
                ))}
                <td className="num">{format.number(theme.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('evidenceComing')}</p>
    </>
  );
}
