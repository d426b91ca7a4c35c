/**
 * URL filters name things (a country, a theme, an author). A value the form offers no choice for — mistyped,
 * stale, or simply unknown — must not filter the page down to nothing while the form shows "All": it is dropped,
 * and the page says so ("Unknown country 'XYZ' ignored"). Malformed values, which the filter parsers already drop,
 * are reported the same way.
 */
type SearchParams = Record<string, string | string[] | undefined>;

/** A filter value that was in the URL but is not used: its parameter name and the value as given. */
export type IgnoredFilter = { name: string; value: string };

const raw = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/**
 * Keeps the values of `filter` that are among `choices` and reports the rest. `choices` maps a parameter name to
 * the values the form offers, or to `null` when any well-formed value is fine (a month, free text): such a
 * parameter is reported only when the parser dropped it. Comparison is exact, so parse (and fold case) first.
 */
export function dropUnknown<F extends object>(
  params: SearchParams,
  filter: F,
  choices: { [K in keyof F & string]?: readonly string[] | null },
): { filter: F; ignored: IgnoredFilter[] } {
  const kept = { ...filter } as Record<string, unknown>;
  const ignored: IgnoredFilter[] = [];
  for (const [name, allowed] of Object.entries(choices) as [string, readonly string[] | null | undefined][]) {
    const given = raw(params[name]);
    if (!given) continue;
    const value = kept[name];
    if (value === undefined || value === null || value === '') {
      ignored.push({ name, value: given });
    } else if (allowed && !allowed.includes(String(value))) {
      kept[name] = undefined;
      ignored.push({ name, value: given });
    }
  }
  return { filter: kept as F, ignored };
}
