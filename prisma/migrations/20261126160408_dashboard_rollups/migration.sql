-- DropIndex
DROP INDEX "CurrentStatus_commitmentId_status_idx";

-- AlterTable
ALTER TABLE "CurrentStatus" DROP CONSTRAINT "CurrentStatus_pkey",
ADD COLUMN     "publicOnly" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "CurrentStatus_pkey" PRIMARY KEY ("actorId", "commitmentId", "publicOnly");

-- CreateTable
CREATE TABLE "StatusChange" (
    "actorId" INTEGER NOT NULL,
    "commitmentId" INTEGER NOT NULL,
    "publicOnly" BOOLEAN NOT NULL,
    "month" DATE NOT NULL,
    "fromStatus" "ImplementationStatus",
    "toStatus" "ImplementationStatus" NOT NULL,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("actorId","commitmentId","publicOnly","month")
);

-- CreateIndex
CREATE INDEX "StatusChange_publicOnly_month_idx" ON "StatusChange"("publicOnly", "month");

-- CreateIndex
CREATE INDEX "CurrentStatus_publicOnly_commitmentId_status_idx" ON "CurrentStatus"("publicOnly", "commitmentId", "status");

-- CreateIndex
CREATE INDEX "EvidenceRevision_state_reviewedAt_idx" ON "EvidenceRevision"("state", "reviewedAt");

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill (hand-written): the public audience's current status and every pair's month-by-month changes, by the
-- rule of lib/evidence/rollups.ts (latest verified revision by observed date, then verification time, then id).
INSERT INTO "CurrentStatus" ("actorId", "commitmentId", "publicOnly", "revisionId", status, score, "observedOn", "verifiedAt")
SELECT DISTINCT ON (e."actorId", e."commitmentId")
       e."actorId", e."commitmentId", true, r.id, r.status, r.score, r."observedOn", r."reviewedAt"
FROM "EvidenceRevision" r
JOIN "Evidence" e ON e.id = r."evidenceId"
WHERE r.state = 'VERIFIED' AND r.visibility = 'PUBLIC'
ORDER BY e."actorId", e."commitmentId", r."observedOn" DESC, r."reviewedAt" DESC, r.id DESC;

INSERT INTO "StatusChange" ("actorId", "commitmentId", "publicOnly", month, "fromStatus", "toStatus")
SELECT "actorId", "commitmentId", "publicOnly", month, previous, status
FROM (
  SELECT monthly.*, lag(status) OVER (PARTITION BY "actorId", "commitmentId", "publicOnly" ORDER BY month) AS previous
  FROM (
    SELECT DISTINCT ON (e."actorId", e."commitmentId", audience."publicOnly", date_trunc('month', r."observedOn"))
           e."actorId", e."commitmentId", audience."publicOnly", date_trunc('month', r."observedOn")::date AS month, r.status
    FROM "EvidenceRevision" r
    JOIN "Evidence" e ON e.id = r."evidenceId"
    CROSS JOIN (VALUES (false), (true)) AS audience("publicOnly")
    WHERE r.state = 'VERIFIED' AND (NOT audience."publicOnly" OR r.visibility = 'PUBLIC')
    ORDER BY e."actorId", e."commitmentId", audience."publicOnly", date_trunc('month', r."observedOn"),
             r."observedOn" DESC, r."reviewedAt" DESC, r.id DESC
  ) monthly
) changes
WHERE previous IS DISTINCT FROM status;
