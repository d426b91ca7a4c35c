import type { Database } from '@/lib/db';
import type { ImplementationStatus, ReviewState, Visibility } from '@/lib/generated/prisma/client';

/** One revision of a hand-made evidence record. Verified revisions are reviewed at noon of the observed day. */
export interface RevisionSpec {
  observedOn: string;
  status: ImplementationStatus;
  state: ReviewState;
  visibility?: Visibility;
  reviewedAt?: string;
  summary?: Record<string, string>;
}

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Writes one evidence record with its revisions straight into the tables, for read tests that need exact data
 * (the workflow itself is tested through the operations). Returns the revision ids in order; rollups are the
 * caller's to refresh.
 */
export async function insertEvidenceRecord(
  db: Database,
  pair: { actorId: number; commitmentId: number; authorId: number; reviewerId: number },
  revisions: RevisionSpec[],
): Promise<number[]> {
  const record = await db.prisma.evidence.create({
    data: {
      actorId: pair.actorId,
      commitmentId: pair.commitmentId,
      createdById: pair.authorId,
      state: revisions.at(-1)!.state,
      latestRevision: revisions.length,
      version: revisions.length,
    },
  });
  const created = [];
  for (const [index, spec] of revisions.entries()) {
    const verified = spec.state === 'VERIFIED';
    const revision = await db.prisma.evidenceRevision.create({
      data: {
        evidenceId: record.id,
        number: index + 1,
        observedOn: day(spec.observedOn),
        status: spec.status,
        summary: spec.summary ?? { en: `${pair.actorId} ${pair.commitmentId} ${spec.observedOn}` },
        visibility: spec.visibility ?? 'INTERNAL',
        tags: [],
        state: spec.state,
        authorId: pair.authorId,
        submittedAt: spec.state === 'DRAFT' ? null : new Date(),
        reviewerId: verified ? pair.reviewerId : null,
        reviewedAt: verified ? new Date(spec.reviewedAt ?? `${spec.observedOn}T12:00:00Z`) : null,
      },
    });
    created.push(revision.id);
  }
  return created;
}
