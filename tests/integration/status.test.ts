import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { refreshPairRollups } from '@/lib/evidence/rollups';
import { commitmentAcrossStates } from '@/lib/status/across-states';
import { countryScorecard, findMemberState } from '@/lib/status/country';
import { evidenceTimeline, TIMELINE_LIMIT } from '@/lib/status/timeline';
import { ratificationHistory, ratificationTable } from '@/lib/status/ratification';
import { statementDate } from '@/lib/status/statement';
import { statusMatrix } from '@/lib/status/matrix';
import { day, insertEvidenceRecord, type RevisionSpec } from '../support/evidence-records';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * The SQL reads of the status screens on a small hand-made data set over the seeded reference data (193 member
 * states, 32 commitments addressed to them, 19 instruments of which 18 were adopted by 4 May 2012).
 */
let db: Database;
let dispose: () => Promise<void>;
let authorId: number;
let reviewerId: number;
const ids = { actor: new Map<string, number>(), commitment: new Map<string, number>() };

const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** One evidence record with its revisions; returns the revision ids in order. */
function evidence(actor: string, commitment: string, revisions: RevisionSpec[]): Promise<number[]> {
  const pair = { actorId: ids.actor.get(actor)!, commitmentId: ids.commitment.get(commitment)!, authorId, reviewerId };
  return insertEvidenceRecord(db, pair, revisions);
}

/** Refreshes the pair's rollups as a review does, and checks that the expected revision became current. */
async function currentStatus(actor: string, commitment: string, revisionId: number) {
  const actorId = ids.actor.get(actor)!;
  const commitmentId = ids.commitment.get(commitment)!;
  await db.prisma.$transaction((tx) => refreshPairRollups(tx, actorId, commitmentId));
  const current = await db.prisma.currentStatus.findUniqueOrThrow({
    where: { actorId_commitmentId_publicOnly: { actorId, commitmentId, publicOnly: false } },
  });
  expect(current.revisionId).toBe(revisionId);
}

async function instrumentStatus(actor: string, instrument: string, status: string, consentedOn?: string) {
  const { id: instrumentId } = await db.prisma.instrument.findUniqueOrThrow({ where: { code: instrument } });
  await db.prisma.instrumentStatus.create({
    data: {
      actorId: ids.actor.get(actor)!,
      instrumentId,
      status: status as 'SIGNED',
      consentedOn: consentedOn ? day(consentedOn) : null,
    },
  });
}

const rev: Record<string, number | undefined> = {};
const internal = { publicOnly: false };
const forPublic = { publicOnly: true };

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  for (const actor of await db.prisma.actor.findMany()) ids.actor.set(actor.code, actor.id);
  for (const commitment of await db.prisma.commitment.findMany()) ids.commitment.set(commitment.code, commitment.id);
  authorId = (await signedInUser(db.prisma, 'EDITOR')).id;
  reviewerId = (await signedInUser(db.prisma, 'REVIEWER')).id;

  // Kenya, terrorist financing: two verified records (the later one is current) and a newer draft that is not. The
  // public observation is a record of its own: a newer internal verified revision of the same record would
  // withdraw it from the public (tests/integration/public-record.test.ts).
  [rev.kenFin1] = await evidence('KEN', 'P08-financing', [
    { observedOn: '2023-01-01', status: 'IN_PROGRESS', state: 'VERIFIED', visibility: 'PUBLIC' },
  ]);
  [rev.kenFin2, rev.kenFinDraft] = await evidence('KEN', 'P08-financing', [
    { observedOn: '2024-06-01', status: 'FULLY_IMPLEMENTED', state: 'VERIFIED' },
    { observedOn: '2025-01-01', status: 'NOT_STARTED', state: 'DRAFT' },
  ]);
  await currentStatus('KEN', 'P08-financing', rev.kenFin2!);
  // Kenya, conventions: verified and public, summarised in Chinese only.
  [rev.kenConv] = await evidence('KEN', 'P12-conventions', [
    {
      observedOn: '2022-05-05',
      status: 'PARTIALLY_IMPLEMENTED',
      state: 'VERIFIED',
      visibility: 'PUBLIC',
      summary: { zh: '已加入多数公约。' },
    },
  ]);
  await currentStatus('KEN', 'P12-conventions', rev.kenConv!);
  // Uganda, terrorist financing: verified, public.
  [rev.ugaFin] = await evidence('UGA', 'P08-financing', [
    { observedOn: '2024-01-01', status: 'NOT_STARTED', state: 'VERIFIED', visibility: 'PUBLIC' },
  ]);
  await currentStatus('UGA', 'P08-financing', rev.ugaFin!);
  // France, terrorist financing: submitted, not yet verified: counts nowhere.
  await evidence('FRA', 'P08-financing', [
    { observedOn: '2024-02-02', status: 'FULLY_IMPLEMENTED', state: 'SUBMITTED' },
  ]);

  // Kenya is party to 3 instruments, 2 of them among the 18 of 2012; signed and "not party" do not count.
  await instrumentStatus('KEN', 'tokyo-1963', 'RATIFICATION', '1970-06-22');
  await instrumentStatus('KEN', 'hague-1970', 'ACCESSION', '1977-01-11');
  await instrumentStatus('KEN', 'montreal-protocol-2014', 'RATIFICATION', '2020-03-03');
  await instrumentStatus('KEN', 'bombings-1997', 'SIGNED');
  await instrumentStatus('KEN', 'hostages-1979', 'NOT_PARTY');
  await instrumentStatus('UGA', 'financing-1999', 'ACCESSION', '2003-06-05');
});
afterAll(async () => dispose?.());

