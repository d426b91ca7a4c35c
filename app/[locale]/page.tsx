import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Tag } from '@/components/Tag';
import { ChartSkeleton } from '@/components/charts/ChartSkeleton';
import { DashboardWidget } from '@/components/dashboard/DashboardWidget';
import { DashboardFilters } from '@/components/dashboard/DashboardFilters';
import { ChangeSinceChart, GroupProgress } from '@/components/dashboard/ChangeSince';
import { CoverageOverTime } from '@/components/dashboard/CoverageOverTime';
import { HeadlineFigures } from '@/components/dashboard/HeadlineFigures';
import { RecentActivity } from '@/components/dashboard/RecentActivity';
import { StatsSkeleton } from '@/components/dashboard/StatsSkeleton';
import { StatusBreakdown } from '@/components/dashboard/StatusBreakdown';
import { StatusOverTime } from '@/components/dashboard/StatusOverTime';
import { statusBarChartHeight } from '@/lib/charts/layout';
import { filterQuery, knownDashboardFilter } from '@/lib/dashboard/filter';
import { getFilterOptions, getReader } from '@/lib/data/dashboard';
import { listDocuments } from '@/lib/data/documents';
import { getOverview } from '@/lib/data/overview';
import type { Locale } from '@/lib/i18n/config';
import { TableScroll } from '@/components/TableScroll';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { STRENGTHS } from '@/lib/vocabulary';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'overview' });
  return { title: t('title') };
}

export default async function OverviewPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const [t, dashboard, enums, format, overview, documents, options, reader] = await Promise.all([
    getTranslations('overview'),
    getTranslations('dashboard'),
    getTranslations('enums'),
    getFormatter(),
    getOverview(locale),
    listDocuments(locale),
    getFilterOptions(locale),
    getReader(),
  ]);
  const { filter, ignored } = knownDashboardFilter(query, options);
  const path = '/';
  // Keyed by the filter, so that a new filter shows each widget's skeleton rather than the old figures.
  const key = filterQuery(filter);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{dashboard('intro')}</p>
      {reader.publicOnly && <p className="muted">{dashboard('publicNote')}</p>}

      <DashboardFilters path={path} filter={filter} options={options} ignored={ignored} since />

      <DashboardWidget name="headline" key={`headline${key}`} fallback={<StatsSkeleton />}>
        <HeadlineFigures filter={filter} locale={locale} />
      </DashboardWidget>
      <DashboardWidget
        name="coverage"
        key={`coverage${key}`}
        fallback={<ChartSkeleton title={dashboard('coverageTitle')} />}
      >
        <CoverageOverTime id="evidence-coverage" filter={filter} locale={locale} />
      </DashboardWidget>
      <div className="chart-grid">
        <DashboardWidget
          name="change"
          key={`change${key}`}
          fallback={<ChartSkeleton height={statusBarChartHeight(5, 44)} />}
        >
          <ChangeSinceChart id="change-since" filter={filter} locale={locale} />
        </DashboardWidget>
        <DashboardWidget
          name="group-progress"
          key={`group-progress${key}`}
          fallback={<ChartSkeleton title={dashboard('groupProgressTitle')} height={statusBarChartHeight(5, 40)} />}
        >
          <GroupProgress id="group-progress" filter={filter} locale={locale} />
        </DashboardWidget>
      </div>
      <DashboardWidget
        name="over-time"
        key={`over-time${key}`}
        fallback={<ChartSkeleton title={dashboard('overTimeTitle')} />}
      >
        <StatusOverTime id="status-over-time" view="overview" filter={filter} locale={locale} />
      </DashboardWidget>
      <div className="chart-grid">
        <DashboardWidget
          name="by-theme"
          key={`by-theme${key}`}
          fallback={<ChartSkeleton title={dashboard('byThemeTitle')} height={480} />}
        >
          <StatusBreakdown id="status-by-theme" by="theme" filter={filter} locale={locale} path={path} />
        </DashboardWidget>
        <DashboardWidget
          name="by-group"
          key={`by-group${key}`}
          fallback={<ChartSkeleton title={dashboard('byGroupTitle')} />}
        >
          <StatusBreakdown id="status-by-group" by="group" filter={filter} locale={locale} path={path} />
        </DashboardWidget>
      </div>
      <DashboardWidget
        name="recent"
        key={`recent${key}`}
        fallback={<ChartSkeleton title={dashboard('recentTitle')} height={200} />}
      >
        <RecentActivity filter={filter} locale={locale} />
      </DashboardWidget>

      <h2>{t('trackedDocuments')}</h2>
      {documents.map((document) => (
        <article className="card" key={document.slug}>
          <h3>{document.title}</h3>
          <p>{document.agendaItem}</p>
          <p className="muted">
            {t('documentFacts', {
              symbol: document.symbol,
              date: format.dateTime(document.adoptedOn, 'longDay'),
              // Meeting numbers are names, not quantities: never "6,765th".
              meeting: document.meeting ?? 0,
              label: String(document.meeting ?? ''),
              paragraphs: document.paragraphCount,
              commitments: document.commitmentCount,
            })}
          </p>
          <Link className="button" href={`/documents/${document.slug}`}>
            {t('readStatement')}
          </Link>
        </article>
      ))}

      <h2 id="by-theme">{t('byTheme')}</h2>
      <DownloadCsv path="/api/export/table/commitments-by-theme" params={{ locale }} />
      <TableScroll label={t('byThemeCaption')}>
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
                  <Link href={`/commitments?theme=${theme.code}`}>{theme.name}</Link>
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
      </TableScroll>
      <ul className="stats stats--small">
        {[
          { value: overview.commitments.MEMBER_STATES, label: t('memberStateCommitments') },
          { value: overview.commitments.UN_SYSTEM, label: t('unSystemCommitments') },
          { value: overview.memberStates, label: t('memberStates') },
          { value: overview.instruments, label: t('instruments') },
        ].map((stat) => (
          <li className="stat" key={stat.label}>
            <span className="stat__value">{format.number(stat.value)}</span>
            <span className="stat__label">{stat.label}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
