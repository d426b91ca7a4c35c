import { z } from 'zod';
import { MATRIX_SORTS, type MatrixSort } from '@/lib/status/matrix';
import { STATUS_SORT_KEYS, type SortDirection, type StatusSortKey } from '@/lib/status/constants';
import { INSTRUMENT_CODE } from '@/lib/validation/codes';

/**
 * URL parameters of the status screens. As with lib/validation/filters.ts, unknown or malformed values are
 * dropped rather than failing the page, so a stale shared link still opens.
 */
type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const StatusSortSchema = z.object({
  sort: z.enum(STATUS_SORT_KEYS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});
export interface StatusSort {
  sort: StatusSortKey;
  dir: SortDirection;
}

export function parseStatusSort(params: SearchParams): StatusSort {
  return StatusSortSchema.parse({ sort: first(params.sort), dir: first(params.dir) });
}

/** The matrix's row order (?sort=name|group|progress). */
export function parseMatrixSort(params: SearchParams): MatrixSort {
  return z.enum(MATRIX_SORTS).catch('name').parse(first(params.sort));
}

/** Which page of a list of member states to show (?page=2; lib/status/paging.ts): 1 when absent or malformed. */
export function parseStatesPage(params: SearchParams): number {
  return z.coerce.number().int().min(1).max(10_000).catch(1).parse(first(params.page));
}

/** The instrument whose ratification history the country page shows (?history=code). */
export function parseHistoryParam(params: SearchParams): string | undefined {
  const value = first(params.history);
  return value && INSTRUMENT_CODE.test(value) ? value : undefined;
}
