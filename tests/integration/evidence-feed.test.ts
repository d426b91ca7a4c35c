import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import * as changesRoute from '@/app/api/v1/evidence/changes/route';
import * as evidenceItem from '@/app/api/v1/evidence/[id]/route';
import * as withdrawRoute from '@/app/api/v1/evidence/[id]/withdraw/route';
import { findEvidence } from '@/lib/api/resources';
import { EvidenceChangeSchema } from '@/lib/api/schemas';
import { PUBLIC_VIEW_KEY } from '@/lib/settings';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import { encodeCursor } from '@/lib/api/cursor';
import { operations } from '@/lib/operations';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { TEST_DATABASE_URL } from '../support/databases';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';
import { syntheticEvidenceCsv } from '../../scripts/lib/synthetic-evidence';

/**
 * The change feed of the API (GET /api/v1/evidence/changes), followed as the README tells an integrator to: it
 * must end with every committed record, each once per change, however long the transactions that wrote them ran.
 * The concurrency cases need PostgreSQL (PGlite has one connection, so nothing runs beside a transaction); they
 * are coordinated with locks and promises, never with sleeps that assume a speed.
 */
const IMPORT_ROWS = 30_000;
/** Records other users create while the import is open (the reproduction saw 36 rows). */
const CREATED_DURING_IMPORT = 36;
/** A transaction-level advisory lock that holds the import before it commits, with all its rows written. */
const IMPORT_GATE = 4210;
/** Generous for a shared 2-core machine: a condition waited on must hold within this. */
const WAIT_MS = 300_000;

let db: Database;
let dispose: () => Promise<void>;
let kind: string;
let readerToken: string;
let editorToken: string;
let editor: CurrentUser;
let otherEditor: CurrentUser;

beforeAll(async () => {
  ({ db, dispose, kind } = await createTestDatabase());
  serveRoutesFrom(db);
  editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
  otherEditor = (await signedInUser(db.prisma, 'EDITOR')).user!;
  const viewer = (await signedInUser(db.prisma, 'VIEWER')).user!;
  readerToken = (await tokenFor(db, viewer, 'READ')).secret;
  editorToken = (await tokenFor(db, editor, 'READ_WRITE')).secret;
});
afterAll(async () => dispose?.());

