import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import { recentVerifications } from '@/lib/dashboard/queries';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { evidenceTimeline } from '@/lib/status/timeline';
import { statusMatrix } from '@/lib/status/matrix';
import { createTestDatabase } from '../support/test-database';
import { exportEvidenceCsv } from '../support/transfer';
import { signedInUser } from '../support/users';

/**
 * A record's newest verified revision decides whether the public sees it: verifying a newer internal revision
 * withdraws the record, earlier public revisions included, from everything the public reads (the status rollup
 * behind the matrix, charts and the public API, the timelines, recent verifications and the CSV export); and an
 * editor or reviewer can unpublish a record at once (audited).
 */
let db: Database;
let dispose: () => Promise<void>;
let editor: CurrentUser;
let reviewer: CurrentUser;
const forPublic = { publicOnly: true };

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
  reviewer = (await signedInUser(db.prisma, 'REVIEWER')).user!;
});
afterAll(async () => dispose?.());

const run = async (op: { run: (c: never, i: unknown) => Promise<unknown> }, user: CurrentUser, input: unknown) =>
  (await op.run({ user, requestId: null, prisma: db.prisma } as never, input)) as
    { ok: true; value: { id: number } } | { ok: false; status: number; code: string };
const version = async (id: number) => (await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).version;

const fields = (actorCode: string, visibility: 'PUBLIC' | 'INTERNAL', summaryEn: string) => ({
  actorCode,
  commitmentCode: 'P08-financing',
  observedOn: '2024-05-02',
  status: 'IN_PROGRESS',
  summaryEn,
  visibility,
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
});

async function verify(id: number) {
  const outcome = await run(operations.reviewEvidence, reviewer, {
    id,
    version: await version(id),
    decision: 'verify',
  });
  expect(outcome).toMatchObject({ ok: true });
}

/** A record on the actor's P08 pair, verified with the given visibility. */
async function verifiedRecord(actorCode: string, visibility: 'PUBLIC' | 'INTERNAL', summaryEn: string) {
  const created = await run(operations.createEvidence, editor, {
    ...fields(actorCode, visibility, summaryEn),
    intent: 'submit',
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await verify(created.value.id);
  return created.value.id;
}

/** What the public sees of a record and its pair, through every reader. */
async function publicView(id: number, actorCode: string, summaryEn: string) {
  const actor = await db.prisma.actor.findUniqueOrThrow({ where: { code: actorCode } });
  const [matrix, timeline, recent, csv] = await Promise.all([
    statusMatrix(db.prisma, {}, 'name', 'en', forPublic),
    evidenceTimeline(db.prisma, { actorId: actor.id }, 'en', forPublic),
    recentVerifications(db.prisma, parseDashboardFilter({}), 'en', forPublic),
    exportEvidenceCsv(db.prisma, null),
  ]);
  return {
    matrixCell: matrix.rows.find((row) => row.code === actorCode)?.cells['P08-financing'] ?? null,
    timeline: timeline.entries.length,
    recent: recent.filter((entry) => entry.evidenceId === id).length,
    exported: csv.includes(summaryEn),
  };
}

describe('a record made public', () => {
  it('is withdrawn from the public when a newer revision is verified as internal', async () => {
    const id = await verifiedRecord('GHA', 'PUBLIC', 'Public summary of Ghana.');
    expect(await publicView(id, 'GHA', 'Public summary of Ghana.')).toEqual({
      matrixCell: 'IN_PROGRESS',
      timeline: 1,
      recent: 1,
      exported: true,
    });

    const updated = await run(operations.updateEvidence, editor, {
      id,
      version: await version(id),
      ...fields('GHA', 'INTERNAL', 'Internal follow-up on Ghana.'),
      status: 'PARTIALLY_IMPLEMENTED',
      intent: 'submit',
    });
    expect(updated).toMatchObject({ ok: true });
    // Until the internal revision is verified, the public revision still stands.
    expect((await publicView(id, 'GHA', 'Public summary of Ghana.')).exported).toBe(true);
    await verify(id);

    expect(await publicView(id, 'GHA', 'Public summary of Ghana.')).toEqual({
      matrixCell: null,
      timeline: 0,
      recent: 0,
      exported: false,
    });
  });

  it('can be unpublished by an editor, at once and audited', async () => {
    const id = await verifiedRecord('SEN', 'PUBLIC', 'Public summary of Senegal.');
    expect((await publicView(id, 'SEN', 'Public summary of Senegal.')).matrixCell).toBe('IN_PROGRESS');

    const unpublished = await run(operations.unpublishEvidence, editor, { id, version: await version(id) });
    expect(unpublished).toMatchObject({ ok: true });
    expect(await publicView(id, 'SEN', 'Public summary of Senegal.')).toEqual({
      matrixCell: null,
      timeline: 0,
      recent: 0,
      exported: false,
    });
    // Signed-in readers still see the verified status.
    const internal = await statusMatrix(db.prisma, {}, 'name', 'en', { publicOnly: false });
    expect(internal.rows.find((row) => row.code === 'SEN')?.cells['P08-financing']).toBe('IN_PROGRESS');

    const event = await db.prisma.auditEvent.findFirst({
      where: { action: 'evidence.unpublish', entityId: String(id) },
    });
    expect(event).toMatchObject({ userId: editor.id, before: { visibility: 'PUBLIC', publicRevisions: [1] } });

    // Nothing public is left to unpublish; a stale version is a conflict.
    expect(await run(operations.unpublishEvidence, editor, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 409,
      code: 'not_public',
    });
    const other = await verifiedRecord('MLI', 'PUBLIC', 'Public summary of Mali.');
    expect(await run(operations.unpublishEvidence, reviewer, { id: other, version: 1 })).toMatchObject({
      ok: false,
      status: 409,
      code: 'stale_save',
    });
  });
});
