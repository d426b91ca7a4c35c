import { z } from 'zod';
import { Id } from '@/lib/validation/primitives';
import { checkUpload, removeStoredFile, storeAttachment } from '@/lib/attachments/store';
import type { CurrentUser } from '@/lib/auth/current-user';
import { refreshPairRollups, refreshRollupsForPairs } from '@/lib/evidence/rollups';
import {
  deleteViolations,
  reviewViolations,
  submitViolations,
  unpublishViolations,
  violationFailure,
  withdrawViolations,
  writeViolations,
  type RuleRecord,
  type RuleViolation,
} from '@/lib/evidence/rules';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError, defineOperation, type ExecuteContext } from '@/lib/operations/define';
import { claimVersion } from '@/lib/operations/version-claim';
import {
  CreateEvidenceInput,
  DeleteEvidenceInput,
  type EvidenceFields,
  missingForReview,
  ReviewEvidenceInput,
  SubmitEvidenceInput,
  UnpublishEvidenceInput,
  UpdateEvidenceInput,
  WithdrawEvidenceInput,
} from '@/lib/validation/evidence';
import { isoDayOrNull } from '@/lib/dates';

/**
 * The evidence workflow: draft → submitted → verified or returned. Every save adds a revision (nothing is
 * overwritten); a verified revision keeps counting until a newer one is verified; nobody reviews their own
 * record; every write names the version it read and a stale one is refused with a conflict.
 */
type Tx = Prisma.TransactionClient;
type Fields = z.output<typeof EvidenceFields>;

const MAX_ATTACHMENTS_PER_SAVE = 5;
const Upload = z.object({
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  bytes: z.instanceof(Uint8Array),
});
const Attachments = z
  .object({
    attachments: z.array(Upload).max(MAX_ATTACHMENTS_PER_SAVE, 'tooManyAttachments').default([]),
    removeAttachmentIds: z.array(Id).default([]),
  })
  .partial();

/** Throws the operation failure for the violations of the evidence rules, if any. */
function enforce(violations: RuleViolation[]) {
  const failure = violationFailure(violations);
  if (failure) throw new DomainError(failure.status, failure.code, failure.message, failure.fieldErrors);
}

/** The actor and commitment the fields name, looked up for the rules (null: no such code). */
async function findTargets(tx: Tx, fields: Fields) {
  const [actor, commitment] = await Promise.all([
    tx.actor.findUnique({ where: { code: fields.actorCode }, select: { id: true, code: true, kind: true } }),
    tx.commitment.findUnique({ where: { code: fields.commitmentCode }, select: { id: true, addressee: true } }),
  ]);
  return { actor, commitment };
}

/**
 * Checks and stores the uploaded files. Every refused file is named with its reason
 * (`attachmentRefused:<file name>|<reason key>`, e.g. an empty file's `fileEmpty`) and then nothing is stored. A
 * file this save wrote new is removed again if the save's transaction fails, unless a committed attachment names
 * it by then (files are shared by content).
 */
async function storeUploads(uploads: z.output<typeof Upload>[], afterRollback: ExecuteContext['afterRollback']) {
  const checks = [];
  const refused: string[] = [];
  for (const upload of uploads) {
    const checked = await checkUpload(upload);
    if (checked.ok) checks.push(checked);
    else refused.push(`attachmentRefused:${upload.fileName}|${checked.error}`);
  }
  if (refused.length > 0) throw new DomainError(400, 'invalid', 'fieldsInvalid', { attachments: refused });
  const stored = [];
  for (const checked of checks) {
    const { created, ...file } = await storeAttachment(checked.bytes);
    if (created) {
      afterRollback(async (prisma) => {
        if ((await prisma.attachment.count({ where: { storagePath: file.storagePath } })) === 0) {
          await removeStoredFile(file.storagePath);
        }
      });
    }
    stored.push({ fileName: checked.fileName, contentType: checked.contentType, ...file });
  }
  return stored;
}