async function createRecord(
  as: CurrentUser,
  summaryEn: string,
  extra: { intent?: 'draft' | 'submit'; visibility?: 'PUBLIC' | 'INTERNAL' } = {},
): Promise<number> {
  const created = await operations.createEvidence.run(
    { user: as, requestId: null, prisma: db.prisma },
    {
      ...extra,
      actorCode: 'KEN',
      commitmentCode: 'P08-financing',
      observedOn: '2024-03-01',
      status: 'IN_PROGRESS',
      summaryEn,
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value.id;
}

/** Waits until `condition` holds, checking again after each short pause; fails after WAIT_MS. */
async function waitFor(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A promise and the function that settles it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * An integrator following the README: call the feed with the stored token until nextCursor is null, storing each
 * answer's changeToken; poll again later from it. Records every delivery in order.
 */
class FeedClient {
  token: string | undefined;
  /** The ids of the records delivered, in order (tombstones apart, in `deletions`). */
  deliveries: number[] = [];
  /** The ids of the tombstones delivered, in order, and the last tombstone of each id. */
  deletions: number[] = [];
  tombstones = new Map<number, unknown>();
  /** Every entry in order: `record:<id>` or `deleted:<id>`. */
  log: string[] = [];
  /** The client's copy, kept as the README says: upsert each record by id, delete the id of each tombstone. */
  copy = new Map<number, unknown>();
  polls = 0;

  constructor(private readonly limit = 500) {}

  async sync(): Promise<void> {
    for (;;) {
      const since = this.token ? `&since=${encodeURIComponent(this.token)}` : '';
      const response = await call(changesRoute.GET, {
        path: `/api/v1/evidence/changes?limit=${this.limit}${since}`,
        token: readerToken,
      });
      this.polls++;
      expect(response.status, response.text).toBe(200);
      for (const entry of response.json.data as { id: number; deleted?: true }[]) {
        if (entry.deleted) {
          expect(Object.keys(entry).sort()).toEqual(['deletedAt', 'deleted', 'id'].sort());
          this.deletions.push(entry.id);
          this.tombstones.set(entry.id, entry);
          this.log.push(`deleted:${entry.id}`);
          this.copy.delete(entry.id);
        } else {
          this.deliveries.push(entry.id);
          this.log.push(`record:${entry.id}`);
          this.copy.set(entry.id, entry);
        }
      }
      expect(typeof response.json.changeToken).toBe('string');
      this.token = response.json.changeToken;
      if (response.json.nextCursor === null) return;
      expect(response.json.nextCursor).toBe(response.json.changeToken);
    }
  }

  /** Syncs again and again until `done` holds (the feed waits for transactions still running anywhere). */
  async syncUntil(what: string, done: () => boolean): Promise<void> {
    await waitFor(what, async () => {
      await this.sync();
      return done();
    });
  }

  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const id of this.deliveries) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }
}

/** The procedure the README gave before the feed: the list with updatedSince = the latest updatedAt seen. */
class UpdatedSinceClient {
  since: string | undefined;
  seen = new Set<number>();
  polls = 0;

  async sync(): Promise<void> {
    let cursor: string | undefined;
    let latest = this.since;
    do {
      const params = new URLSearchParams({ limit: '500' });
      if (this.since) params.set('updatedSince', this.since);
      if (cursor) params.set('cursor', cursor);
      const response = await call(evidenceRoute.GET, { path: `/api/v1/evidence?${params}`, token: readerToken });
      this.polls++;
      expect(response.status, response.text).toBe(200);
      for (const record of response.json.data as { id: number; updatedAt: string }[]) {
        this.seen.add(record.id);
        if (!latest || record.updatedAt > latest) latest = record.updatedAt;
      }
      cursor = response.json.nextCursor ?? undefined;
    } while (cursor);
    this.since = latest;
  }
}

/** A draft's author deletes it through the operation the pages use. */
async function deleteDraft(as: CurrentUser, id: number) {
  const { version } = await db.prisma.evidence.findUniqueOrThrow({ where: { id } });
  const deleted = await operations.deleteEvidence.run(
    { user: as, requestId: null, prisma: db.prisma },
    { id, version },
  );
  if (!deleted.ok) throw new Error(JSON.stringify(deleted));
}

/** Every record as the API shows it now, by id: what a synced copy must equal. */
async function databaseCopy(): Promise<Map<number, unknown>> {
  const copy = new Map<number, unknown>();
  for (const id of await allIds()) copy.set(id, JSON.parse(JSON.stringify(await findEvidence(db.prisma, id))));
  return copy;
}

async function allIds(): Promise<number[]> {
  return (await db.prisma.evidence.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id);
}

describe('the change feed', () => {
  it('delivers every record once per change, in pages, and again when anything the API shows changes', async () => {
    const feed = new FeedClient(2);
    await feed.sync();
    const first = await createRecord(editor, 'First.');
    const second = await createRecord(editor, 'Second.');
    const third = await createRecord(editor, 'Third.');
    const pollsBefore = feed.polls;
    await feed.syncUntil('the three records', () => feed.deliveries.length >= 3);
    expect(feed.deliveries).toEqual([first, second, third]);
    expect(feed.polls - pollsBefore).toBeGreaterThanOrEqual(2); // two pages of at most two

    // Caught up: the token stays, nothing comes.
    const token = feed.token;
    await feed.sync();
    expect(feed.token).toBe(token);
    expect(feed.deliveries).toHaveLength(3);

    // A review state change through the operation.
    const version = (await db.prisma.evidence.findUniqueOrThrow({ where: { id: second } })).version;
    const submitted = await operations.submitEvidence.run(
      { user: editor, requestId: null, prisma: db.prisma },
      { id: second, version },
    );
    expect(submitted.ok).toBe(true);
    await feed.syncUntil('the submitted record', () => feed.deliveries.length >= 4);
    expect(feed.deliveries.slice(3)).toEqual([second]);

    // Writes to the tables the record's representation reads, made without touching the Evidence row: each
    // still moves the record (the migration's triggers), whichever code path writes them.
    const revision = await db.prisma.evidenceRevision.findFirstOrThrow({ where: { evidenceId: first } });
    const writes: [number, () => Promise<unknown>][] = [
      [first, () => db.prisma.evidenceRevision.update({ where: { id: revision.id }, data: { tags: ['moved'] } })],
      [
        first,
        () => db.prisma.evidenceSource.updateMany({ where: { revisionId: revision.id }, data: { title: 'Bill' } }),
      ],
      [
        first,
        () =>
          db.prisma.attachment.create({
            data: {
              revisionId: revision.id,
              fileName: 'bill.pdf',
              contentType: 'application/pdf',
              size: 1,
              sha256: '0'.repeat(64),
              storagePath: 'aa/aa',
              uploadedById: editor.id,
            },
          }),
      ],
      [first, () => db.prisma.attachment.deleteMany({ where: { revisionId: revision.id } })],
      [third, () => db.prisma.evidenceSource.deleteMany({ where: { revision: { evidenceId: third } } })],
    ];
    for (const [id, write] of writes) {
      const before = feed.deliveries.length;
      await write();
      await feed.syncUntil('the changed record', () => feed.deliveries.length > before);
      expect(feed.deliveries.slice(before)).toEqual([id]);
    }
  });

  it('refuses tokens it did not give out with 400 in the error shape', async () => {
    const feed = new FeedClient();
    await feed.sync();
    const listCursor = encodeCursor([new Date().toISOString(), 1]);
    const ahead = encodeCursor(['c', '9223372036854775807', 1]);
    for (const since of ['x', '', listCursor, ahead, encodeCursor(['c', '-1', 1]), encodeCursor(['c', '1', -1])]) {
      const response = await call(changesRoute.GET, {
        path: `/api/v1/evidence/changes?since=${encodeURIComponent(since)}`,
        token: readerToken,
      });
      expect({ since, status: response.status, code: response.json.error.code }).toEqual({
        since,
        status: 400,
        code: 'invalid_cursor',
      });
      expect(typeof response.json.error.requestId).toBe('string');
    }
    const badLimit = await call(changesRoute.GET, { path: '/api/v1/evidence/changes?limit=0', token: readerToken });
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.fields).toHaveProperty('limit');
  });
});