describe('country scorecard', () => {
  it('lists the 32 member-state commitments by theme with Kenya’s current status and counts', async () => {
    const ken = (await findMemberState(db.prisma, 'KEN'))!;
    expect(ken).toMatchObject({ code: 'KEN', nameEn: 'Kenya', nameZh: '肯尼亚', regionalGroup: 'AFRICAN' });
    const card = await countryScorecard(db.prisma, ken.id, 'en', internal);
    expect(card.total).toBe(32);
    expect(card.themes.flatMap((theme) => theme.commitments)).toHaveLength(32);
    expect(card.counts).toEqual({
      FULLY_IMPLEMENTED: 1,
      PARTIALLY_IMPLEMENTED: 1,
      IN_PROGRESS: 0,
      NOT_STARTED: 0,
      NOT_APPLICABLE: 0,
      NO_INFORMATION: 30,
    });
    const financing = card.themes.find((theme) => theme.code === 'terrorist-financing')!;
    expect(financing.name).toBe('Terrorist financing');
    expect(financing.commitments).toEqual([
      expect.objectContaining({ code: 'P08-financing', status: 'FULLY_IMPLEMENTED', observedOn: day('2024-06-01') }),
    ]);
    // Themes are not repeated: each appears once, in the themes' order.
    expect(new Set(card.themes.map((theme) => theme.code)).size).toBe(card.themes.length);
    expect(card.themes[0]!.code).toBe('legal-framework');
  });

  it('answers null for an unknown code or a UN entity', async () => {
    expect(await findMemberState(db.prisma, 'XXX')).toBeNull();
    const entity = await db.prisma.actor.findFirstOrThrow({ where: { kind: 'UN_ENTITY' } });
    expect(await findMemberState(db.prisma, entity.code)).toBeNull();
  });
});

