import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { requirePermission } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { roleCan } from '@/lib/permissions';
import type { AuditFilter } from '@/lib/validation/audit';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  at: Date;
  userEmail: string | null;
  userRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

function where(filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    userId: filter.user,
    entityType: filter.entity,
    action: filter.action,
    at: {
      gte: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
      lt: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    },
  };
}

function toRow(row: Prisma.AuditEventGetPayload<{ include: { user: { select: { email: true } } } }>): AuditRow {
  return {
    id: row.id.toString(),
    at: row.at,
    userEmail: row.user?.email ?? null,
    userRole: row.userRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}

export async function listAuditEvents(filter: AuditFilter) {
  await requirePermission('read:audit');
  const prisma = await requestPrisma();
  const [total, rows, users, entities, actions] = await Promise.all([
    prisma.auditEvent.count({ where: where(filter) }),
    prisma.auditEvent.findMany({
      where: where(filter),
      orderBy: { id: 'desc' },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { user: { select: { email: true } } },
    }),
    prisma.user.findMany({ select: { id: true, email: true }, orderBy: { email: 'asc' } }),
    prisma.auditEvent.findMany({
      distinct: ['entityType'],
      select: { entityType: true },
      orderBy: { entityType: 'asc' },
    }),
    prisma.auditEvent.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map(toRow),
    options: { users, entities: entities.map((e) => e.entityType), actions: actions.map((a) => a.action) },
  };
}

/** All matching events, oldest first, fetched in batches so that a long log streams in constant memory. */
export async function* auditEventsForExport(user: CurrentUser, filter: AuditFilter): AsyncGenerator<AuditRow> {
  if (!roleCan(user.role, 'read:audit')) throw new Error(`User ${user.id} may not read the audit log`);
  // A route handler's stream: no render scope for connection() (the route already read the request's headers).
  const prisma = await getPrisma();
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await prisma.auditEvent.findMany({
      where: { ...where(filter), id: cursor === undefined ? undefined : { gt: cursor } },
      orderBy: { id: 'asc' },
      take: 1000,
      include: { user: { select: { email: true } } },
    });
    for (const row of batch) yield toRow(row);
    if (batch.length < 1000) return;
    cursor = batch.at(-1)!.id;
  }
}
