import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ChartSkeleton } from '@/components/charts/ChartSkeleton';
import { DashboardWidget } from '@/components/dashboard/DashboardWidget';
import { DashboardFilters } from '@/components/dashboard/DashboardFilters';
import { PartiesOverTime } from '@/components/dashboard/PartiesOverTime';
import { StatusBreakdown } from '@/components/dashboard/StatusBreakdown';
import { StatusOverTime } from '@/components/dashboard/StatusOverTime';
import { filterQuery, knownDashboardFilter } from '@/lib/dashboard/filter';
import { getFilterOptions } from '@/lib/data/dashboard';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { RecordEvidenceLink } from '@/components/evidence/RecordEvidenceLink';
import { getCurrentUser } from '@/lib/auth/session';
import { inCountryScope } from '@/lib/evidence/rules';
import { can } from '@/lib/permissions';
import { RatificationForm } from '@/components/ratification/RatificationForm';
import { EvidenceTimeline } from '@/components/status/EvidenceTimeline';
import { StatusCounts } from '@/components/status/StatusCounts';
import { StatusTag } from '@/components/status/StatusTag';
import { getCountryStatusPage, getMemberStateHeader } from '@/lib/data/status';
import type { Locale } from '@/lib/i18n/config';
import { redirectToCanonical } from '@/lib/url/canonical';
import { canonicalActorCode, COUNTRY_CODE } from '@/lib/validation/codes';
import { parseHistoryParam } from '@/lib/validation/status';
import { TableScroll } from '@/components/TableScroll';
import { isoDay, isoDayOrNull, latestDateOnEarth } from '@/lib/dates';

