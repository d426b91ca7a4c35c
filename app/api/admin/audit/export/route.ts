import { authorizeDownload } from '@/lib/api/auth';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { csvStream } from '@/lib/csv';
import { auditEventsForExport } from '@/lib/data/audit';
import { getPrisma } from '@/lib/db';
import { roleCan } from '@/lib/permissions';
import { parseAuditFilter } from '@/lib/validation/audit';

/**
 * GET /api/admin/audit/export?user=&entity=&action=&from=&to=&bom=1 — the filtered audit log as CSV, to admins
 * (session cookie or API token, identified by lib/api/auth.ts as for the API; never while a one-time password
 * is pending).
 */
export async function GET(request: Request) {
  const caller = await authorizeDownload(await getPrisma(), request, 'read');
  if (!caller.ok) return caller.response;
  const user = caller.user;
  if (!user) return errorResponse(new ApiError(401, 'unauthenticated', 'Sign in first.'));
  if (!roleCan(user.role, 'read:audit')) {
    return errorResponse(new ApiError(403, 'forbidden', 'Your role may not read the audit log.'));
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = parseAuditFilter(params);
  async function* rows() {
    for await (const event of auditEventsForExport(user!, filter)) {
      yield [
        event.id,
        event.at,
        event.userEmail,
        event.userRole,
        event.action,
        event.entityType,
        event.entityId,
        event.before,
        event.after,
        event.requestId,
      ];
    }
  }
  const header = [
    'id',
    'at_utc',
    'user_email',
    'user_role',
    'action',
    'entity_type',
    'entity_id',
    'before',
    'after',
    'request_id',
  ];
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(header, rows(), { bom: params.bom === '1' }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
