import { z } from 'zod';
import { Day, Id } from '@/lib/validation/primitives';

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** Audit log filters from the URL; malformed values are dropped so that a shared link still opens. */
const AuditFilterSchema = z.object({
  user: Id.optional().catch(undefined),
  entity: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined),
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional()
    .catch(undefined),
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export function parseAuditFilter(params: SearchParams): AuditFilter {
  return AuditFilterSchema.parse({
    user: first(params.user),
    entity: first(params.entity),
    action: first(params.action),
    from: first(params.from),
    to: first(params.to),
    page: first(params.page),
  });
}

/** The filter as URL query parameters (without the page), for links and the CSV export. */
export function auditFilterQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['user', 'entity', 'action', 'from', 'to'] as const) {
    if (filter[key] !== undefined) query.set(key, String(filter[key]));
  }
  return query;
}