describe('ratification', () => {
  it('shows the 19 instruments and counts parties among all and among the 18 of the statement’s date', async () => {
    const statement = (await statementDate(db.prisma))!;
    expect(statement.symbol).toBe('S/PRST/2012/17');
    expect(iso(statement.adoptedOn)).toBe('2012-05-04');
    const table = await ratificationTable(db.prisma, ids.actor.get('KEN')!, statement, 'en');
    expect(table.rows).toHaveLength(19);
    expect(table.summary).toMatchObject({ party: 3, total: 19, partyOfExisting: 2, existing: 18 });
    expect(table.rows.filter((row) => !row.existedAtStatement).map((row) => row.instrumentCode)).toEqual([
      'montreal-protocol-2014',
    ]);
    const tokyo = table.rows.find((row) => row.instrumentCode === 'tokyo-1963')!;
    expect(tokyo).toMatchObject({ status: 'RATIFICATION', party: true, version: 1, year: 1963 });
    expect(iso(tokyo.consentedOn)).toBe('1970-06-22');
    expect(table.rows.find((row) => row.instrumentCode === 'bombings-1997')).toMatchObject({
      status: 'SIGNED',
      party: false,
    });
    expect(table.rows.find((row) => row.instrumentCode === 'financing-1999')).toMatchObject({
      status: null,
      party: false,
      version: 0,
    });

    const none = await ratificationTable(db.prisma, ids.actor.get('FRA')!, statement, 'zh');
    expect(none.summary).toMatchObject({ party: 0, total: 19, partyOfExisting: 0, existing: 18 });
    expect(none.rows[0]!.shortName).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives the history of one pair newest first, without user names for the public', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const context = { user: editor.user, requestId: null, prisma: db.prisma };
    const base = { actorCode: 'GHA', instrumentCode: 'financing-1999' };
    expect(await operations.updateRatification.run(context, { ...base, version: 0, status: 'SIGNED' })).toMatchObject({
      ok: true,
    });
    expect(
      await operations.updateRatification.run(context, {
        ...base,
        version: 1,
        status: 'RATIFICATION',
        consentedOn: '2002-09-06',
        sourceUrl: 'https://treaties.un.org/',
      }),
    ).toMatchObject({ ok: true });

    const gha = ids.actor.get('GHA')!;
    const history = (await ratificationHistory(db.prisma, gha, 'financing-1999', 'en', { publicOnly: false }))!;
    expect(history.shortName).toBeTruthy();
    expect(history.revisions.map((revision) => [revision.number, revision.status, iso(revision.consentedOn)])).toEqual([
      [2, 'RATIFICATION', '2002-09-06'],
      [1, 'SIGNED', null],
    ]);
    expect(history.revisions[0]!.changedBy).toBe('EDITOR tester');
    const publicHistory = (await ratificationHistory(db.prisma, gha, 'financing-1999', 'en', forPublic))!;
    expect(publicHistory.revisions.map((revision) => revision.changedBy)).toEqual([null, null]);
    expect((await ratificationHistory(db.prisma, gha, 'tokyo-1963', 'en', { publicOnly: false }))!.revisions).toEqual(
      [],
    );
    expect(await ratificationHistory(db.prisma, gha, 'no-such-treaty', 'en', { publicOnly: false })).toBeNull();
  });
});

