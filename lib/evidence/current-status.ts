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

/**
 * refreshCurrentStatus for many pairs at once (bulk imports): the same rule in two set-based statements.
 */
export async function refreshCurrentStatusMany(
  tx: Prisma.TransactionClient,
  pairs: { actorId: number; commitmentId: number }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const unique = [...new Map(pairs.map((pair) => [`${pair.actorId}:${pair.commitmentId}`, pair])).values()];
  const actorIds = unique.map((pair) => pair.actorId);
  const commitmentIds = unique.map((pair) => pair.commitmentId);
  await tx.$executeRaw`
    DELETE FROM "CurrentStatus" cs
    USING unnest(${actorIds}::int[], ${commitmentIds}::int[]) AS p("actorId", "commitmentId")
    WHERE cs."actorId" = p."actorId" AND cs."commitmentId" = p."commitmentId"`;
  await tx.$executeRaw`
    INSERT INTO "CurrentStatus" ("actorId", "commitmentId", "revisionId", status, score, "observedOn", "verifiedAt")
    SELECT DISTINCT ON (e."actorId", e."commitmentId")
           e."actorId", e."commitmentId", r.id, r.status, r.score, r."observedOn", r."reviewedAt"
    FROM unnest(${actorIds}::int[], ${commitmentIds}::int[]) AS p("actorId", "commitmentId")
    JOIN "Evidence" e ON e."actorId" = p."actorId" AND e."commitmentId" = p."commitmentId"
    JOIN "EvidenceRevision" r ON r."evidenceId" = e.id AND r.state = 'VERIFIED'
    ORDER BY e."actorId", e."commitmentId", r."observedOn" DESC, r."reviewedAt" DESC, r.id DESC`;
}