async function addRevision(
  tx: Tx,
  evidenceId: number,
  number: number,
  fields: Fields,
  user: CurrentUser,
  attachments: { fileName: string; contentType: string; size: number; sha256: string; storagePath: string }[],
) {
  const submitted = fields.intent === 'submit';
  const revision = await tx.evidenceRevision.create({
    data: {
      evidenceId,
      number,
      observedOn: fields.observedOn ? new Date(`${fields.observedOn}T00:00:00Z`) : null,
      status: fields.status ?? null,
      score: fields.score,
      summary: {
        ...(fields.summaryZh ? { zh: fields.summaryZh } : {}),
        ...(fields.summaryEn ? { en: fields.summaryEn } : {}),
      },
      visibility: fields.visibility,
      tags: fields.tags,
      state: submitted ? 'SUBMITTED' : 'DRAFT',
      submittedAt: submitted ? new Date() : null,
      authorId: user.id,
      sources: {
        create: fields.sources.map((source, sortOrder) => ({
          ...source,
          publishedOn: source.publishedOn ? new Date(`${source.publishedOn}T00:00:00Z`) : null,
          sortOrder,
        })),
      },
      attachments: { create: attachments.map((attachment) => ({ ...attachment, uploadedById: user.id })) },
    },
  });
  return revision;
}

/** The view of a revision the audit log keeps. */
function auditView(fields: Fields, revision: { number: number; state: string }) {
  return {
    revision: revision.number,
    state: revision.state,
    actor: fields.actorCode,
    commitment: fields.commitmentCode,
    observedOn: fields.observedOn ?? null,
    status: fields.status ?? null,
    score: fields.score,
    visibility: fields.visibility,
    sources: fields.sources.length,
  };
}

async function latestRevision(tx: Tx, evidenceId: number) {
  const evidence = await tx.evidence.findUnique({
    where: { id: evidenceId },
    include: {
      revisions: { orderBy: { number: 'desc' }, take: 1, include: { attachments: true, sources: true } },
      actor: { select: { code: true } },
    },
  });
  if (!evidence || !evidence.revisions[0]) throw new DomainError(404, 'not_found', 'evidenceNotFound');
  return { evidence, latest: evidence.revisions[0] };
}

/** A record as the evidence rules see it. */
function ruleRecord(
  evidence: { state: string; createdById: number; actor: { code: string } },
  latest: { authorId: number },
): RuleRecord {
  return {
    state: evidence.state,
    actorCode: evidence.actor.code,
    createdById: evidence.createdById,
    latestAuthorId: latest.authorId,
  };
}

export const createEvidence = defineOperation({
  name: 'createEvidence',
  permission: 'write:evidence',
  input: CreateEvidenceInput.and(Attachments),
  async execute({ tx, user, audit, afterRollback }, input) {
    const state = input.intent === 'submit' ? 'SUBMITTED' : 'DRAFT';
    const { actor, commitment } = await findTargets(tx, input);
    enforce(writeViolations({ user, actor, commitment, record: null, state }));
    const targets = { actorId: actor!.id, commitmentId: commitment!.id };
    const uploads = await storeUploads(input.attachments ?? [], afterRollback);
    const evidence = await tx.evidence.create({ data: { ...targets, createdById: user.id, state, latestRevision: 1 } });
    const revision = await addRevision(tx, evidence.id, 1, input, user, uploads);
    await audit({
      action: 'evidence.create',
      entityType: 'Evidence',
      entityId: evidence.id,
      after: auditView(input, revision),
    });
    return { id: evidence.id, state };
  },
});

