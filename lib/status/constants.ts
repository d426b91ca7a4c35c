import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/** Pairs at each implementation status (see IMPLEMENTATION_STATUSES in lib/vocabulary.ts). Safe in client components. */
export type StatusCounts = Record<ImplementationStatus, number>;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

/** Pairs with any verified evidence among `counts`: every status but "no information" ("not applicable" too). */
export function pairsWithEvidence(counts: StatusCounts): number {
  return IMPLEMENTATION_STATUSES.reduce((sum, status) => (status === 'NO_INFORMATION' ? sum : sum + counts[status]), 0);
}

/** Columns of the "status across member states" table that can be sorted through ?sort=…&dir=…. */
export const STATUS_SORT_KEYS = ['name', 'status', 'group', 'date'] as const;
export type StatusSortKey = (typeof STATUS_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
