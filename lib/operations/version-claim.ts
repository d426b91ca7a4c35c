import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError, StaleSaveError, type StaleSave, type VersionedEntity } from '@/lib/operations/define';

/**
 * The one optimistic-lock claim. Every row an editor changes after reading it (evidence records, users,
 * commitments, ratification statuses) carries a `version`; a write names the version it read and claims the next
 * one in a single `UPDATE … WHERE <key> AND version = <read>`, so of two writers who read the same version exactly
 * one wins and the other gets a StaleSaveError (409 `stale_save`) saying what the row is now — never a silent
 * overwrite. The evidence import claims its rows the same way in set-based SQL (lib/transfer/evidence-import.ts)
 * and reports a lost claim with the same error, through `staleSaveOf`.
 */
type Tx = Prisma.TransactionClient;

/** How each versioned row is named (its unique key) and what a claim may also change on it. */
interface Claimable {
  evidence: { key: { id: number }; data: Prisma.EvidenceUncheckedUpdateManyInput };
  user: { key: { id: number }; data: Prisma.UserUncheckedUpdateManyInput };
  commitment: { key: { code: string }; data: Prisma.CommitmentUncheckedUpdateManyInput };
  ratification: { key: { id: number }; data: Prisma.InstrumentStatusUncheckedUpdateManyInput };
}

/** The message key (namespace "outcomes") of each entity's stale save. */
export const STALE_SAVE_MESSAGES: Record<VersionedEntity, string> = {
  evidence: 'evidenceChangedMeanwhile',
  user: 'userChangedMeanwhile',
  commitment: 'commitmentChangedMeanwhile',
  ratification: 'ratificationChangedMeanwhile',
};

const NOT_FOUND: Record<VersionedEntity, string> = {
  evidence: 'evidenceNotFound',
  user: 'userNotFound',
  commitment: 'commitmentNotFound',
  ratification: 'ratificationNotFound',
};

type UpdateMany = (args: { where: object; data: object }) => Promise<{ count: number }>;

function updateManyOf(tx: Tx, entity: VersionedEntity): UpdateMany {
  // One generic call over four delegates whose argument types Prisma spells apart; the keys and data are typed
  // per entity by Claimable above.
  const delegates: Record<VersionedEntity, { updateMany: unknown }> = {
    evidence: tx.evidence,
    user: tx.user,
    commitment: tx.commitment,
    ratification: tx.instrumentStatus,
  };
  const delegate = delegates[entity] as { updateMany: UpdateMany };
  return (args) => delegate.updateMany(args);
}

/**
 * Claims the next version of one row: sets `data` and `version = expected + 1` where the row is at `expected`.
 * Throws StaleSaveError (409 `stale_save`, with what the row is now) when the row is at another version, and
 * DomainError 404 `not_found` when there is no such row. Runs in the caller's transaction.
 */
export async function claimVersion<E extends VersionedEntity>(
  tx: Tx,
  entity: E,
  key: Claimable[E]['key'],
  expected: number,
  data: Claimable[E]['data'] = {},
): Promise<void> {
  const { count } = await updateManyOf(
    tx,
    entity,
  )({
    where: { ...key, version: expected },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 1) return;
  throw await staleSaveError(tx, entity, key, expected);
}

/**
 * Moves a row to its next version without naming the one read: for changes a user makes to their own account
 * (a new password, a new second factor) that must make an admin's open form of that user stale, and that no
 * admin's edit may block. `data` is set with it. Throws DomainError 404 when there is no such row.
 */
export async function bumpVersion<E extends VersionedEntity>(
  tx: Tx,
  entity: E,
  key: Claimable[E]['key'],
  data: Claimable[E]['data'] = {},
): Promise<void> {
  const { count } = await updateManyOf(tx, entity)({ where: key, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new DomainError(404, 'not_found', NOT_FOUND[entity]);
}

/**
 * What a row is now, for a writer who named `expected`: its version, when and (where recorded) by whom it was
 * last saved, and an evidence record's review state. A ratification status that does not exist is version 0 (a
 * form read before any status was recorded); any other missing row is DomainError 404.
 */
export async function staleSaveOf<E extends VersionedEntity>(
  tx: Tx,
  entity: E,
  key: Claimable[E]['key'],
  expected: number,
): Promise<StaleSave> {
  const base = { entity, expected, changedBy: null, state: null };
  switch (entity) {
    case 'evidence': {
      const row = await tx.evidence.findUnique({
        where: key as Claimable['evidence']['key'],
        select: {
          version: true,
          updatedAt: true,
          state: true,
          revisions: { orderBy: { number: 'desc' }, take: 1, select: { author: { select: { email: true } } } },
        },
      });
      if (!row) throw new DomainError(404, 'not_found', NOT_FOUND.evidence);
      return {
        ...base,
        current: row.version,
        changedAt: row.updatedAt.toISOString(),
        changedBy: row.revisions[0]?.author.email ?? null,
        state: row.state,
      };
    }
    case 'user': {
      const row = await tx.user.findUnique({
        where: key as Claimable['user']['key'],
        select: { version: true, updatedAt: true },
      });
      if (!row) throw new DomainError(404, 'not_found', NOT_FOUND.user);
      return { ...base, current: row.version, changedAt: row.updatedAt.toISOString() };
    }
    case 'commitment': {
      const row = await tx.commitment.findUnique({
        where: key as Claimable['commitment']['key'],
        select: { version: true, updatedAt: true },
      });
      if (!row) throw new DomainError(404, 'not_found', NOT_FOUND.commitment);
      return { ...base, current: row.version, changedAt: row.updatedAt.toISOString() };
    }
    default: {
      const row = await tx.instrumentStatus.findUnique({
        where: key as Claimable['ratification']['key'],
        select: { version: true, updatedAt: true, updatedBy: { select: { email: true } } },
      });
      if (!row) return { ...base, current: 0, changedAt: null };
      return {
        ...base,
        current: row.version,
        changedAt: row.updatedAt.toISOString(),
        changedBy: row.updatedBy?.email ?? null,
      };
    }
  }
}

/** The StaleSaveError for a row whose claim was lost (see `staleSaveOf`). */
export async function staleSaveError<E extends VersionedEntity>(
  tx: Tx,
  entity: E,
  key: Claimable[E]['key'],
  expected: number,
): Promise<StaleSaveError> {
  return new StaleSaveError(await staleSaveOf(tx, entity, key, expected), STALE_SAVE_MESSAGES[entity]);
}