describe('tombstones of deleted drafts in the change feed', () => {
  it('tell a client that synced a draft that it is gone: its copy ends equal to the database', async () => {
    const feed = new FeedClient(2);
    const kept = await createRecord(editor, 'Kept.');
    const gone = await createRecord(editor, 'Gone through the operation.');
    const goneByApi = await createRecord(editor, 'Gone through the API.');
    const withdrawn = await createRecord(editor, 'Submitted, withdrawn, then deleted.', { intent: 'submit' });
    const ids = await allIds();
    await feed.syncUntil('every record so far', () => ids.every((id) => feed.copy.has(id)));
    const logged = feed.log.length;

    await deleteDraft(editor, gone);
    const deleted = await call(evidenceItem.DELETE, {
      method: 'DELETE',
      path: `/api/v1/evidence/${goneByApi}`,
      params: { id: String(goneByApi) },
      token: editorToken,
      headers: { 'if-match': `"evidence-${goneByApi}-v1"` },
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.json).toEqual({ data: { id: goneByApi, deleted: true, deletedAt: expect.any(String) } });
    // Withdrawn to draft through the API: a draft again, its author may delete it.
    const back = await call(withdrawRoute.POST, {
      method: 'POST',
      path: `/api/v1/evidence/${withdrawn}/withdraw`,
      params: { id: String(withdrawn) },
      token: editorToken,
      headers: { 'if-match': `"evidence-${withdrawn}-v1"` },
    });
    expect(back.status, back.text).toBe(200);
    expect(back.json.data).toMatchObject({ id: withdrawn, state: 'DRAFT', revision: { submittedAt: null } });
    expect(back.headers.get('etag')).toBe(`"evidence-${withdrawn}-v2"`);
    // A draft created and deleted between two polls: the client never had it; its tombstone is harmless.
    const fleeting = await createRecord(editor, 'Never seen.');
    await deleteDraft(editor, fleeting);

    // The fleeting draft's delete began last: once its tombstone is in, so is everything before it.
    await feed.syncUntil('the tombstones', () => feed.deletions.includes(fleeting));
    expect(feed.log.slice(logged)).toEqual([
      `deleted:${gone}`,
      `deleted:${goneByApi}`,
      `record:${withdrawn}`,
      `deleted:${fleeting}`,
    ]);
    expect(feed.tombstones.get(goneByApi)).toEqual(deleted.json.data);
    // No ghost records: the copy is the database, record for record.
    expect(Object.fromEntries(feed.copy)).toEqual(Object.fromEntries(await databaseCopy()));
    expect(feed.copy.has(kept)).toBe(true);
    // A tombstone is a feed entry as the OpenAPI document describes it.
    expect(EvidenceChangeSchema.safeParse(feed.tombstones.get(gone)).success).toBe(true);

    // The withdrawn draft goes too; a client syncing from the beginning ends equal as well.
    await deleteDraft(editor, withdrawn);
    await feed.syncUntil('the last tombstone', () => feed.deletions.includes(withdrawn));
    const fresh = new FeedClient(3);
    await fresh.syncUntil('everything from the beginning', () => fresh.deletions.includes(withdrawn));
    const database = Object.fromEntries(await databaseCopy());
    expect(Object.fromEntries(feed.copy)).toEqual(database);
    expect(Object.fromEntries(fresh.copy)).toEqual(database);
    expect(fresh.deletions).toEqual(expect.arrayContaining([gone, goneByApi, fleeting, withdrawn]));

    // Deleting it again: there is no such record.
    const again = await call(evidenceItem.DELETE, {
      method: 'DELETE',
      path: `/api/v1/evidence/${goneByApi}`,
      params: { id: String(goneByApi) },
      token: editorToken,
      headers: { 'if-match': `"evidence-${goneByApi}-v1"` },
    });
    expect(again.status).toBe(404);
  });

  it('leave when a record with the same id is written again (a restore), so an id is never both', async () => {
    const gone = await createRecord(editor, 'Deleted, then restored from a backup.');
    // A backup of the record: its row and its revisions' rows, as a dump holds them.
    const [backup] = await db.prisma.$queryRaw<{ evidence: unknown; revisions: unknown }[]>`
      SELECT (SELECT row_to_json(e) FROM "Evidence" e WHERE e.id = ${gone}) AS evidence,
             (SELECT json_agg(r) FROM "EvidenceRevision" r WHERE r."evidenceId" = ${gone}) AS revisions`;
    await deleteDraft(editor, gone);
    expect(await db.prisma.evidenceDeletion.count({ where: { evidenceId: gone } })).toBe(1);
    await db.prisma.$transaction([
      db.prisma.$executeRaw`INSERT INTO "Evidence"
        SELECT * FROM json_populate_record(NULL::"Evidence", ${JSON.stringify(backup!.evidence)}::json)`,
      db.prisma.$executeRaw`INSERT INTO "EvidenceRevision"
        SELECT * FROM json_populate_recordset(NULL::"EvidenceRevision", ${JSON.stringify(backup!.revisions)}::json)`,
    ]);
    expect(await db.prisma.evidenceDeletion.count({ where: { evidenceId: gone } })).toBe(0);
    const feed = new FeedClient();
    await feed.syncUntil('the restored record', () => feed.copy.has(gone));
    expect(feed.deletions).not.toContain(gone);
  });

  it('go to the readers of the feed, who saw the draft, and never to anonymous callers', async () => {
    // A draft marked public is still internal until verified: anonymous callers never saw it, nor its tombstone.
    const draft = await createRecord(otherEditor, 'A draft marked public.', { visibility: 'PUBLIC' });
    const feed = new FeedClient();
    await feed.syncUntil('the draft', () => feed.copy.has(draft));
    await deleteDraft(otherEditor, draft);
    await feed.syncUntil('its tombstone', () => feed.deletions.includes(draft));
    expect(feed.copy.has(draft)).toBe(false);

    await db.prisma.setting.upsert({
      where: { key: PUBLIC_VIEW_KEY },
      create: { key: PUBLIC_VIEW_KEY, value: true },
      update: { value: true },
    });
    try {
      for (const path of [
        '/api/v1/evidence/changes',
        `/api/v1/evidence/changes?since=${encodeURIComponent(feed.token!)}`,
      ]) {
        const anonymous = await call(changesRoute.GET, { path });
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
        expect(anonymous.text).not.toContain(`"id":${draft}`);
      }
    } finally {
      await db.prisma.setting.update({ where: { key: PUBLIC_VIEW_KEY }, data: { value: false } });
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the change feed beside long transactions (PostgreSQL)', () => {
  it(
    'hands out a tombstone at the position of a long-running delete: not before it commits, then in order',
    async () => {
      expect(kind).toBe('postgresql');
      const draft = await createRecord(editor, 'Deleted slowly.');
      const feed = new FeedClient();
      const ids = await allIds();
      await feed.syncUntil('every record so far', () => ids.every((id) => feed.copy.has(id)));
      const logged = feed.log.length;

      // The gate: the delete's audit event (its last write, after the row is gone) waits for a lock the test holds.
      await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_delete_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'evidence.delete' THEN PERFORM pg_advisory_xact_lock_shared(${IMPORT_GATE + 1}); END IF;
        RETURN NEW;
      END $$`);
      await db.prisma.$executeRawUnsafe(
        'CREATE TRIGGER test_delete_gate BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_delete_gate()',
      );
      try {
        const gateClosed = signal();
        const openGate = signal();
        const gate = db.prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_GATE + 1})`;
            gateClosed.resolve();
            await openGate.promise;
          },
          { timeout: WAIT_MS, maxWait: WAIT_MS },
        );
        await gateClosed.promise;
        const deleting = deleteDraft(editor, draft);
        await waitFor('the delete at the gate', async () => {
          const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted AND objid = ${IMPORT_GATE + 1}
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
          return row!.n > 0;
        });
        // Others save records meanwhile; they commit first, but the delete's transaction began before them.
        const later = [await createRecord(otherEditor, 'Later 1.'), await createRecord(otherEditor, 'Later 2.')];
        const token = feed.token;
        for (let poll = 0; poll < 3; poll++) await feed.sync();
        expect(feed.log.slice(logged)).toEqual([]);
        expect(feed.token).toBe(token);

        openGate.resolve();
        await gate;
        await deleting;
        await feed.syncUntil('the tombstone and the later records', () => feed.log.length >= logged + 3);
        expect(feed.log.slice(logged)).toEqual([`deleted:${draft}`, ...later.map((id) => `record:${id}`)]);
        expect(Object.fromEntries(feed.copy)).toEqual(Object.fromEntries(await databaseCopy()));
      } finally {
        await db.prisma.$executeRawUnsafe('DROP TRIGGER test_delete_gate ON "AuditEvent"');
      }
    },
    2 * WAIT_MS,
  );

  it(
    'keeps its position behind a transaction holding an uncommitted change, then delivers all',
    async () => {
      expect(kind).toBe('postgresql');
      const feed = new FeedClient();
      const held = await createRecord(editor, 'Held.');
      await feed.syncUntil('the first record', () => feed.deliveries.includes(held));
      const before = feed.deliveries.length;

      const written = signal();
      const release = signal();
      const long = db.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`UPDATE "Evidence" SET "updatedAt" = now() WHERE id = ${held}`;
          written.resolve();
          await release.promise;
        },
        { timeout: WAIT_MS, maxWait: WAIT_MS },
      );
      await written.promise;
      const later = [await createRecord(otherEditor, 'Later 1.'), await createRecord(otherEditor, 'Later 2.')];

      // The later records are committed, but the feed does not move past the open change.
      const token = feed.token;
      for (let poll = 0; poll < 3; poll++) await feed.sync();
      expect(feed.deliveries.slice(before)).toEqual([]);
      expect(feed.token).toBe(token);

      release.resolve();
      await long;
      await feed.syncUntil('the held change and the later records', () => feed.deliveries.length >= before + 3);
      // The held record's change comes first: its transaction began before the later ones.
      expect(feed.deliveries.slice(before)).toEqual([held, ...later]);
    },
    2 * WAIT_MS,
  );

  it(
    `a poller beside a ${IMPORT_ROWS.toLocaleString('en')}-row import ends with every committed record exactly once`,
    async () => {
      expect(kind).toBe('postgresql');
      const existing = [await createRecord(editor, 'Before 1.'), await createRecord(editor, 'Before 2.')];
      const feed = new FeedClient();
      const old = new UpdatedSinceClient();
      await old.sync();
      const idsBefore = await allIds();
      await feed.syncUntil('every record so far', () => idsBefore.every((id) => feed.deliveries.includes(id)));
      expect(idsBefore).toEqual(expect.arrayContaining(existing));

      // The gate: the import's audit event (its last write) waits for an advisory lock the test holds.
      await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_import_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'evidence.import' THEN PERFORM pg_advisory_xact_lock_shared(${IMPORT_GATE}); END IF;
        RETURN NEW;
      END $$`);
      await db.prisma.$executeRawUnsafe(
        'CREATE TRIGGER test_import_gate BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_import_gate()',
      );
      const gateClosed = signal();
      const openGate = signal();
      const gate = db.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_GATE})`;
          gateClosed.resolve();
          await openGate.promise;
        },
        { timeout: WAIT_MS, maxWait: WAIT_MS },
      );
      await gateClosed.promise;

      const csv = await syntheticEvidenceCsv({ limit: IMPORT_ROWS });
      let importSettled = false;
      const importing = operations.importEvidence
        .run({ user: editor, requestId: 'feed-test', prisma: db.prisma }, { csv, intent: 'draft' })
        .finally(() => (importSettled = true));
      const waitingAtGate = async () => {
        const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND objid = ${IMPORT_GATE}
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
        return row!.n > 0;
      };

      // Both clients poll while the import writes, until it waits to commit.
      while (!(await waitingAtGate())) {
        if (importSettled) throw new Error(`the import ended before the gate: ${JSON.stringify(await importing)}`);
        await feed.sync();
        await old.sync();
      }
      // Others save records meanwhile; they commit before the import does.
      const during: number[] = [];
      for (let n = 0; n < CREATED_DURING_IMPORT; n++) during.push(await createRecord(otherEditor, `During ${n}.`));
      await feed.sync();
      await old.sync();
      // The old procedure has moved past the import's start time; the feed has not moved past the open import.
      expect(during.every((id) => old.seen.has(id))).toBe(true);
      expect(during.some((id) => feed.deliveries.includes(id))).toBe(false);

      openGate.resolve();
      await gate;
      const outcome = await importing;
      expect(outcome).toMatchObject({ ok: true, value: { created: IMPORT_ROWS } });
      const imported = outcome.ok ? outcome.value.createdIds : [];

      const ids = await allIds();
      expect(ids).toHaveLength(idsBefore.length + IMPORT_ROWS + CREATED_DURING_IMPORT);
      await feed.syncUntil('every committed record', () => new Set(feed.deliveries).size >= ids.length);
      await old.sync();

      const counts = feed.counts();
      const duplicates = [...counts.values()].filter((count) => count > 1).length;
      expect([...counts.keys()].sort((a, b) => a - b)).toEqual(ids);
      expect(duplicates).toBe(0);
      // Caught up and stable: one more sync brings nothing.
      const delivered = feed.deliveries.length;
      await feed.sync();
      expect(feed.deliveries).toHaveLength(delivered);

      // Why the feed exists: the updatedSince procedure of the old README never sees the imported rows, stamped
      // with the import's start time but visible only after it committed, after the client had moved on.
      const missedByOld = imported.filter((id) => !old.seen.has(id)).length;
      expect(missedByOld).toBe(IMPORT_ROWS);
      console.info(
        `change feed beside a ${IMPORT_ROWS}-row import: ${counts.size} of ${ids.length} records seen, ` +
          `${duplicates} duplicates, ${feed.polls} polls; the updatedSince procedure saw ${old.seen.size} of ` +
          `${ids.length} in ${old.polls} polls`,
      );
      await db.prisma.$executeRawUnsafe('DROP TRIGGER test_import_gate ON "AuditEvent"');
    },
    3 * WAIT_MS,
  );
});
