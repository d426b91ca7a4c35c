-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "changeXid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint;

-- CreateIndex
CREATE INDEX "Evidence_changeXid_id_idx" ON "Evidence"("changeXid", "id");

-- The change feed of the API (GET /api/v1/evidence/changes) orders records by "changeXid", the id of the
-- transaction that last changed them, and hands out only those below the oldest transaction still running, so that
-- a change that commits late is never behind a client's position. Adding the column above gave every existing row
-- this migration's transaction id (the default is evaluated per row): that is the backfill.
--
-- The function bodies are E'' strings with \073 for each semicolon: the migration runner of adapter-pg splits a
-- script at every semicolon, dollar quotes included (node_modules/@prisma/adapter-pg, executeScript).

-- Every insert and update of a record takes the writing transaction's id, whatever the statement sets.
CREATE FUNCTION "evidence_change_xid"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."changeXid" := pg_current_xact_id()::text::bigint\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Evidence_changeXid" BEFORE INSERT OR UPDATE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "evidence_change_xid"();

-- A change to what the API shows with a record (its revisions, their sources and attachments) moves the record too,
-- whichever code path writes it. Statement triggers over the changed rows keep bulk imports set-based, and a record
-- this transaction has already moved is not written again. Transition tables allow one event per trigger, hence
-- one trigger per event (an update counts the rows before and after it, in case it moves a row to another record).
-- The ids go through arrays so that the planner, which knows nothing of a transition table's size, looks them up
-- by primary key instead of scanning the tables.
CREATE FUNCTION "evidence_touch_from_revisions"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Evidence" e SET "changeXid" = pg_current_xact_id()::text::bigint
  WHERE e.id = ANY (ARRAY(SELECT DISTINCT "evidenceId" FROM changed_rows))
    AND e."changeXid" <> pg_current_xact_id()::text::bigint\073
  RETURN NULL\073
END
';

CREATE FUNCTION "evidence_touch_from_revision_children"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Evidence" e SET "changeXid" = pg_current_xact_id()::text::bigint
  WHERE e.id = ANY (ARRAY(
    SELECT DISTINCT r."evidenceId" FROM "EvidenceRevision" r
    WHERE r.id = ANY (ARRAY(SELECT DISTINCT "revisionId" FROM changed_rows))
  ))
    AND e."changeXid" <> pg_current_xact_id()::text::bigint\073
  RETURN NULL\073
END
';

CREATE TRIGGER "EvidenceRevision_feed_insert" AFTER INSERT ON "EvidenceRevision"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revisions"();
CREATE TRIGGER "EvidenceRevision_feed_update_new" AFTER UPDATE ON "EvidenceRevision"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revisions"();
CREATE TRIGGER "EvidenceRevision_feed_update_old" AFTER UPDATE ON "EvidenceRevision"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revisions"();
CREATE TRIGGER "EvidenceRevision_feed_delete" AFTER DELETE ON "EvidenceRevision"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revisions"();

CREATE TRIGGER "EvidenceSource_feed_insert" AFTER INSERT ON "EvidenceSource"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
CREATE TRIGGER "EvidenceSource_feed_update_new" AFTER UPDATE ON "EvidenceSource"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
CREATE TRIGGER "EvidenceSource_feed_update_old" AFTER UPDATE ON "EvidenceSource"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
CREATE TRIGGER "EvidenceSource_feed_delete" AFTER DELETE ON "EvidenceSource"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();

CREATE TRIGGER "Attachment_feed_insert" AFTER INSERT ON "Attachment"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
CREATE TRIGGER "Attachment_feed_update_new" AFTER UPDATE ON "Attachment"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
CREATE TRIGGER "Attachment_feed_update_old" AFTER UPDATE ON "Attachment"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
CREATE TRIGGER "Attachment_feed_delete" AFTER DELETE ON "Attachment"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_touch_from_revision_children"();
