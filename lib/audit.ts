import type { Prisma } from '@/lib/generated/prisma/client';
import type { RoleName } from '@/lib/permissions';

/**
 * Every change writes one audit event inside the transaction of the change itself, so that a change whose
 * audit record cannot be written is rolled back with it. `before` and `after` are plain views chosen by the
 * caller: never a password, hash, token or session id.
 */
export interface AuditActor {
  userId: number | null;
  role: RoleName | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditEvent'>;

export async function recordAudit(tx: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: actor.userId,
      userRole: actor.role,
      requestId: actor.requestId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
