/**
 * Lists of member states shown a page at a time (the matrix, the commitment page's table across states): 193 rows
 * of 29+ cells each would make the page weigh more than the 300 kB a dashboard page may. Safe to import from server
 * and client components alike.
 */

/** Member states per page. */
export const STATES_PAGE_SIZE = 50;

/** One page of a list: its items, its 1-based number among `pages`, and the 1-based positions of its first and
 * last item among `total` (0 and 0 for an empty list). */
export interface ListPage<T> {
  items: T[];
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
}

/**
 * Page `page` (1-based) of `items`, `size` per page. A page past the end gives the last page and one below 1 the
 * first, so that a stale link (the list got shorter under a filter) still shows states. An empty list is one empty
 * page.
 */
export function pageOf<T>(items: readonly T[], page: number, size: number = STATES_PAGE_SIZE): ListPage<T> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`pageOf: size must be a positive integer, not ${size}`);
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Number.isInteger(page) ? page : 1), pages);
  const start = (current - 1) * size;
  const slice = items.slice(start, start + size);
  return {
    items: slice,
    page: current,
    pages,
    first: slice.length ? start + 1 : 0,
    last: start + slice.length,
    total,
  };
}
