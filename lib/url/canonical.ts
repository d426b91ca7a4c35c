import type { Locale } from '@/lib/i18n/config';
import { permanentRedirect } from '@/lib/i18n/navigation';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Sends a page addressed by a code in another case (/en/countries/ken) to its one canonical address
 * (/en/countries/KEN), keeping the query string. `pathname` is the canonical path without locale and query
 * ("/countries/KEN"). Never returns.
 */
export function redirectToCanonical(pathname: string, locale: Locale, searchParams: SearchParams): never {
  const query = Object.fromEntries(
    Object.entries(searchParams).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]])),
  );
  permanentRedirect({ href: Object.keys(query).length > 0 ? { pathname, query } : pathname, locale });
}
