-- CreateTable
CREATE TABLE "EvidenceDeletion" (
    "evidenceId" INTEGER NOT NULL,
    "changeXid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceDeletion_pkey" PRIMARY KEY ("evidenceId")
);

-- CreateIndex
CREATE INDEX "EvidenceDeletion_changeXid_evidenceId_idx" ON "EvidenceDeletion"("changeXid", "evidenceId");

-- Tombstones of the change feed (GET /api/v1/evidence/changes): every delete from "Evidence", by whatever code
-- path, leaves a row here in the deleting transaction, positioned like a change (the transaction's id), so the feed
-- can tell a client that synced the record that it is gone. A record inserted again with the same id (a restore)
-- takes its tombstone away: the record itself then comes at its own, later position. Statement triggers over the
-- changed rows keep bulk writes set-based. The bodies are E'' strings with \073 for each semicolon, as in
-- migration evidence_change_feed (the migration runner of adapter-pg splits a script at every semicolon).
CREATE FUNCTION "evidence_record_deletions"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "EvidenceDeletion" ("evidenceId", "changeXid", "deletedAt")
  SELECT id, pg_current_xact_id()::text::bigint, CURRENT_TIMESTAMP FROM deleted_rows
  ON CONFLICT ("evidenceId") DO UPDATE SET "changeXid" = EXCLUDED."changeXid", "deletedAt" = EXCLUDED."deletedAt"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "evidence_forget_deletions"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "EvidenceDeletion" d USING inserted_rows i WHERE d."evidenceId" = i.id\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Evidence_feed_delete" AFTER DELETE ON "Evidence"
  REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_record_deletions"();
CREATE TRIGGER "Evidence_feed_insert" AFTER INSERT ON "Evidence"
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_forget_deletions"();
