/**
 * Enum values of the status screens in display order; their labels live in messages/<locale>/status.json.
 * Safe to import from client components.
 */
export const IMPLEMENTATION_STATUSES = [
  'FULLY_IMPLEMENTED',
  'PARTIALLY_IMPLEMENTED',
  'IN_PROGRESS',
  'NOT_STARTED',
  'NOT_APPLICABLE',
  'NO_INFORMATION',
] as const;
export type ImplementationStatusValue = (typeof IMPLEMENTATION_STATUSES)[number];
export type StatusCounts = Record<ImplementationStatusValue, number>;

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

/** An actor's status for an instrument; the last five are ways of consenting to be bound, i.e. being a party. */
export const RATIFICATION_STATUSES = [
  'NOT_PARTY',
  'SIGNED',
  'RATIFICATION',
  'ACCESSION',
  'ACCEPTANCE',
  'APPROVAL',
  'SUCCESSION',
] as const;
export type RatificationStatusValue = (typeof RATIFICATION_STATUSES)[number];

export const PARTY_STATUSES = ['RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL', 'SUCCESSION'] as const;

export function isPartyStatus(status: string): boolean {
  return (PARTY_STATUSES as readonly string[]).includes(status);
}