describe('a commitment across the member states', () => {
  const p08 = () => ids.commitment.get('P08-financing')!;

  it('has 193 rows and counts per status', async () => {
    const across = await commitmentAcrossStates(db.prisma, p08(), 'name', 'asc', 'en', internal);
    expect(across.rows).toHaveLength(193);
    expect(across.counts).toEqual({
      FULLY_IMPLEMENTED: 1,
      PARTIALLY_IMPLEMENTED: 0,
      IN_PROGRESS: 0,
      NOT_STARTED: 1,
      NOT_APPLICABLE: 0,
      NO_INFORMATION: 191,
    });
    expect(across.rows[0]).toMatchObject({ code: 'AFG', nameEn: 'Afghanistan', status: 'NO_INFORMATION' });
    expect(across.rows.at(-1)!.code).toBe('ZWE');
    expect(across.rows.find((row) => row.code === 'FRA')!.status).toBe('NO_INFORMATION');
    // P08 names one instrument (the 1999 Financing Convention): Uganda is party to it, Kenya is not.
    expect(across.instruments).toMatchObject({ total: 1, existing: 1, statement: { symbol: 'S/PRST/2012/17' } });
    expect(across.rows.find((row) => row.code === 'UGA')).toMatchObject({ party: 1, partyOfExisting: 1 });
    expect(across.rows.find((row) => row.code === 'KEN')).toMatchObject({ party: 0, partyOfExisting: 0 });
  });

  it('sorts by status, date, group and name in both directions', async () => {
    const codes = async (sort: 'name' | 'status' | 'group' | 'date', dir: 'asc' | 'desc') =>
      (await commitmentAcrossStates(db.prisma, p08(), sort, dir, 'en', internal)).rows.map((row) => row.code);
    expect((await codes('status', 'asc')).slice(0, 3)).toEqual(['KEN', 'UGA', 'AFG']);
    expect((await codes('status', 'desc')).slice(0, 2)).toEqual(['AFG', 'ALB']);
    expect((await codes('status', 'desc')).slice(-2)).toEqual(['UGA', 'KEN']);
    expect((await codes('date', 'desc')).slice(0, 3)).toEqual(['KEN', 'UGA', 'AFG']);
    expect((await codes('date', 'asc')).slice(0, 3)).toEqual(['UGA', 'KEN', 'AFG']);
    expect((await codes('name', 'desc'))[0]).toBe('ZWE');
    const byGroup = await commitmentAcrossStates(db.prisma, p08(), 'group', 'asc', 'en', internal);
    expect(byGroup.rows.slice(0, 54).every((row) => row.regionalGroup === 'AFRICAN')).toBe(true);
    expect(byGroup.rows[0]!.code).toBe('DZA');
    const byGroupDesc = await commitmentAcrossStates(db.prisma, p08(), 'group', 'desc', 'en', internal);
    expect(byGroupDesc.rows[0]!.regionalGroup).toBe('WESTERN_EUROPEAN_OTHERS');
  });

  it('counts each state’s parties among the 19 instruments the conventions commitment names', async () => {
    const across = await commitmentAcrossStates(
      db.prisma,
      ids.commitment.get('P12-conventions')!,
      'name',
      'asc',
      'en',
      internal,
    );
    expect(across.instruments).toMatchObject({ total: 19, existing: 18 });
    expect(across.rows.find((row) => row.code === 'KEN')).toMatchObject({
      status: 'PARTIALLY_IMPLEMENTED',
      party: 3,
      partyOfExisting: 2,
    });
    expect(across.rows.find((row) => row.code === 'UGA')).toMatchObject({ party: 1, partyOfExisting: 1 });
    expect(across.rows.find((row) => row.code === 'FRA')).toMatchObject({ party: 0, partyOfExisting: 0 });
    // A commitment naming no instrument has no such column.
    const noInstruments = await commitmentAcrossStates(
      db.prisma,
      ids.commitment.get('P06-crime-coordination')!,
      'name',
      'asc',
      'en',
      internal,
    );
    expect(noInstruments.instruments).toBeNull();
    expect(noInstruments.rows[0]!.party).toBeNull();
  });
});