export const updateEvidence = defineOperation({
  name: 'updateEvidence',
  permission: 'write:evidence',
  input: UpdateEvidenceInput.and(Attachments),
  async execute({ tx, user, audit, afterRollback }, input) {
    const { evidence, latest } = await latestRevision(tx, input.id);
    const state = input.intent === 'submit' ? 'SUBMITTED' : 'DRAFT';
    const { actor, commitment } = await findTargets(tx, input);
    enforce(writeViolations({ user, actor, commitment, record: ruleRecord(evidence, latest), state }));
    const targets = { actorId: actor!.id, commitmentId: commitment!.id };
    const uploads = await storeUploads(input.attachments ?? [], afterRollback);
    const kept = latest.attachments
      .filter((attachment) => !(input.removeAttachmentIds ?? []).includes(attachment.id))
      .map(({ fileName, contentType, size, sha256, storagePath }) => ({
        fileName,
        contentType,
        size,
        sha256,
        storagePath,
      }));
    const number = evidence.latestRevision + 1;
    await claimVersion(tx, 'evidence', { id: input.id }, input.version, { ...targets, state, latestRevision: number });
    const revision = await addRevision(tx, input.id, number, input, user, [...kept, ...uploads]);
    // The record's verified revisions count for the pair it belongs to: a move changes both pairs' status.
    if (targets.actorId !== evidence.actorId || targets.commitmentId !== evidence.commitmentId) {
      await refreshRollupsForPairs(tx, [{ actorId: evidence.actorId, commitmentId: evidence.commitmentId }, targets]);
    }
    await audit({
      action: 'evidence.update',
      entityType: 'Evidence',
      entityId: input.id,
      before: {
        revision: latest.number,
        state: latest.state,
        status: latest.status,
        observedOn: isoDayOrNull(latest.observedOn),
      },
      after: auditView(input, revision),
    });
    return { id: input.id, state };
  },
});

export const submitEvidence = defineOperation({
  name: 'submitEvidence',
  permission: 'write:evidence',
  input: SubmitEvidenceInput,
  async execute({ tx, user, audit }, input) {
    const { evidence, latest } = await latestRevision(tx, input.id);
    enforce(submitViolations(user, ruleRecord(evidence, latest)));
    // A draft may have been saved incomplete; it enters review only complete (the rule every door applies).
    const summary = (latest.summary ?? {}) as { zh?: string; en?: string };
    const missing = missingForReview({
      observedOn: latest.observedOn?.toISOString(),
      status: latest.status,
      summaryZh: summary.zh,
      summaryEn: summary.en,
      sources: latest.sources,
    });
    if (missing.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const { path, message } of missing) (fieldErrors[path.join('.')] ??= []).push(message);
      throw new DomainError(400, 'incomplete', 'evidenceIncomplete', fieldErrors);
    }
    await claimVersion(tx, 'evidence', { id: input.id }, input.version, { state: 'SUBMITTED' });
    await tx.evidenceRevision.update({
      where: { id: latest.id },
      data: { state: 'SUBMITTED', submittedAt: new Date() },
    });
    await audit({
      action: 'evidence.submit',
      entityType: 'Evidence',
      entityId: input.id,
      before: { revision: latest.number, state: latest.state },
      after: { revision: latest.number, state: 'SUBMITTED' },
    });
    return { id: input.id, state: 'SUBMITTED' as const };
  },
});

export const reviewEvidence = defineOperation({
  name: 'reviewEvidence',
  permission: 'review:evidence',
  input: ReviewEvidenceInput,
  async execute({ tx, user, audit }, input) {
    const { evidence, latest } = await latestRevision(tx, input.id);
    enforce(reviewViolations(user, ruleRecord(evidence, latest), input.decision));
    const state = input.decision === 'verify' ? 'VERIFIED' : 'RETURNED';
    await claimVersion(tx, 'evidence', { id: input.id }, input.version, { state });
    await tx.evidenceRevision.update({
      where: { id: latest.id },
      data: { state, reviewerId: user.id, reviewedAt: new Date(), reviewComment: input.comment ?? null },
    });
    if (state === 'VERIFIED') await refreshPairRollups(tx, evidence.actorId, evidence.commitmentId);
    await audit({
      action: state === 'VERIFIED' ? 'evidence.verify' : 'evidence.return',
      entityType: 'Evidence',
      entityId: input.id,
      before: { revision: latest.number, state: latest.state },
      after: { revision: latest.number, state, comment: input.comment ?? null },
    });
    return { id: input.id, state };
  },
});

/**
 * Withdraws a record from the public view at once, whatever its review state: every revision of it marked public
 * becomes internal (so no earlier or pending revision can show it again until an editor marks it public and a
 * reviewer verifies that), the pair's public status is recomputed, and the audit event lists the revisions that
 * were public. Fails with 409 `not_public` when no revision is public, and with a conflict for a stale version.
 */
