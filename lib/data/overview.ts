import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { aggregate } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { Addressee, Strength } from '@/lib/vocabulary';
import { countActors } from '@/lib/queries/actors';

export interface Overview {
  commitments: Record<Addressee, number>;
  memberStates: number;
  unEntities: number;
  instruments: number;
  /** Commitments per theme and wording strength, for the overview table. */
  byTheme: { code: string; name: string; counts: Partial<Record<Strength, number>>; total: number }[];
}

/** The overview's reference figures for a page, cached with the dashboard's aggregates (they change with the seed). */
export function getOverview(locale: Locale): Promise<Overview> {
  return aggregate('overview', [locale], ({ prisma }) => queryOverview(prisma, locale));
}

/** getOverview without the page guard, for callers that checked access themselves (the by-theme CSV). */
export async function queryOverview(prisma: PrismaClient, locale: Locale): Promise<Overview> {
  const [byAddressee, memberStates, unEntities, instruments, themes, byThemeAndStrength] = await Promise.all([
    prisma.commitment.groupBy({ by: ['addressee'], _count: { _all: true } }),
    countActors(prisma, 'MEMBER_STATE'),
    countActors(prisma, 'UN_ENTITY'),
    prisma.instrument.count(),
    prisma.theme.findMany({ orderBy: { sortOrder: 'asc' } }),
    prisma.commitment.groupBy({ by: ['themeId', 'strength'], _count: { _all: true } }),
  ]);
  const commitments: Record<Addressee, number> = { MEMBER_STATES: 0, UN_SYSTEM: 0 };
  for (const row of byAddressee) commitments[row.addressee] = row._count._all;
  const byTheme = themes.map((theme) => {
    const counts: Partial<Record<Strength, number>> = {};
    for (const row of byThemeAndStrength) if (row.themeId === theme.id) counts[row.strength] = row._count._all;
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { code: theme.code, name: localize(theme.name, locale), counts, total };
  });
  return { commitments, memberStates, unEntities, instruments, byTheme };
}
