import { z } from 'zod';
import type { FilterOptions } from '@/lib/data/dashboard';
import { dropUnknown, type IgnoredFilter } from '@/lib/filters/known';
import { commitmentCode, countryCode, month as monthOf, themeCode } from '@/lib/validation/codes';
import { REGIONAL_GROUPS } from '@/lib/vocabulary';

/**
 * The dashboard's filters, shared by every view and kept in the URL so that a view can be shared: theme,
 * commitment, UN regional group, country, a range of months, and the month that the overview's "change since"
 * figures count from (`since`: changes from the start of that month to the end of the range). As elsewhere (lib/validation/filters.ts), unknown or
 * malformed values are dropped rather than failing the page.
 */
type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const month = monthOf().optional().catch(undefined);

export const DashboardFilterSchema = z
  .object({
    theme: themeCode().optional().catch(undefined),
    commitment: commitmentCode().optional().catch(undefined),
    group: z.enum(REGIONAL_GROUPS).optional().catch(undefined),
    country: countryCode().optional().catch(undefined),
    from: month,
    to: month,
    since: month,
  })
  // A reversed range is read as the range it names.
  .transform((filter) =>
    filter.from && filter.to && filter.from > filter.to ? { ...filter, from: filter.to, to: filter.from } : filter,
  );
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;

export const DASHBOARD_FILTER_KEYS = ['theme', 'commitment', 'group', 'country', 'from', 'to', 'since'] as const;

export function parseDashboardFilter(params: SearchParams): DashboardFilter {
  return DashboardFilterSchema.parse(
    Object.fromEntries(DASHBOARD_FILTER_KEYS.map((key) => [key, first(params[key]) || undefined])),
  );
}

/** The filter as a query string ("?theme=…&from=…"), for links and exports that keep the reader's view. */
export function filterQuery(filter: DashboardFilter, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of DASHBOARD_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The parsed filter with values the dashboard offers no choice for dropped (an unknown theme, commitment or country,
 * a malformed month), and those values listed for the page's notice. `fixed` names filters the page sets itself
 * (a country page's country): they are neither checked nor reported.
 */
export function knownDashboardFilter(
  params: SearchParams,
  options: FilterOptions,
  fixed: readonly (typeof DASHBOARD_FILTER_KEYS)[number][] = [],
): { filter: DashboardFilter; ignored: IgnoredFilter[] } {
  const choices: Partial<Record<(typeof DASHBOARD_FILTER_KEYS)[number], readonly string[] | null>> = {
    theme: options.themes.map((theme) => theme.code),
    commitment: options.commitments.map((commitment) => commitment.code),
    group: REGIONAL_GROUPS,
    country: options.countries.map((country) => country.code),
    from: null,
    to: null,
    since: null,
  };
  for (const key of fixed) delete choices[key];
  return dropUnknown(params, parseDashboardFilter(params), choices);
}
