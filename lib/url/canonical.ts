import { permanentRedirect } from 'next/navigation';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Sends a page addressed by a code in another case (/en/countries/ken) to its one canonical address
 * (/en/countries/KEN), keeping the query string. `path` is the canonical path without query. Never returns.
 */
export function redirectToCanonical(path: string, searchParams: SearchParams): never {
  const query = new URLSearchParams(
    Object.entries(searchParams).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => [key, item]),
    ),
  ).toString();
  permanentRedirect(query ? `${path}?${query}` : path);
}
