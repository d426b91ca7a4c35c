import { z } from 'zod';
import type { ReviewFilter } from '@/lib/data/evidence';

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Review queue filters from the URL; malformed values are dropped. */
const ReviewFilterSchema = z.object({
  country: z
    .string()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,40}$/)
    .optional()
    .catch(undefined),
  commitment: z
    .string()
    .regex(/^P\d{2}-[a-z0-9-]+$/)
    .optional()
    .catch(undefined),
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
