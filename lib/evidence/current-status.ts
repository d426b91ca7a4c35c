import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The current status of an actor on a commitment is its latest verified evidence: of all verified revisions of
 * all evidence records for that pair, the one observed last, and among those observed the same day, the one
 * verified last. CurrentStatus keeps that row so dashboards read one row per pair; this refreshes it inside the
 * transaction of every review decision.
 */
export async function refreshCurrentStatus(
  tx: Prisma.TransactionClient,
  actorId: number,
  commitmentId: number,
): Promise<void> {
  const [latest] = await tx.$queryRaw<
    { revisionId: number; status: string; score: number | null; observedOn: Date; verifiedAt: Date }[]
  >`
    SELECT r.id AS "revisionId", r.status::text AS status, r.score, r."observedOn", r."reviewedAt" AS "verifiedAt"
    FROM "EvidenceRevision" r
    JOIN "Evidence" e ON e.id = r."evidenceId"
    WHERE e."actorId" = ${actorId} AND e."commitmentId" = ${commitmentId} AND r.state = 'VERIFIED'
    ORDER BY r."observedOn" DESC, r."reviewedAt" DESC, r.id DESC
    LIMIT 1`;
  if (!latest) {
    await tx.currentStatus.deleteMany({ where: { actorId, commitmentId } });
    return;
  }
  const fields = {
    revisionId: latest.revisionId,
    status: latest.status as Prisma.CurrentStatusCreateInput['status'],
    score: latest.score,
    observedOn: latest.observedOn,
    verifiedAt: latest.verifiedAt,
  };
  await tx.currentStatus.upsert({
    where: { actorId_commitmentId: { actorId, commitmentId } },
    create: { actorId, commitmentId, ...fields },
    update: fields,
  });
}
