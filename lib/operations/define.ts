import { type z } from 'zod';
import { recordAudit, type AuditEntry } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { roleCan, type Permission } from '@/lib/permissions';
import { runTransaction, TransactionConflictError } from '@/lib/transaction';
import { parseInput, type InputIssue } from '@/lib/validation/primitives';

/**
 * The one wrapper for every change. Each operation runs in the same order — authenticate, authorize, validate,
 * then mutate and audit in one transaction, run again when the database aborts it as a serialization failure or a
 * deadlock (a bounded number of times; then a 409 `write_conflict`) — and answers with the same contract, which server actions and
 * API routes turn into form state or HTTP responses. Operations take the acting user as an argument, so the
 * permission table test can run each of them as every role against a real database.
 */
export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 429 | 500;

/**
 * `message` is a key of the "outcomes" namespace of messages/<locale>.json and each field error a key of the
 * "validation" namespace (a key may carry a detail after a colon, e.g. "unknownCountries:XXX, YYY").
 */
export interface Failure {
  ok: false;
  status: FailureStatus;
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Set when the write named a version that is no longer current (a stale save): what the row is now. */
  staleSave?: StaleSave;
}

/** The rows that carry an optimistic-lock `version`, which every write of them names (lib/operations/version-claim.ts). */
export type VersionedEntity = 'evidence' | 'user' | 'commitment' | 'ratification';

/**
 * A stale save, as a plain (serializable) object that travels unchanged to the form, which says what changed
 * (components/forms/StaleSaveNotice.tsx), and to the API, which answers 412 `precondition_failed` with it
 * (lib/api/errors.ts). Made only by lib/operations/version-claim.ts from the row as it is now.
 */