type Props = {
  params: Promise<{ locale: Locale; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const canonical = canonicalActorCode(code);
  const country = COUNTRY_CODE.test(canonical) ? await getMemberStateHeader(canonical) : null;
  if (!country) return { title: (await getTranslations({ locale, namespace: 'errors' }))('notFoundTitle') };
  return { title: locale === 'zh' ? country.nameZh : country.nameEn };
}

export default async function CountryPage({ params, searchParams }: Props) {
  const { locale, code } = await params;
  setPageLocale(locale);
  if (!COUNTRY_CODE.test(code)) {
    // Codes are case-insensitive: /en/countries/ken is Kenya, at its one canonical address.
    const canonical = canonicalActorCode(code);
    if (!COUNTRY_CODE.test(canonical)) notFound();
    redirectToCanonical(`/countries/${canonical}`, locale, await searchParams);
  }
  const query = await searchParams;
  const historyOf = parseHistoryParam(query);
  const [t, dashboard, r, enums, format, page] = await Promise.all([
    getTranslations('status'),
    getTranslations('dashboard'),
    getTranslations('ratification'),
    getTranslations('enums'),
    getFormatter(),
    getCountryStatusPage(code, locale, historyOf),
  ]);
  if (!page) notFound();
  const { country, scorecard, ratification, history, timeline } = page;
  const date = (value: Date) => <time dateTime={isoDay(value)}>{format.dateTime(value, 'day')}</time>;
  const name = locale === 'zh' ? country.nameZh : country.nameEn;
  const otherName = locale === 'zh' ? country.nameEn : country.nameZh;
  const statement = ratification.summary.statement;
  const maxDate = latestDateOnEarth();
  const basePath = `/countries/${country.code}`;
  const [options, user, find] = await Promise.all([
    getFilterOptions(locale),
    getCurrentUser(),
    getTranslations('find'),
  ]);
  const recorder = can(user, 'write:evidence') && inCountryScope(user!, country.code);
  const known = knownDashboardFilter(query, options, ['commitment', 'country', 'group', 'since']);
  const filter = { ...known.filter, commitment: undefined, country: country.code };
  const key = filterQuery(filter);
  const historyRow = history ? ratification.rows.find((row) => row.instrumentCode === history.instrumentCode) : null;

  return (
    <article>
      <p>
        <Link href="/countries">← {t('backToCountries')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="lead" lang={locale === 'zh' ? 'en' : 'zh-Hans'}>
        {otherName}
      </p>
      <dl className="facts">
        <dt>{t('code')}</dt>
        <dd>
          {country.code}
          {country.alpha2 ? ` / ${country.alpha2}` : ''}
        </dd>
        <dt>{t('group')}</dt>
        <dd>{country.regionalGroup ? enums(`regionalGroup.${country.regionalGroup}`) : t('noGroup')}</dd>
      </dl>
      <p>
        <RecordEvidenceLink user={user} actor={country.code} className="button" />
      </p>

      <section className="dashboard-section" aria-labelledby="progress-title">
        <h2 id="progress-title">{dashboard('title')}</h2>
        <DashboardFilters
          path={basePath}
          filter={filter}
          options={options}
          hide={['commitment', 'country', 'group']}
          ignored={known.ignored}
        />
        <div className="chart-grid">
          <DashboardWidget
            name="themes"
            key={`themes${key}`}
            fallback={<ChartSkeleton title={dashboard('countryThemesTitle')} headingLevel={3} height={480} />}
          >
            <StatusBreakdown
              id="country-themes"
              by="theme"
              text="countryThemes"
              filter={filter}
              locale={locale}
              path={basePath}
              headingLevel={3}
            />
          </DashboardWidget>
          <DashboardWidget
            name="progress"
            key={`progress${key}`}
            fallback={<ChartSkeleton title={dashboard('countryProgressTitle')} headingLevel={3} />}
          >
            <StatusOverTime id="country-progress" view="country" filter={filter} locale={locale} headingLevel={3} />
          </DashboardWidget>
        </div>
        <DashboardWidget
          name="parties"
          key="parties"
          fallback={<ChartSkeleton title={dashboard('partiesTitle')} headingLevel={3} />}
        >
          <PartiesOverTime id="country-parties" scope={{ country: country.code }} locale={locale} headingLevel={3} />
        </DashboardWidget>
      </section>

      <DownloadCsv path="/api/export/evidence" params={{ country: country.code }} label="evidenceCsv" />
      <section aria-labelledby="by-theme">
        <h2 id="by-theme">{t('byTheme')}</h2>
        <p className="muted">{t('byThemeIntro', { total: scorecard.total })}</p>
        <StatusCounts counts={scorecard.counts} label={t('countsLabel')} />
        <DownloadCsv path="/api/export/table/country-status" params={{ locale, country: country.code }} />
        <TableScroll label={t('byThemeCaption')}>
          <table className="scorecard">
            <caption className="muted">{t('byThemeCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commitment')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('observedOn')}</th>
                {recorder && (
                  <th scope="col">
                    <span className="visually-hidden">{find('record')}</span>
                  </th>
                )}
              </tr>
            </thead>
            {scorecard.themes.map((theme) => (
              <tbody key={theme.code}>
                <tr className="scorecard__theme">
                  <th scope="rowgroup" colSpan={recorder ? 4 : 3}>
                    {theme.name}
                  </th>
                </tr>
                {theme.commitments.map((commitment) => (
                  <tr key={commitment.code} id={`c-${commitment.code}`}>
                    <th scope="row">
                      <Link href={`/commitments/${commitment.code}`}>{commitment.title}</Link>{' '}
                      <span className="muted">({commitment.code})</span>
                    </th>
                    <td>
                      <StatusTag status={commitment.status} label={t(`implementation.${commitment.status}`)} />
                    </td>
                    <td>{commitment.observedOn ? date(commitment.observedOn) : t('notObserved')}</td>
                    {recorder && (
                      <td>
                        <RecordEvidenceLink
                          user={user}
                          actor={country.code}
                          commitment={commitment.code}
                          context={`${name} × ${commitment.code}`}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="ratification">
        <h2 id="ratification">{r('title')}</h2>
        <p className="ratification-summary">
          {statement
            ? r('summary', {
                party: ratification.summary.party,
                total: ratification.summary.total,
                partyOfExisting: ratification.summary.partyOfExisting,
                existing: ratification.summary.existing,
                date: format.dateTime(statement.adoptedOn, 'longDay'),
                symbol: statement.symbol,
              })
            : r('summaryShort', { party: ratification.summary.party, total: ratification.summary.total })}
        </p>
        <DownloadCsv path="/api/export/table/country-ratification" params={{ locale, country: country.code }} />
        <TableScroll label={r('caption')}>
          <table className="ratification-table">
            <caption className="muted">{r('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{r('instrument')}</th>
                <th scope="col">{r('status')}</th>
                <th scope="col">{r('signedOn')}</th>
                <th scope="col">{r('consentedOn')}</th>
                <th scope="col">{r('noteAndSource')}</th>
                <th scope="col">{r('changes')}</th>
              </tr>
            </thead>
            <tbody>
              {ratification.rows.map((row) => (
                <tr key={row.instrumentCode} id={`instrument-${row.instrumentCode}`}>
                  <th scope="row">
                    <Link href={`/instruments#${row.instrumentCode}`}>{row.shortName}</Link>
                    {!row.existedAtStatement && statement && (
                      <>
                        <br />
                        <span className="tag">{r('afterStatement', { symbol: statement.symbol })}</span>
                      </>
                    )}
                  </th>
                  <td>
                    <span className={`rat-tag ${row.party ? 'rat-party' : row.status ? 'rat-other' : 'rat-none'}`}>
                      {row.status ? r(`statuses.${row.status}`) : r('notRecorded')}
                    </span>
                  </td>
                  <td>{row.signedOn ? date(row.signedOn) : null}</td>
                  <td>{row.consentedOn ? date(row.consentedOn) : null}</td>
                  <td className="ratification-note">
                    {row.note && <span className="ratification-note__text">{row.note}</span>}
                    {row.sourceUrl && (
                      <>
                        {row.note && <br />}
                        <a href={row.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                          {r('source')}
                          <span className="visually-hidden">: {row.shortName}</span>
                        </a>
                      </>
                    )}
                  </td>
                  <td className="ratification-actions">
                    {row.version > 0 && (
                      <Link href={`${basePath}?history=${row.instrumentCode}#history`}>
                        {r('history')}
                        <span className="visually-hidden">: {row.shortName}</span>
                      </Link>
                    )}
                    {page.canEditRatification && (
                      <RatificationForm
                        actorCode={country.code}
                        instrumentCode={row.instrumentCode}
                        instrumentName={row.shortName}
                        version={row.version}
                        status={row.status}
                        signedOn={isoDayOrNull(row.signedOn)}
                        consentedOn={isoDayOrNull(row.consentedOn)}
                        note={row.note}
                        sourceUrl={row.sourceUrl}
                        minDate={isoDay(row.adoptedOn)}
                        maxDate={maxDate}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>

        {history && (
          <section id="history" aria-labelledby="history-heading" className="ratification-history">
            <h3 id="history-heading">{r('historyHeading', { instrument: history.shortName })}</h3>
            {history.revisions.length === 0 ? (
              <p>{r('historyEmpty')}</p>
            ) : (
              <>
                <DownloadCsv
                  path="/api/export/table/ratification-history"
                  params={{ locale, country: country.code, instrument: history.instrumentCode }}
                />
                <TableScroll label={r('historyCaption', { instrument: history.shortName })}>
                  <table>
                    <caption className="muted">{r('historyCaption', { instrument: history.shortName })}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {r('revision')}
                        </th>
                        <th scope="col">{r('changedAt')}</th>
                        {history.revisions.some((revision) => revision.changedBy) && (
                          <th scope="col">{r('changedBy')}</th>
                        )}
                        <th scope="col">{r('status')}</th>
                        <th scope="col">{r('signedOn')}</th>
                        <th scope="col">{r('consentedOn')}</th>
                        <th scope="col">{r('noteAndSource')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {history.revisions.map((revision) => (
                        <tr key={revision.number}>
                          <th scope="row" className="num">
                            {revision.number}
                          </th>
                          <td>
                            <time dateTime={revision.changedAt.toISOString()}>
                              {format.dateTime(revision.changedAt, 'dayTime')}
                            </time>
                          </td>
                          {revision.changedBy !== null && <td>{revision.changedBy}</td>}
                          <td>{r(`statuses.${revision.status}`)}</td>
                          <td>{revision.signedOn ? date(revision.signedOn) : null}</td>
                          <td>{revision.consentedOn ? date(revision.consentedOn) : null}</td>
                          <td className="ratification-note">
                            {revision.note && <span className="ratification-note__text">{revision.note}</span>}
                            {revision.sourceUrl && (
                              <>
                                {revision.note && <br />}
                                <a href={revision.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                                  {r('source')}
                                  <span className="visually-hidden">
                                    : {history.shortName}, {revision.number}
                                  </span>
                                </a>
                              </>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
            <p>
              <Link href={`${basePath}#${historyRow ? `instrument-${historyRow.instrumentCode}` : 'ratification'}`}>
                {r('closeHistory')}
              </Link>
            </p>
          </section>
        )}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t('timeline')}</h2>
        <EvidenceTimeline timeline={timeline} of="country" locale={locale} publicOnly={page.publicOnly} />
      </section>
    </article>
  );
}
