import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/vocabulary';

/**
 * Every change writes one audit event inside the transaction of the change itself, so that a change whose
 * audit record cannot be written is rolled back with it. `before` and `after` are plain views chosen by the
 * caller: never a password, hash, token or session id.
 */
export interface AuditActor {
  userId: number | null;
  role: Role | null;
  requestId: string | null;
}

/**
 * Every action an audit event may record: "<entity>.<verb>". Writers are typed by this list, and each has its words
 * in messages (audit.actions.*), so the audit log and its people's CSV never show a bare code. Client-safe.
 */
export const AUDIT_ACTIONS = [
  'api_token.create',
  'api_token.revoke',
  'auth.second_factor',
  'auth.second_factor_failed',
  'auth.session_revoke',
  'auth.sessions_revoke_others',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'commitment.update',
  'evidence.create',
  'evidence.delete',
  'evidence.import',
  'evidence.return',
  'evidence.submit',
  'evidence.unpublish',
  'evidence.update',
  'evidence.verify',
  'evidence.withdraw',
  'ratification.update',
  'setting.update',
  'user.change_password',
  'user.create',
  'user.disable',
  'user.enable',
  'user.recovery_codes_regenerate',
  'user.reset_password',
  'user.second_factor_disable',
  'user.second_factor_enrol',
  'user.second_factor_reenrol',
  'user.second_factor_reset',
  'user.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit event is about (its entityType), each with its words in messages (audit.entities.*). */
export const AUDIT_ENTITY_TYPES = [
  'ApiToken',
  'Commitment',
  'Evidence',
  'InstrumentStatus',
  'Setting',
  'User',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
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