describe('evidence timelines', () => {
  it('of a country: verified revisions only, newest observation first, marking the current ones', async () => {
    const timeline = await evidenceTimeline(db.prisma, { actorId: ids.actor.get('KEN')! }, 'en', { publicOnly: false });
    expect(timeline.total).toBe(3);
    expect(timeline.entries.map((entry) => [entry.revisionId, iso(entry.observedOn), entry.current])).toEqual([
      [rev.kenFin2, '2024-06-01', true],
      [rev.kenFin1, '2023-01-01', false],
      [rev.kenConv, '2022-05-05', true],
    ]);
    expect(timeline.entries[0]).toMatchObject({ commitmentCode: 'P08-financing', status: 'FULLY_IMPLEMENTED' });
    // A summary written only in Chinese is shown in Chinese, saying so.
    expect(timeline.entries[2]!.summary).toEqual({ text: '已加入多数公约。', lang: 'zh' });
    expect(timeline.entries.map((entry) => entry.revisionId)).not.toContain(rev.kenFinDraft);
  });

  it('of a country, for the public: only revisions marked public', async () => {
    const timeline = await evidenceTimeline(db.prisma, { actorId: ids.actor.get('KEN')! }, 'en', forPublic);
    expect(timeline.total).toBe(2);
    expect(timeline.entries.map((entry) => entry.revisionId)).toEqual([rev.kenFin1, rev.kenConv]);
    // For the public, the latest public revision is the current one.
    expect(timeline.entries.map((entry) => entry.current)).toEqual([true, true]);
  });

  it('of a commitment: across states; unverified evidence (France) is left out', async () => {
    const timeline = await evidenceTimeline(db.prisma, { commitmentId: ids.commitment.get('P08-financing')! }, 'zh', {
      publicOnly: false,
    });
    expect(timeline.total).toBe(3);
    expect(timeline.entries.map((entry) => [entry.actorCode, entry.status])).toEqual([
      ['KEN', 'FULLY_IMPLEMENTED'],
      ['UGA', 'NOT_STARTED'],
      ['KEN', 'IN_PROGRESS'],
    ]);
    expect(timeline.entries[0]!.actorName).toBe('肯尼亚');
    // No Chinese summary: the English one, marked as English.
    expect(timeline.entries[0]!.summary).toMatchObject({ lang: 'en' });
  });

  it(`stops at ${TIMELINE_LIMIT} entries and reports the total`, async () => {
    await evidence(
      'GHA',
      'P06-crime-coordination',
      Array.from({ length: 55 }, (_, index) => ({
        observedOn: `2020-01-${String((index % 25) + 1).padStart(2, '0')}`,
        status: 'IN_PROGRESS' as const,
        state: 'VERIFIED' as const,
        reviewedAt: `2021-01-01T00:00:${String(index).padStart(2, '0')}Z`,
      })),
    );
    const timeline = await evidenceTimeline(db.prisma, { actorId: ids.actor.get('GHA')! }, 'en', { publicOnly: false });
    expect(timeline.total).toBe(55);
    expect(timeline.entries).toHaveLength(TIMELINE_LIMIT);
    // Same observed day: the later verification first.
    const first = timeline.entries[0]!;
    const second = timeline.entries[1]!;
    expect(iso(first.observedOn)).toBe('2020-01-25');
    expect(iso(second.observedOn)).toBe('2020-01-25');
    expect(first.verifiedAt!.getTime()).toBeGreaterThan(second.verifiedAt!.getTime());
  });
});

describe('the countries × commitments matrix', () => {
  it('has 193 rows, 32 columns with short codes, the cells that have a status, and counts', async () => {
    const matrix = await statusMatrix(db.prisma, {}, 'name', 'en', internal);
    expect(matrix.rows).toHaveLength(193);
    expect(matrix.columns).toHaveLength(32);
    const shortCode = (code: string) => matrix.columns.find((column) => column.code === code)?.shortCode;
    expect(shortCode('P08-financing')).toBe('P8');
    expect(shortCode('P12-res-1267-1989')).toBe('P12a');
    expect(shortCode('P12-conventions')).toBe('P12e');
    // P10 has a second commitment, addressed to the UN system, which is not a column.
    expect(shortCode('P10-victims-support')).toBe('P10');
    // Paragraph 9 reaffirms three Charter obligations.
    expect(['P09-use-of-force', 'P09-assist-un', 'P09-no-assistance-to-targets'].map(shortCode)).toEqual([
      'P9a',
      'P9b',
      'P9c',
    ]);
    expect(matrix.rows.find((row) => row.code === 'KEN')!.cells).toEqual({
      'P08-financing': 'FULLY_IMPLEMENTED',
      'P12-conventions': 'PARTIALLY_IMPLEMENTED',
    });
    expect(matrix.rows.find((row) => row.code === 'FRA')!.cells).toEqual({});
    expect(matrix.counts).toEqual({
      FULLY_IMPLEMENTED: 1,
      PARTIALLY_IMPLEMENTED: 1,
      IN_PROGRESS: 0,
      NOT_STARTED: 1,
      NOT_APPLICABLE: 0,
      NO_INFORMATION: 193 * 32 - 3,
    });
  });

  it('filters by regional group and by theme', async () => {
    const african = await statusMatrix(db.prisma, { group: 'AFRICAN' }, 'name', 'en', internal);
    expect(african.rows).toHaveLength(54);
    expect(african.columns).toHaveLength(32);
    expect(african.counts.NO_INFORMATION).toBe(54 * 32 - 3);
    const western = await statusMatrix(db.prisma, { group: 'WESTERN_EUROPEAN_OTHERS' }, 'name', 'en', internal);
    expect(western.rows).toHaveLength(29);
    expect(western.counts.NO_INFORMATION).toBe(29 * 32);

    const financing = await statusMatrix(db.prisma, { theme: 'terrorist-financing' }, 'name', 'zh', internal);
    expect(financing.columns.map((column) => [column.code, column.shortCode])).toEqual([['P08-financing', 'P8']]);
    expect(financing.counts).toMatchObject({ FULLY_IMPLEMENTED: 1, NOT_STARTED: 1, NO_INFORMATION: 191 });
    expect(financing.rows.find((row) => row.code === 'KEN')!.cells).toEqual({ 'P08-financing': 'FULLY_IMPLEMENTED' });

    const both = await statusMatrix(
      db.prisma,
      { theme: 'terrorist-financing', group: 'EASTERN_EUROPEAN' },
      'name',
      'en',
      internal,
    );
    expect(both.rows).toHaveLength(23);
    expect(both.counts).toMatchObject({ FULLY_IMPLEMENTED: 0, NO_INFORMATION: 23 });

    // As of the end of 2023, Kenya's financing cell shows the 2023 observation, and no cell from 2024 on counts.
    const past = await statusMatrix(db.prisma, { asOf: '2023-12' }, 'name', 'en', internal);
    expect(past.rows.find((row) => row.code === 'KEN')!.cells).toEqual({
      'P08-financing': 'IN_PROGRESS',
      'P12-conventions': 'PARTIALLY_IMPLEMENTED',
    });
    expect(past.rows.find((row) => row.code === 'UGA')!.cells).toEqual({});
    // By progress: Kenya (fully + partially) before Uganda (not started) before the states without information.
    const byProgress = await statusMatrix(db.prisma, {}, 'progress', 'en', internal);
    expect(byProgress.rows.slice(0, 2).map((row) => row.code)).toEqual(['KEN', 'UGA']);
    expect(byProgress.rows[2]!.code).toBe('AFG');
    const unknown = await statusMatrix(db.prisma, { theme: 'no-such-theme' }, 'name', 'en', internal);
    expect(unknown.columns).toEqual([]);
    expect(unknown.rows).toHaveLength(193);
  });
});

