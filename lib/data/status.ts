import 'server-only';
import { isStorableText } from '@/lib/validation/primitives';
import { requireReader } from '@/lib/auth/guard';
import { requestPrisma, requestRollupVersion } from '@/lib/data/request-db';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import { can } from '@/lib/permissions';
import { commitmentAcrossStates, type CommitmentAcrossStates } from '@/lib/status/across-states';
import { countryScorecard, findMemberState, type MemberStateHeader, type Scorecard } from '@/lib/status/country';
import { evidenceTimeline, type Timeline } from '@/lib/status/timeline';
import {
  ratificationHistory,
  ratificationTable,
  type RatificationHistory,
  type RatificationTable,
} from '@/lib/status/ratification';
import { statementDate } from '@/lib/status/statement';
import { statusMatrix, type Matrix, type MatrixFilter, type MatrixSort } from '@/lib/status/matrix';
import type { StatusSort } from '@/lib/validation/status';
import { aggregateKey, cachedAggregate } from '@/lib/dashboard/cache';
import { readAudience } from '@/lib/permissions';

/**
 * Reads for the status screens: the country page, the commitment page's status across states and the matrix.
 * The SQL lives in lib/status/ (a module per screen area); this adds the guard and the reader's audience (the anonymous public
 * sees only evidence marked public and no user names).
 */

/** The verified-evidence timeline, cached until the next review decision (lib/dashboard/cache.ts). */
async function cachedTimeline(
  prisma: Awaited<ReturnType<typeof requestPrisma>>,
  of: { actorId: number } | { commitmentId: number },
  locale: Locale,
  audience: { publicOnly: boolean },
): Promise<Timeline> {
  const version = await requestRollupVersion();
  return cachedAggregate(aggregateKey('timeline', version, audience, [of, locale]), () =>
    evidenceTimeline(prisma, of, locale, audience),
  );
}

export interface CountryStatusPage {
  country: MemberStateHeader;
  scorecard: Scorecard;
  ratification: RatificationTable;
  /** The history of one instrument's status, when the page asks for it (?history=code). */
  history: RatificationHistory | null;
  timeline: Timeline;
  /** Whether to show the ratification forms: the role allows it and the country is in the editor's scope. */
  canEditRatification: boolean;
  /** The anonymous public reads: only evidence marked public, no user names. */
  publicOnly: boolean;
}

export async function getCountryStatusPage(
  code: string,
  locale: Locale,
  historyOf?: string,
): Promise<CountryStatusPage | null> {
  const user = await requireReader();
  const prisma = await requestPrisma();
  const country = await findMemberState(prisma, code);
  if (!country) return null;
  const audience = readAudience(user);
  const [scorecard, statement, history, timeline] = await Promise.all([
    countryScorecard(prisma, country.id, locale, audience),
    statementDate(prisma),
    historyOf ? ratificationHistory(prisma, country.id, historyOf, locale, audience) : null,
    cachedTimeline(prisma, { actorId: country.id }, locale, audience),
  ]);
  const ratification = await ratificationTable(prisma, country.id, statement, locale);
  const inScope = !user || user.countryScope.length === 0 || user.countryScope.includes(country.code);
  return {
    country,
    scorecard,
    ratification,
    history,
    timeline,
    canEditRatification: can(user, 'write:ratification') && inScope,
    publicOnly: audience.publicOnly,
  };
}

/** Name of a member state for page titles, or null. */
export async function getMemberStateHeader(code: string): Promise<MemberStateHeader | null> {
  await requireReader();
  const prisma = await requestPrisma();
  return findMemberState(prisma, code);
}

export interface CommitmentStatusSection {
  /** Only for commitments addressed to member states. */
  acrossStates: CommitmentAcrossStates | null;
  timeline: Timeline;
  publicOnly: boolean;
}

export async function getCommitmentStatus(
  code: string,
  sort: StatusSort,
  locale: Locale,
): Promise<CommitmentStatusSection | null> {
  const user = await requireReader();
  if (!isStorableText(code)) return null;
  const prisma = await requestPrisma();
  const commitment = await prisma.commitment.findUnique({ where: { code }, select: { id: true, addressee: true } });
  if (!commitment) return null;
  const audience = readAudience(user);
  const [acrossStates, timeline] = await Promise.all([
    commitment.addressee === 'MEMBER_STATES'
      ? commitmentAcrossStates(prisma, commitment.id, sort.sort, sort.dir, locale, audience)
      : null,
    cachedTimeline(prisma, { commitmentId: commitment.id }, locale, audience),
  ]);
  return { acrossStates, timeline, publicOnly: audience.publicOnly };
}

export interface ThemeChoice {
  code: string;
  name: string;
}

export async function getStatusMatrix(
  filter: MatrixFilter,
  sort: MatrixSort,
  locale: Locale,
): Promise<Matrix & { themes: ThemeChoice[] }> {
  const user = await requireReader();
  const prisma = await requestPrisma();
  const audience = readAudience(user);
  const version = await requestRollupVersion();
  const key = aggregateKey('matrix', version, audience, [filter, sort, locale]);
  const [matrix, themes] = await Promise.all([
    cachedAggregate(key, () => statusMatrix(prisma, filter, sort, locale, audience)),
    // Only themes that have commitments addressed to member states can filter the matrix.
    prisma.theme.findMany({
      where: { commitments: { some: { addressee: 'MEMBER_STATES' } } },
      orderBy: { sortOrder: 'asc' },
      select: { code: true, name: true },
    }),
  ]);
  return { ...matrix, themes: themes.map((theme) => ({ code: theme.code, name: localize(theme.name, locale) })) };
}
