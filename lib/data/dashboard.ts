import 'server-only';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { requireReader } from '@/lib/auth/guard';
import { requestPrisma, requestRollupVersion } from '@/lib/data/request-db';
import { aggregateKey, cachedAggregate } from '@/lib/dashboard/cache';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import {
  changeSince,
  headline,
  partiesOverTime,
  recentVerifications,
  statusBreakdown,
  statusPerState,
  statusSeries,
  type ChangeSince,
  type Headline,
  type PartiesOverTime,
  type RecentVerification,
  type StateStatus,
  type StatusBreakdownRow,
  type StatusSeries,
} from '@/lib/dashboard/queries';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import { can } from '@/lib/permissions';
import { statementDate } from '@/lib/status/statement';
import { readAudience } from '@/lib/permissions';
import type { RegionalGroup } from '@/lib/vocabulary';

/**
 * Reads for the dashboard widgets. Each widget calls one of these from its own Suspense boundary, so a slow
 * aggregate never holds back the rest of the page; the guard and the audience are resolved once per request.
 */
const readerContext = cache(async () => {
  const user = await requireReader();
  const prisma = await requestPrisma();
  const version = await requestRollupVersion();
  const audience = readAudience(user);
  return {
    prisma,
    audience,
    publicOnly: audience.publicOnly,
    canRecordEvidence: can(user, 'write:evidence'),
    version,
  };
});

/**
 * An aggregate, or reference data a page shows beside it, for this reader (the page guard applies), cached until
 * the rollups' version changes (lib/dashboard/cache.ts): every review decision, bulk rebuild, seed and commitment
 * edit bumps it. `name` and `args` (JSON-serializable) must name everything the value depends on but the audience.
 */
export async function aggregate<T>(name: string, args: unknown[], compute: (context: ReaderContext) => Promise<T>) {
  const context = await readerContext();
  return cachedAggregate(aggregateKey(name, context.version, context.audience, args), () => compute(context));
}
type ReaderContext = Awaited<ReturnType<typeof readerContext>>;

/** Who reads: the public (only evidence marked public counts), and whether they may record evidence. */
export async function getReader(): Promise<{ publicOnly: boolean; canRecordEvidence: boolean }> {
  const { publicOnly, canRecordEvidence } = await readerContext();
  return { publicOnly, canRecordEvidence };
}

/**
 * The filter without `since`, which only the "change since" figures read: the other aggregates' cache keys (and
 * their queries) then do not depend on it, and a new "since" month reuses their cached values.
 */
function withoutSince(filter: DashboardFilter): DashboardFilter {
  return { ...filter, since: undefined };
}

export function getStatusSeries(given: DashboardFilter): Promise<StatusSeries> {
  const filter = withoutSince(given);
  return aggregate('series', [filter], ({ prisma, audience }) => statusSeries(prisma, filter, audience));
}

export function getHeadline(given: DashboardFilter): Promise<Headline> {
  const filter = withoutSince(given);
  return aggregate('headline', [filter], ({ prisma, audience }) => headline(prisma, filter, audience));
}

/**
 * Pairs newly covered and changed since the filter's `since` month, in all and per UN regional group, labelled in
 * the reader's language (so keyed by the locale too).
 */
export async function getChangeSince(filter: DashboardFilter, locale: Locale): Promise<ChangeSince> {
  const [enums, t] = await Promise.all([getTranslations('enums'), getTranslations('dashboard')]);
  return aggregate('change-since', [filter, locale], ({ prisma, audience }) =>
    changeSince(
      prisma,
      filter,
      audience,
      (group) => enums(`regionalGroup.${group as RegionalGroup}`),
      t('allMemberStates'),
    ),
  );
}

export async function getStatusBreakdown(
  given: DashboardFilter,
  by: 'theme' | 'group',
  locale: Locale,
): Promise<StatusBreakdownRow[]> {
  const filter = withoutSince(given);
  const enums = await getTranslations('enums');
  return aggregate('breakdown', [filter, by, locale], ({ prisma, audience }) =>
    statusBreakdown(prisma, filter, by, locale, audience, (group) => enums(`regionalGroup.${group as RegionalGroup}`)),
  );
}

export function getRecentVerifications(given: DashboardFilter, locale: Locale): Promise<RecentVerification[]> {
  const filter = withoutSince(given);
  return aggregate('recent', [filter, locale], ({ prisma, audience }) =>
    recentVerifications(prisma, filter, locale, audience),
  );
}

export function getStatusPerState(
  of: { commitment: string } | { theme: string },
  given: DashboardFilter,
  locale: Locale,
): Promise<StateStatus[]> {
  const filter = withoutSince(given);
  return aggregate('per-state', [of, filter, locale], ({ prisma, audience }) =>
    statusPerState(prisma, of, filter, locale, audience),
  );
}

/** Instruments joined over time by one country, or per state on average; null when nothing can be charted. */
export async function getPartiesOverTime(
  scope: { country: string } | { states: DashboardFilter },
  commitment?: string,
): Promise<(PartiesOverTime & { statement: { symbol: string; adoptedOn: Date } }) | null> {
  const { prisma } = await readerContext();
  const statement = await statementDate(prisma, commitment);
  if (!statement) return null;
  let commitmentId: number | null = null;
  if (commitment) {
    const found = await prisma.commitment.findUnique({ where: { code: commitment }, select: { id: true } });
    if (!found) return null;
    commitmentId = found.id;
  }
  let actorScope: { actorId: number } | { states: DashboardFilter };
  if ('country' in scope) {
    const actor = await prisma.actor.findUnique({ where: { code: scope.country }, select: { id: true } });
    if (!actor) return null;
    actorScope = { actorId: actor.id };
  } else {
    actorScope = scope;
  }
  const result = await partiesOverTime(prisma, actorScope, commitmentId, statement.adoptedOn);
  return { ...result, statement: { symbol: statement.symbol, adoptedOn: statement.adoptedOn } };
}

export interface FilterOptions {
  themes: { code: string; name: string }[];
  commitments: { code: string; title: string; themeCode: string }[];
  countries: { code: string; name: string }[];
}

/** The choices of the dashboard's filter form, in the reader's language. */
export function getFilterOptions(locale: Locale): Promise<FilterOptions> {
  return aggregate('filter-options', [locale], async ({ prisma }) => {
    const [themes, commitments, countries] = await Promise.all([
      prisma.theme.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true, name: true } }),
      prisma.commitment.findMany({
        where: { addressee: 'MEMBER_STATES' },
        orderBy: [{ document: { adoptedOn: 'asc' } }, { sortOrder: 'asc' }],
        select: { code: true, title: true, theme: { select: { code: true } } },
      }),
      prisma.actor.findMany({ where: { kind: 'MEMBER_STATE' }, select: { code: true, name: true } }),
    ]);
    const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : 'en');
    return {
      themes: themes.map((theme) => ({ code: theme.code, name: localize(theme.name, locale) })),
      commitments: commitments.map((c) => ({
        code: c.code,
        title: localize(c.title, locale),
        themeCode: c.theme.code,
      })),
      countries: countries
        .map((country) => ({ code: country.code, name: localize(country.name, locale) }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    };
  });
}