describe('for the public', () => {
  it('current statuses come from evidence marked public only', async () => {
    const card = await countryScorecard(db.prisma, ids.actor.get('KEN')!, 'en', forPublic);
    expect(card.counts).toEqual({
      FULLY_IMPLEMENTED: 0,
      PARTIALLY_IMPLEMENTED: 1,
      IN_PROGRESS: 1,
      NOT_STARTED: 0,
      NOT_APPLICABLE: 0,
      NO_INFORMATION: 30,
    });
    const financing = card.themes.find((theme) => theme.code === 'terrorist-financing')!;
    expect(financing.commitments[0]).toMatchObject({ status: 'IN_PROGRESS', observedOn: day('2023-01-01') });

    const across = await commitmentAcrossStates(
      db.prisma,
      ids.commitment.get('P08-financing')!,
      'status',
      'asc',
      'en',
      forPublic,
    );
    expect(across.counts).toMatchObject({ FULLY_IMPLEMENTED: 0, IN_PROGRESS: 1, NOT_STARTED: 1, NO_INFORMATION: 191 });
    expect(across.rows.slice(0, 2).map((row) => [row.code, row.status])).toEqual([
      ['KEN', 'IN_PROGRESS'],
      ['UGA', 'NOT_STARTED'],
    ]);

    const matrix = await statusMatrix(db.prisma, {}, 'name', 'en', forPublic);
    expect(matrix.rows.find((row) => row.code === 'KEN')!.cells).toEqual({
      'P08-financing': 'IN_PROGRESS',
      'P12-conventions': 'PARTIALLY_IMPLEMENTED',
    });
    expect(matrix.counts).toMatchObject({
      FULLY_IMPLEMENTED: 0,
      IN_PROGRESS: 1,
      PARTIALLY_IMPLEMENTED: 1,
      NOT_STARTED: 1,
    });
    // The GHA record (55 internal revisions, no CurrentStatus row) stays invisible either way.
    expect(matrix.rows.find((row) => row.code === 'GHA')!.cells).toEqual({});
  });
});
