import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CommitmentForm } from '@/components/admin/CommitmentForm';
import { ChartSkeleton } from '@/components/charts/ChartSkeleton';
import { DashboardWidget } from '@/components/dashboard/DashboardWidget';
import { DashboardFilters } from '@/components/dashboard/DashboardFilters';
import { PartiesOverTime } from '@/components/dashboard/PartiesOverTime';
import { StateStatusMap } from '@/components/dashboard/StateStatusMap';
import { StatusOverTime } from '@/components/dashboard/StatusOverTime';
import { filterQuery, knownDashboardFilter, parseDashboardFilter } from '@/lib/dashboard/filter';
import { getFilterOptions } from '@/lib/data/dashboard';
import { AcrossStatesSection } from '@/components/status/AcrossStatesSection';
import { Tag } from '@/components/Tag';
import { RecordEvidenceLink } from '@/components/evidence/RecordEvidenceLink';
import { getCurrentUser } from '@/lib/auth/session';
import { getCommitment, listThemes } from '@/lib/data/commitments';
import { can } from '@/lib/permissions';
import { getCommitmentStatus } from '@/lib/data/status';
import { locales, type Locale } from '@/lib/i18n/config';
import { segmentParagraph } from '@/lib/statement/highlight';
import { redirectToCanonical } from '@/lib/url/canonical';
import { canonicalCommitmentCode, COMMITMENT_CODE } from '@/lib/validation/codes';
import { parseStatusSort, parseStatesPage } from '@/lib/validation/status';
import { STRENGTHS } from '@/lib/vocabulary';

