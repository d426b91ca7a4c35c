import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { csvStream } from '@/lib/csv';
import { auditEventsForExport } from '@/lib/data/audit';
import { roleCan } from '@/lib/permissions';
import { parseAuditFilter } from '@/lib/validation/audit';

/** GET /api/admin/audit/export?user=&entity=&action=&from=&to=&bom=1 — the filtered audit log as CSV. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: { code: 'unauthenticated', message: 'Sign in first.' } }, { status: 401 });
  if (!roleCan(user.role, 'read:audit')) {
    return Response.json(
      { error: { code: 'forbidden', message: 'Your role may not read the audit log.' } },
      { status: 403 },
    );
  }
  const params = Object.fromEntries(request.nextUrl.searchParams);
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
