import { z } from 'zod';
import type { ReviewFilter } from '@/lib/data/evidence';
import { actorCode, commitmentCode, themeCode } from '@/lib/validation/codes';
import { REGIONAL_GROUPS, REVIEW_STATES } from '@/lib/vocabulary';

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Review queue filters from the URL; malformed values are dropped. */
const ReviewFilterSchema = z.object({
  country: actorCode().optional().catch(undefined),
  commitment: commitmentCode().optional().catch(undefined),
  author: z.email().optional().catch(undefined),
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
});

export function parseReviewFilter(params: SearchParams): ReviewFilter {
  return ReviewFilterSchema.parse({
    country: first(params.country),
    commitment: first(params.commitment),
    author: first(params.author),
    olderThanDays: first(params.age),
  });
}

const optionalEmail = z.string().trim().toLowerCase().pipe(z.email()).optional().catch(undefined);
const optionalDate = z.iso.date().optional().catch(undefined);

/**
 * The one evidence filter of the evidence browser (app/[locale]/evidence) and the evidence CSV export, so that the
 * CSV behind the browser's link holds exactly the records shown. From the URL; malformed values are dropped.
 * `q` searches the latest revision's summary (both languages), tags, and its sources' titles, references and web
 * addresses; `author`/`reviewer` match anyone who wrote or reviewed any revision; `from`/`to` bound the latest
 * revision's observed date (YYYY-MM-DD, both included); `mine` keeps records the reader created or wrote.
 */
const EvidenceFilterSchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .catch(undefined)
      .transform((q) => q || undefined),
    country: actorCode().optional().catch(undefined),
    commitment: commitmentCode().optional().catch(undefined),
    state: z.enum(REVIEW_STATES).optional().catch(undefined),
    theme: themeCode().optional().catch(undefined),
    group: z.enum(REGIONAL_GROUPS).optional().catch(undefined),
    author: optionalEmail,
    reviewer: optionalEmail,
    from: optionalDate,
    to: optionalDate,
    mine: z
      .enum(['1'])
      .optional()
      .catch(undefined)
      .transform((value) => value === '1'),
  })
  // A reversed range is read as the range it names.
  .transform((filter) =>
    filter.from && filter.to && filter.from > filter.to ? { ...filter, from: filter.to, to: filter.from } : filter,
  );
export type EvidenceFilter = z.output<typeof EvidenceFilterSchema>;

/** The URL parameters of the evidence filter, in the order links write them. */
export const EVIDENCE_FILTER_KEYS = [
  'q',
  'country',
  'commitment',
  'theme',
  'group',
  'state',
  'author',
  'reviewer',
  'from',
  'to',
  'mine',
] as const;

export function parseEvidenceFilter(params: SearchParams): EvidenceFilter {
  return EvidenceFilterSchema.parse(Object.fromEntries(EVIDENCE_FILTER_KEYS.map((key) => [key, first(params[key])])));
}

/** The filter as URL parameters (for links and the CSV link), without empty values. */
export function evidenceFilterParams(filter: EvidenceFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of EVIDENCE_FILTER_KEYS) {
    const value = filter[key];
    if (value === true) params[key] = '1';
    else if (typeof value === 'string' && value) params[key] = value;
  }
  return params;
}