export interface StaleSave {
  entity: VersionedEntity;
  /** The version the writer read and named. */
  expected: number;
  /** The row's version now; 0 when there is no row (a first save that named one that does not exist). */
  current: number;
  /** When the row was last saved, ISO 8601 in UTC; null when there is no row. */
  changedAt: string | null;
  /** Email of who saved it last, where the row records that (evidence, ratification); else null. */
  changedBy: string | null;
  /** The review state of an evidence record now (its code, e.g. "SUBMITTED"); null for other rows. */
  state: string | null;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

/** A failure the domain expects (not found, conflict, a field that fails a business rule). */
export class DomainError extends Error {
  constructor(
    readonly status: Exclude<FailureStatus, 401 | 500>,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/**
 * The write named a version of a row that someone else has saved since: 409 `stale_save`, nothing written, the
 * message key the entity's "…ChangedMeanwhile" and `staleSave` what the row is now. Thrown only by
 * lib/operations/version-claim.ts.
 */
export class StaleSaveError extends DomainError {
  constructor(
    readonly staleSave: StaleSave,
    message: string,
  ) {
    super(409, 'stale_save', message);
  }
}

export interface OperationContext {
  user: CurrentUser | null;
  requestId: string | null;
  prisma: PrismaClient;
}

export interface ExecuteContext {
  tx: Prisma.TransactionClient;
  user: CurrentUser;
  audit(entry: AuditEntry): Promise<void>;
  /**
   * Undoes, after the transaction has failed and rolled back, what the operation did outside the database
   * (files it wrote); runs with the plain client, best effort, in the order registered.
   */
  afterRollback(undo: (prisma: PrismaClient) => Promise<void>): void;
}

export interface Operation<Input, Output> {
  name: string;
  /** 'signed-in' for what every signed-in user may do to their own account. */
  permission: Permission | 'signed-in';
  /** Whether a user who must still change a one-time password may run it (only changing that password). */
  allowedWhilePasswordChangePending: boolean;
  run(context: OperationContext, input: unknown): Promise<Outcome<Output>>;
  /** Only for typing callers; never read. */
  readonly _input?: Input;
}

/** Issues as `{ "sources.0.url": ["urlInvalid"] }`; an issue of the whole input goes under `_form`. */
export function fieldErrorsOf(issues: readonly InputIssue[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function defineOperation<Schema extends z.ZodType, Output>(spec: {
  name: string;
  permission: Permission | 'signed-in';
  input: Schema;
  execute(context: ExecuteContext, input: z.output<Schema>): Promise<Output>;
  /** Transaction timeout in milliseconds (default 30 s); bulk operations need more. */
  timeout?: number;
  /**
   * Only for changing one's own password: whoever set a one-time password (an admin, a shell) knows it, so
   * until its owner has replaced it every other operation is refused.
   */
  allowedWhilePasswordChangePending?: true;
  /** May run while a second factor is yet to be enrolled (the enrolment itself, changing a one-time password). */
  duringEnrolment?: boolean;
}): Operation<z.input<Schema>, Output> {
  const allowedWhilePasswordChangePending = spec.allowedWhilePasswordChangePending === true;
  return {
    name: spec.name,
    permission: spec.permission,
    allowedWhilePasswordChangePending,
    async run({ user, requestId, prisma }, rawInput) {
      if (!user) return { ok: false, status: 401, code: 'unauthenticated', message: 'unauthenticated' };
      if (user.mustChangePassword && !allowedWhilePasswordChangePending) {
        return { ok: false, status: 403, code: 'password_change_required', message: 'passwordChangeRequired' };
      }
      if (user.pendingSecondFactor && !(user.pendingSecondFactor === 'enrol' && spec.duringEnrolment)) {
        return { ok: false, status: 403, code: 'second_factor_pending', message: 'secondFactorPending' };
      }
      if (spec.permission !== 'signed-in' && !roleCan(user.role, spec.permission)) {
        return { ok: false, status: 403, code: 'forbidden', message: 'forbidden' };
      }
      // A read-only API token never writes, whatever its owner's role allows.
      if (user.apiToken && user.apiToken.scope !== 'READ_WRITE') {
        return { ok: false, status: 403, code: 'token_read_only', message: 'tokenReadOnly' };
      }
      const parsed = parseInput<z.output<Schema>>(spec.input, rawInput);
      if (!parsed.success) {
        return {
          ok: false,
          status: 400,
          code: 'invalid',
          message: 'fieldsInvalid',
          fieldErrors: fieldErrorsOf(parsed.issues),
        };
      }
      const undos: ((prisma: PrismaClient) => Promise<void>)[] = [];
      try {
        // A serialization failure or deadlock runs the whole of execute again (lib/transaction.ts), so execute
        // acts outside the database only in ways that are harmless to repeat.
        const value = await runTransaction(
          prisma,
          (tx) =>
            spec.execute(
              {
                tx,
                user,
                audit: (entry) => recordAudit(tx, { userId: user.id, role: user.role, requestId }, entry),
                afterRollback: (undo) => void undos.push(undo),
              },
              parsed.data,
            ),
          { timeout: spec.timeout ?? 30_000 },
        );
        return { ok: true, value };
      } catch (error) {
        for (const undo of undos) {
          await undo(prisma).catch((problem: unknown) =>
            console.error(`Operation ${spec.name}: cleaning up after a failed write failed:`, problem),
          );
        }
        if (error instanceof TransactionConflictError) {
          console.warn(
            `Operation ${spec.name} gave up after ${error.attempts} attempts (request ${requestId ?? '-'}):`,
            error.lastError,
          );
          return { ok: false, status: 409, code: 'write_conflict', message: 'writeConflict' };
        }
        if (error instanceof DomainError) {
          return {
            ok: false,
            status: error.status,
            code: error.code,
            message: error.message,
            fieldErrors: error.fieldErrors,
            ...(error instanceof StaleSaveError ? { staleSave: error.staleSave } : {}),
          };
        }
        console.error(`Operation ${spec.name} failed (request ${requestId ?? '-'}):`, error);
        return { ok: false, status: 500, code: 'internal', message: 'internal' };
      }
    },
  };
}
