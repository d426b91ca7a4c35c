import { z } from 'zod';
import { themeCode } from '@/lib/validation/codes';
import { StoredText } from '@/lib/validation/primitives';
import { ADDRESSEES, REGIONAL_GROUPS, STRENGTHS } from '@/lib/vocabulary';

/**
 * Filters arrive in the URL so that any view can be shared. Unknown or malformed values are dropped rather
 * than failing the page: a stale shared link still opens, showing everything the remaining filters allow.
 */
type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

const CommitmentFilterSchema = z.object({
  theme: themeCode().optional().catch(undefined),
  addressee: optionalEnum(ADDRESSEES),
  strength: optionalEnum(STRENGTHS),
});
export type CommitmentFilter = z.infer<typeof CommitmentFilterSchema>;

export function parseCommitmentFilter(params: SearchParams): CommitmentFilter {
  return CommitmentFilterSchema.parse({
    theme: first(params.theme) || undefined,
    addressee: first(params.addressee) || undefined,
    strength: first(params.strength) || undefined,
  });
}

const CountryFilterSchema = z.object({
  q: StoredText.trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((q) => q || undefined),
  group: optionalEnum(REGIONAL_GROUPS),
});
export type CountryFilter = z.infer<typeof CountryFilterSchema>;

export function parseCountryFilter(params: SearchParams): CountryFilter {
  return CountryFilterSchema.parse({ q: first(params.q), group: first(params.group) || undefined });
}
