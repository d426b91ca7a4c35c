import { z } from 'zod';
import type { ReviewFilter } from '@/lib/data/evidence';
import { actorCode, commitmentCode } from '@/lib/validation/codes';

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