export const unpublishEvidence = defineOperation({
  name: 'unpublishEvidence',
  permission: 'write:evidence',
  input: UnpublishEvidenceInput,
  async execute({ tx, user, audit }, input) {
    const { evidence } = await latestRevision(tx, input.id);
    enforce(unpublishViolations(user, { actorCode: evidence.actor.code }));
    await claimVersion(tx, 'evidence', { id: input.id }, input.version, {});
    const published = await tx.evidenceRevision.findMany({
      where: { evidenceId: input.id, visibility: 'PUBLIC' },
      select: { number: true },
      orderBy: { number: 'asc' },
    });
    if (published.length === 0) throw new DomainError(409, 'not_public', 'evidenceNotPublic');
    await tx.evidenceRevision.updateMany({
      where: { evidenceId: input.id, visibility: 'PUBLIC' },
      data: { visibility: 'INTERNAL' },
    });
    await refreshPairRollups(tx, evidence.actorId, evidence.commitmentId);
    await audit({
      action: 'evidence.unpublish',
      entityType: 'Evidence',
      entityId: input.id,
      before: { visibility: 'PUBLIC', publicRevisions: published.map((revision) => revision.number) },
      after: { visibility: 'INTERNAL' },
    });
    return { id: input.id, state: evidence.state };
  },
});

/**
 * Deletes a draft that never entered review, with its revisions, sources and attachment rows, by its author
 * (`deleteViolations`). Nothing verified ever belonged to it, so the status rollups are untouched; the stored
 * files stay (they are shared by content, and the audit event names them). The audit event keeps what was
 * deleted. Input: `{ id, version }`; a stale version is a conflict like every evidence write.
 */
export const deleteEvidence = defineOperation({
  name: 'deleteEvidence',
  permission: 'write:evidence',
  input: DeleteEvidenceInput,
  async execute({ tx, user, audit }, input) {
    const { evidence, latest } = await latestRevision(tx, input.id);
    const everSubmitted = await tx.evidenceRevision.count({
      where: { evidenceId: input.id, OR: [{ state: { not: 'DRAFT' } }, { submittedAt: { not: null } }] },
    });
    enforce(deleteViolations(user, ruleRecord(evidence, latest), everSubmitted > 0));
    // Claiming the version first refuses a stale delete with the same conflict as a stale save.
    await claimVersion(tx, 'evidence', { id: input.id }, input.version, {});
    await tx.evidence.delete({ where: { id: input.id } });
    await audit({
      action: 'evidence.delete',
      entityType: 'Evidence',
      entityId: input.id,
      before: {
        revisions: evidence.latestRevision,
        state: evidence.state,
        actor: evidence.actor.code,
        observedOn: isoDayOrNull(latest.observedOn),
        status: latest.status,
        summary: latest.summary,
        attachments: latest.attachments.map(({ fileName, sha256 }) => ({ fileName, sha256 })),
      },
      after: null,
    });
    return { id: input.id, state: 'DELETED' as const };
  },
});

/**
 * Withdraws a submission before review: the submitted revision becomes a draft again (its submission time
 * cleared), by its author (`withdrawViolations`). Submitted evidence never counts toward a status, so the rollups
 * are untouched. Input: `{ id, version }`; a stale version (say, a reviewer decided meanwhile) is a conflict.
 */
export const withdrawEvidence = defineOperation({
  name: 'withdrawEvidence',
  permission: 'write:evidence',
  input: WithdrawEvidenceInput,
  async execute({ tx, user, audit }, input) {
    const { evidence, latest } = await latestRevision(tx, input.id);
    enforce(withdrawViolations(user, ruleRecord(evidence, latest)));
    await claimVersion(tx, 'evidence', { id: input.id }, input.version, { state: 'DRAFT' });
    await tx.evidenceRevision.update({ where: { id: latest.id }, data: { state: 'DRAFT', submittedAt: null } });
    await audit({
      action: 'evidence.withdraw',
      entityType: 'Evidence',
      entityId: input.id,
      before: { revision: latest.number, state: 'SUBMITTED' },
      after: { revision: latest.number, state: 'DRAFT' },
    });
    return { id: input.id, state: 'DRAFT' as const };
  },
});
