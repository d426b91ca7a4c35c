import { Prisma } from '@/lib/generated/prisma/client';
import type { RegionalGroup } from '@/lib/vocabulary';

/**
 * The SQL conditions of the dashboard's filters, shared by the aggregates (lib/dashboard/queries.ts) and the
 * matrix (lib/status/matrix.ts): member states only, commitments on member states only.
 */
export interface ScopeFilter {
  theme?: string;
  commitment?: string;
  group?: RegionalGroup;
  country?: string;
}

/** Restricts member states (alias a) to the filter's regional group and country. */
export function actorScope(filter: ScopeFilter): Prisma.Sql {
  return Prisma.sql`a.kind = 'MEMBER_STATE'
    ${filter.group ? Prisma.sql`AND a."regionalGroup" = ${filter.group}::"RegionalGroup"` : Prisma.empty}
    ${filter.country ? Prisma.sql`AND a.code = ${filter.country}` : Prisma.empty}`;
}

/** Restricts commitments (aliases c, t) to those on member states in the filter's theme and commitment. */
export function commitmentScope(filter: ScopeFilter): Prisma.Sql {
  return Prisma.sql`c.addressee = 'MEMBER_STATES'
    ${filter.theme ? Prisma.sql`AND t.code = ${filter.theme}` : Prisma.empty}
    ${filter.commitment ? Prisma.sql`AND c.code = ${filter.commitment}` : Prisma.empty}`;
}

/** Both: pairs of a member state (a) and a commitment (c, t) in the filter. */
export function scopeSql(filter: ScopeFilter): Prisma.Sql {
  return Prisma.sql`${actorScope(filter)} AND ${commitmentScope(filter)}`;
}