type Props = {
  params: Promise<{ locale: Locale; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const commitment = await getCommitment(canonicalCommitmentCode(code), locale);
  return { title: commitment ? `${commitment.title} (${commitment.code})` : undefined };
}

export default async function CommitmentPage({ params, searchParams }: Props) {
  const { locale, code } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  // Codes are case-insensitive: /en/commitments/p12-CONVENTIONS is P12-conventions, at its canonical address.
  if (code !== canonicalCommitmentCode(code) && COMMITMENT_CODE.test(canonicalCommitmentCode(code))) {
    redirectToCanonical(`/commitments/${canonicalCommitmentCode(code)}`, locale, query);
  }
  const sort = parseStatusSort(query);
  const [t, dashboard, fields, enums, commitment, status, user, themes] = await Promise.all([
    getTranslations('commitment'),
    getTranslations('dashboard'),
    getTranslations('commitments'),
    getTranslations('enums'),
    getCommitment(code, locale),
    getCommitmentStatus(code, sort, locale),
    getCurrentUser(),
    listThemes(locale),
  ]);
  if (!commitment || !status) notFound();
  const options = commitment.addressee === 'MEMBER_STATES' ? await getFilterOptions(locale) : null;
  const known = options
    ? knownDashboardFilter(query, options, ['theme', 'commitment', 'country', 'since'])
    : { filter: parseDashboardFilter(query), ignored: [] };
  const filter = { ...known.filter, theme: undefined, country: undefined, commitment: commitment.code };
  const path = `/commitments/${commitment.code}`;
  const key = filterQuery(filter);
  const namesInstruments = commitment.links.some((link) => link.kind === 'INSTRUMENT');
  const runs = segmentParagraph(commitment.paragraphText, [commitment]);
  // The reader's language first, then the others.
  const languages = [locale, ...locales.filter((other) => other !== locale)];
  return (
    <article>
      <p>
        <Link href="/commitments">← {t('back')}</Link>
      </p>
      <h1>{commitment.title}</h1>
      <p className="muted">{commitment.code}</p>
      <p>
        <RecordEvidenceLink user={user} commitment={commitment.code} className="button" />
      </p>

      <dl className="facts" aria-label={t('facts')}>
        <dt>{enums('linkKind.DOCUMENT')}</dt>
        <dd>
          <Link href={`/documents/${commitment.documentSlug}#p${commitment.paragraph}`}>
            {t('inParagraph', { number: commitment.paragraph, symbol: commitment.documentSymbol })}
          </Link>
        </dd>
        <dt>{fields('theme')}</dt>
        <dd>
          <Link href={`/commitments?theme=${commitment.theme.code}`}>{commitment.theme.name}</Link>
        </dd>
        <dt>{fields('addressee')}</dt>
        <dd>{enums(`addressee.${commitment.addressee}`)}</dd>
        <dt>{fields('strength')}</dt>
        <dd>
          <Tag variant={commitment.strength}>{enums(`strength.${commitment.strength}`)}</Tag>
        </dd>
      </dl>

      <h2>{t('quote')}</h2>
      <blockquote className="quote-block" lang={commitment.documentLanguage} aria-label={t('quoteLabel')}>
        {runs.map((run, index) =>
          run.codes.length > 0 ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
        )}
      </blockquote>

      <h2>{t('titleAndSummary')}</h2>
      <div className="bilingual">
        {languages.map((language) => (
          <section key={language} lang={language === 'zh' ? 'zh-Hans' : language}>
            <h3>{t(`language_${language}`)}</h3>
            <p>
              <strong>{commitment.titles[language]}</strong>
            </p>
            <p>{commitment.summaries[language]}</p>
          </section>
        ))}
      </div>

      <h2>{t('guidance')}</h2>
      <p>{commitment.guidance}</p>

      <h2>{t('links')}</h2>
      {commitment.links.length === 0 ? (
        <p className="muted">{t('noLinks')}</p>
      ) : (
        <ul className="link-list">
          {commitment.links.map((link) => (
            <li key={link.reference}>
              <span className="muted">{enums(`linkKind.${link.kind}`)}:</span>{' '}
              {link.kind === 'INSTRUMENT' ? (
                <Link href={`/instruments#${link.reference}`}>{link.label ?? link.reference}</Link>
              ) : (
                link.reference
              )}
            </li>
          ))}
        </ul>
      )}

      {options && (
        <section className="dashboard-section" aria-labelledby="progress-title">
          <h2 id="progress-title">{dashboard('title')}</h2>
          <DashboardFilters
            path={path}
            filter={filter}
            options={options}
            hide={['theme', 'commitment', 'country']}
            ignored={known.ignored}
          />
          <DashboardWidget
            name="over-time"
            key={`over-time${key}`}
            fallback={<ChartSkeleton title={dashboard('distributionTitle')} headingLevel={3} />}
          >
            <StatusOverTime
              id="commitment-over-time"
              view="commitment"
              filter={filter}
              locale={locale}
              headingLevel={3}
            />
          </DashboardWidget>
          <DashboardWidget
            name="map"
            key={`map${key}`}
            fallback={<ChartSkeleton title={dashboard('mapTitle')} headingLevel={3} height={420} />}
          >
            <StateStatusMap
              id="commitment-map"
              of={{ commitment: commitment.code }}
              name={commitment.title}
              filter={filter}
              locale={locale}
              headingLevel={3}
              links={false}
            />
          </DashboardWidget>
          {namesInstruments && (
            <DashboardWidget
              name="parties"
              key={`parties${key}`}
              fallback={<ChartSkeleton title={dashboard('partiesTitle')} headingLevel={3} />}
            >
              <PartiesOverTime
                id="commitment-parties"
                scope={{ states: filter }}
                commitment={commitment.code}
                locale={locale}
                headingLevel={3}
              />
            </DashboardWidget>
          )}
        </section>
      )}

      <AcrossStatesSection
        commitmentCode={commitment.code}
        section={status}
        sort={sort}
        locale={locale}
        basePath={`/commitments/${commitment.code}`}
        page={parseStatesPage(query)}
      />
      {can(user, 'manage:commitments') && (
        <details className="admin-edit">
          <summary>{t('editAsAdmin')}</summary>
          <CommitmentForm
            commitment={{
              code: commitment.code,
              version: commitment.version,
              titles: commitment.titles,
              summaries: commitment.summaries,
              guidances: commitment.guidances,
              theme: commitment.theme.code,
              strength: commitment.strength,
            }}
            themes={themes}
            strengthLabels={Object.fromEntries(STRENGTHS.map((strength) => [strength, enums(`strength.${strength}`)]))}
          />
        </details>
      )}
    </article>
  );
}
