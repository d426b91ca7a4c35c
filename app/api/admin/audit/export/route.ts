import { authorizeDownload } from '@/lib/api/auth';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { csvStream } from '@/lib/csv';
import { auditEventsForExport } from '@/lib/data/audit';
import { getPrisma } from '@/lib/db';
import { roleCan } from '@/lib/permissions';
import { auditActionWords, auditEntityWords } from '@/lib/i18n/codes';
import { codeWords, readerLocale, translator } from '@/lib/transfer/tables';
import { parseAuditFilter } from '@/lib/validation/audit';
import { wantsWords } from '@/lib/validation/transfer';
import { isoDay } from '@/lib/dates';

/**
 * GET /api/admin/audit/export?user=&entity=&action=&from=&to=&bom=1 — the filtered audit log as CSV, to admins
 * (session cookie or API token, identified by lib/api/auth.ts as for the API; never while a one-time password
 * is pending). Codes throughout (for import and integration); with `&labels=words&locale=en|zh`, the people's
 * file: the page's columns with its headings; actions, entities, roles and the stored codes in the values before and
 * after as words.
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
  const words = wantsWords(params);
  const locale = readerLocale(params.locale);
  const people = words
    ? {
        t: await translator(locale, 'audit'),
        admin: await translator(locale, 'admin'),
        label: await codeWords(locale),
        root: await translator(locale),
      }
    : null;
  async function* rows() {
    for await (const event of auditEventsForExport(user!, filter)) {
      yield people
        ? [
            event.at.toISOString(),
            event.userEmail ?? people.t('system'),
            event.userRole ? people.label(event.userRole) : null,
            auditActionWords(event.action, people.root),
            auditEntityWords(event.entityType, event.entityId, people.root),
            people.label(event.before),
            people.label(event.after),
          ]
        : [
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
  const header = people
    ? [
        people.t('at'),
        people.t('user'),
        people.admin('role'),
        people.t('action'),
        people.t('entity'),
        people.t('before'),
        people.t('after'),
      ]
    : [
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
  const stamp = isoDay(new Date());
  return new Response(csvStream(header, rows(), { bom: params.bom === '1' }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
