import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { planEvidenceImport, checkImportLimits, ImportLimitError } from '@/lib/transfer/evidence-import';
import { matrixCsv, ratificationCsv } from '@/lib/transfer/status-csv';
import { createTestDatabase } from '../support/test-database';
import { evidenceHeader } from '@/lib/transfer/evidence-csv';
import { evidenceCsv, evidenceRow, exportEvidenceCsv } from '../support/transfer';
import { signedInUser } from '../support/users';
import { syntheticEvidenceCsv } from '../../scripts/lib/synthetic-evidence';

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
});
afterAll(async () => dispose?.());

type User = NonNullable<Awaited<ReturnType<typeof signedInUser>>['user']>;

async function user(role: 'EDITOR' | 'REVIEWER' | 'VIEWER' | 'ADMIN', countryCodes?: string[]): Promise<User> {
  return (await signedInUser(db.prisma, role, { countryCodes })).user!;
}

function importCsv(as: User, csv: string, intent = 'draft') {
  return operations.importEvidence.run({ user: as, requestId: 'test', prisma: db.prisma }, { csv, intent });
}

async function createRecord(as: User, overrides: Record<string, unknown> = {}) {
  const created = await operations.createEvidence.run(
    { user: as, requestId: null, prisma: db.prisma },
    {
      actorCode: 'UGA',
      commitmentCode: 'P12-conventions',
      observedOn: '2023-01-10',
      status: 'IN_PROGRESS',
      summaryEn: 'Ratification bill, "phase 1", drafted',
      summaryZh: '批准法案草案，第一阶段',
      tags: 'law, treaty',
      sources: [
        { type: 'GOVERNMENT_REPORT', url: 'https://example.org/report', title: '=HYPERLINK("x")' },
        { type: 'MEDIA', reference: 'Daily Monitor, 3 Jan 2023\nline two', publishedOn: '2023-01-03' },
      ],
      ...overrides,
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value.id;
}

/** Rows of an exported CSV as objects keyed by column. */
function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((row) => Object.fromEntries(header!.cells.map((column, index) => [column, row.cells[index]!])));
}

async function toCsv(rows: Record<string, string>[], header: string[]): Promise<string> {
  const { csvStream, csvText } = await import('@/lib/csv');
  async function* cells() {
    for (const row of rows) yield header.map((column) => row[column] ?? '');
  }
  return csvText(csvStream(header, cells()));
}

async function fingerprint(): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ digest: string }[]>`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws('|', id, version, state, "latestRevision"), ',' ORDER BY id), '') FROM "Evidence") ||
      (SELECT count(*)::text FROM "EvidenceRevision") || (SELECT count(*)::text FROM "EvidenceSource") ||
      (SELECT count(*)::text FROM "AuditEvent") || (SELECT count(*)::text FROM "CurrentStatus")
    ) AS digest`;
  return row!.digest;
}

describe('evidence CSV round trip', () => {
  it('export → edit → import updates the same records, creates rows without id, counts unchanged rows', async () => {
    const editor = await user('EDITOR');
    const first = await createRecord(editor);
    const second = await createRecord(editor, { actorCode: 'TZA', commitmentCode: 'P08-financing' });
    const exported = await exportEvidenceCsv(db.prisma, editor, { mine: '1' });
    const rows = rowsOf(exported);
    expect(rows.map((row) => Number(row.id))).toEqual([first, second]);
    // Two source groups because the records have two sources; the tricky cells come back as they were.
    expect(rows[0]).toMatchObject({
      version: '1',
      state: 'DRAFT',
      actor_code: 'UGA',
      summary_en: 'Ratification bill, "phase 1", drafted',
      tags: 'law, treaty',
      source_1_title: '=HYPERLINK("x")',
      source_2_reference: 'Daily Monitor, 3 Jan 2023\nline two',
      source_2_published_on: '2023-01-03',
    });
    // On disk the formula is neutralised for spreadsheets.
    expect(exported).toContain(`'=HYPERLINK(""x"")`);

    const header = parseCsv(exported)[0]!.cells;
    const edited = [
      { ...rows[0]!, status: 'PARTIALLY_IMPLEMENTED', summary_en: 'Bill passed, 第一阶段 done' },
      rows[1]!,
      {
        ...rows[1]!,
        id: '',
        version: '',
        state: '',
        actor_code: 'RWA',
        source_2_type: '',
        source_2_reference: '',
        source_2_published_on: '',
      },
    ];
    const csv = await toCsv(edited, header);

    const preview = await planEvidenceImport(db.prisma, editor, csv);
    expect(preview.problems).toEqual([]);
    expect({ creates: preview.creates.length, updates: preview.updates.length, unchanged: preview.unchanged }).toEqual({
      creates: 1,
      updates: 1,
      unchanged: 1,
    });

    const outcome = await importCsv(editor, csv, 'submit');
    expect(outcome).toMatchObject({ ok: true, value: { created: 1, updated: 1, unchanged: 1 } });
    if (!outcome.ok) return;

    const updated = await db.prisma.evidence.findUniqueOrThrow({
      where: { id: first },
      include: { revisions: { orderBy: { number: 'asc' }, include: { sources: { orderBy: { sortOrder: 'asc' } } } } },
    });
    expect(updated).toMatchObject({ version: 2, state: 'SUBMITTED', latestRevision: 2 });
    expect(updated.revisions.map((revision) => revision.status)).toEqual(['IN_PROGRESS', 'PARTIALLY_IMPLEMENTED']);
    expect(updated.revisions[1]!.summary).toEqual({ en: 'Bill passed, 第一阶段 done', zh: '批准法案草案，第一阶段' });
    expect(updated.revisions[1]!.sources.map((source) => source.title)).toEqual(['=HYPERLINK("x")', null]);
    expect(updated.revisions[1]!.submittedAt).not.toBeNull();
    expect(await db.prisma.evidence.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ version: 1 });
    const [createdId] = outcome.value.createdIds;
    const created = await db.prisma.evidence.findUniqueOrThrow({
      where: { id: createdId },
      include: { actor: true, revisions: { include: { sources: true } } },
    });
    expect(created).toMatchObject({ state: 'SUBMITTED', version: 1, createdById: editor.id, actor: { code: 'RWA' } });
    expect(created.revisions[0]!.sources).toHaveLength(1);

    // Importing the new export again changes nothing.
    const again = await exportEvidenceCsv(db.prisma, editor, { mine: '1' });
    const replay = await planEvidenceImport(db.prisma, editor, again);
    expect(replay).toMatchObject({ rows: 3, unchanged: 3, problems: [] });
    expect(replay.creates).toHaveLength(0);

    // One audit event for the import, with its counts.
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.import' },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 1, intent: 'submit' });
  });

  it('exports and re-reads a revision stored with no tags at all (a NULL array)', async () => {
    const editor = await user('EDITOR');
    const id = await createRecord(editor);
    await db.prisma.$executeRaw`UPDATE "EvidenceRevision" SET tags = NULL WHERE "evidenceId" = ${id}`;
    const exported = rowsOf(await exportEvidenceCsv(db.prisma, editor, { mine: '1' }));
    expect(exported.find((row) => row.id === String(id))!.tags).toBe('');
  });

  it('reads a file saved with a BOM, and exports one when asked', async () => {
    const editor = await user('EDITOR');
    const csv = await evidenceCsv([evidenceRow({ summary_en: 'With BOM' })]);
    const plan = await planEvidenceImport(db.prisma, editor, `\uFEFF${csv}`);
    expect(plan).toMatchObject({ rows: 1, problems: [] });
    expect(plan.creates).toHaveLength(1);
    const exported = await exportEvidenceCsv(db.prisma, editor, {}, { bom: true });
    expect(exported.startsWith('\uFEFFid,version,state,')).toBe(true);
  });
});

describe('bad rows', () => {
  it('reports every bad row with its line, column and reason, and writes nothing', async () => {
    const editor = await user('EDITOR', ['KEN', 'UGA']);
    const other = await user('EDITOR');
    const stale = await createRecord(editor);
    await importCsv(editor, await toCsvOfRecord(editor, stale, { status: 'NOT_STARTED' }));
    const inReview = await createRecord(editor, { intent: 'submit' });
    const outside = await createRecord(other, { actorCode: 'TZA' });
    const csv = await evidenceCsv([
      evidenceRow(), // line 2: fine
      evidenceRow({ actor_code: 'XXX' }), // 3
      evidenceRow({ actor_code: 'TZA' }), // 4 outside scope
      evidenceRow({ commitment_code: 'P99-nothing' }), // 5
      evidenceRow({ commitment_code: 'P28-gctf' }), // 6 addressed to the UN system
      evidenceRow({ observed_on: '2024-02-30' }), // 7
      evidenceRow({ observed_on: '2999-01-01' }), // 8
      evidenceRow({ status: 'DONE' }), // 9
      evidenceRow({ score: '2' }), // 10
      evidenceRow({ summary_en: '' }), // 11
      evidenceRow({ source_1_type: '', source_1_url: '', source_1_reference: '' }), // 12 no source
      evidenceRow({ source_1_url: 'ftp://example.org' }), // 13
      evidenceRow({ id: 'abc', version: '1' }), // 14
      evidenceRow({ id: String(stale), version: '' }), // 15
      evidenceRow({ id: String(stale), version: '1' }), // 16 stale: it is at version 2
      evidenceRow({ id: '999999', version: '1' }), // 17
      evidenceRow({ id: String(inReview), version: '1', status: 'NOT_STARTED' }), // 18
      evidenceRow({ id: String(outside), version: '1' }), // 19
      evidenceRow({ source_1_type: 'BLOG' }), // 20
      evidenceRow({ actor_code: 'XXX', observed_on: '2999-01-01' }), // 21: every problem of a row at once
      // 22: codes in any case are the same codes, also in a row that fails for another reason
      evidenceRow({ actor_code: ' ken', commitment_code: 'p08-FINANCING', observed_on: '2999-01-01' }),
    ]);
    const before = await fingerprint();
    // Imported for review, every row must be complete (a draft needs only its codes: see below).
    const plan = await planEvidenceImport(db.prisma, editor, csv, { intent: 'submit' });
    expect(plan.rows).toBe(21);
    expect(plan.problems.map(({ line, column, reason }) => `${line} ${column} ${reason}`)).toEqual([
      '3 actor_code unknownCountry',
      '4 actor_code outsideCountryScope',
      '5 commitment_code unknownCommitment',
      '6 commitment_code commitmentNotForStates',
      '7 observed_on dateInvalid',
      '8 observed_on dateInFuture',
      '9 status statusRequired',
      '10 score scoreInvalid',
      '11 summary_en summaryRequired',
      '12 source_1_type sourceRequired',
      '13 source_1_url urlNotHttp',
      '14 id importIdInvalid',
      '15 version importVersionRequired',
      '16 version importStaleVersion:2',
      '17 id evidenceNotFound',
      '18 id evidenceInReview',
      '19 id outsideCountryScope',
      '20 source_1_type sourceTypeRequired',
      '21 observed_on dateInFuture',
      '21 actor_code unknownCountry',
      '22 observed_on dateInFuture',
    ]);
    const outcome = await importCsv(editor, csv, 'submit');
    expect(outcome).toMatchObject({ ok: false, status: 400, message: 'importHasProblems' });
    if (!outcome.ok) expect(outcome.fieldErrors?.csv).toContain('importRow:3|actor_code|unknownCountry');
    expect(await fingerprint()).toBe(before);
    // The same file as drafts: a row without a summary or a source is a fine draft, as in the form and the API.
    const asDrafts = await planEvidenceImport(db.prisma, editor, csv, { intent: 'draft' });
    const lines = new Set(asDrafts.problems.map((problem) => problem.line));
    expect(lines.has(11)).toBe(false);
    expect(lines.has(12)).toBe(false);
    expect(asDrafts.problems.filter((problem) => problem.line === 9).map((problem) => problem.reason)).toEqual([
      'statusRequired',
    ]);
  });

  it('writes nothing when the only bad row comes after chunks that were already written', async () => {
    const editor = await user('EDITOR');
    // Two source groups, 6,000 good rows: the first 5,000 are written before the last chunk is checked.
    const good = await syntheticEvidenceCsv({ limit: 6000 });
    const header = parseCsv(good.slice(0, good.indexOf('\r\n')))[0]!.cells;
    const bad = await toCsv([{ ...evidenceRow({ observed_on: '2024-13-45' }), source_2_type: '' }], header);
    const csv = good + bad.slice(bad.indexOf('\r\n') + 2);
    const before = await fingerprint();
    const outcome = await importCsv(editor, csv);
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { csv: ['importRow:6002|observed_on|dateInvalid'] },
    });
    expect(await fingerprint()).toBe(before);
  });

  it('reports every bad row of a large file, wherever it is, and writes none of its rows', async () => {
    const editor = await user('EDITOR');
    // 12,000 rows with bad ones in the middle and at the end, none in the first 5,000-row chunk: that chunk is
    // written while the next is checked, and still none of it may stay.
    const good = await syntheticEvidenceCsv({ limit: 12000 });
    const [headerRecord, ...records] = parseCsv(good);
    const header = headerRecord!.cells;
    const rows = records.map((record) =>
      Object.fromEntries(header.map((column, index) => [column, record.cells[index]!])),
    );
    const bad: Record<number, Record<string, string>> = {
      5500: { actor_code: 'XXX', status: 'DONE' },
      5501: { source_1_url: 'ftp://example.org' },
      7000: { observed_on: '2024-13-45' },
      11999: { tags: 'x'.repeat(41) },
    };
    for (const [index, cells] of Object.entries(bad)) Object.assign(rows[Number(index)]!, cells);
    const csv = await toCsv(rows, header);
    const expected = [
      'importRow:5502|status|statusRequired',
      'importRow:5502|actor_code|unknownCountry',
      'importRow:5503|source_1_url|urlNotHttp',
      'importRow:7002|observed_on|dateInvalid',
      'importRow:12001|tags|tagTooLong',
    ];
    const before = await fingerprint();
    const outcome = await importCsv(editor, csv);
    expect(outcome).toMatchObject({ ok: false, status: 400, message: 'importHasProblems' });
    if (!outcome.ok) expect(outcome.fieldErrors?.csv).toEqual(expected);
    expect(await fingerprint()).toBe(before);
    // The preview names the same rows.
    const plan = await planEvidenceImport(db.prisma, editor, csv);
    expect(plan.problems.map((problem) => `importRow:${problem.line}|${problem.column}|${problem.reason}`)).toEqual(
      expected,
    );
    expect(plan.rows).toBe(12000);
  });

  it('refuses a file whose header is not the export format, or whose rows have the wrong number of cells', async () => {
    const editor = await user('EDITOR');
    const wrongHeader = 'id,version,state,actor,commitment_code\r\n1,1,DRAFT,KEN,P08-financing\r\n';
    const problems = (await planEvidenceImport(db.prisma, editor, wrongHeader)).problems;
    expect(problems.slice(0, 2)).toEqual([
      { line: 1, column: 'actor', reason: 'importColumnUnexpected' },
      { line: 1, column: 'actor_code', reason: 'importColumnMissing' },
    ]);
    const csv = (await evidenceCsv([evidenceRow()])) + 'only,three,cells\r\n';
    expect((await planEvidenceImport(db.prisma, editor, csv)).problems).toEqual([
      { line: 3, column: '', reason: 'importColumnCount:3' },
    ]);
    const broken = (await evidenceCsv([evidenceRow()])) + ',,"unterminated\r\n';
    expect((await planEvidenceImport(db.prisma, editor, broken)).problems[0]).toMatchObject({
      reason: expect.stringMatching(/^importCsvSyntax:/),
    });
  });

  it('refuses a file over the size or row limit before parsing it, naming the limit', async () => {
    const bytes = new TextEncoder().encode(await evidenceCsv([evidenceRow(), evidenceRow(), evidenceRow()]));
    expect(() => checkImportLimits(bytes, { maxBytes: 100, maxRows: 10 })).toThrow(ImportLimitError);
    expect(() => checkImportLimits(bytes, { maxBytes: 100, maxRows: 10 })).toThrow(/limit of .* MB \(IMPORT_MAX_MB\)/);
    expect(() => checkImportLimits(bytes, { maxBytes: 1e6, maxRows: 2 })).toThrow(/limit of 2 \(IMPORT_MAX_ROWS\)/);
    expect(() => checkImportLimits(bytes, { maxBytes: 1e6, maxRows: 3 })).not.toThrow();
  });
});

describe('duplicate rows', () => {
  function importWith(as: User, csv: string, input: Record<string, string> = {}) {
    return operations.importEvidence.run({ user: as, requestId: 'test', prisma: db.prisma }, { csv, ...input });
  }
  const lastImportAudit = () =>
    db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'evidence.import' }, orderBy: { id: 'desc' } });
  const flagged = (plan: Awaited<ReturnType<typeof planEvidenceImport>>) =>
    plan.duplicates.map(({ line, duplicateOf }) => [line, duplicateOf]);

  it('flags every row of a file imported twice, and applying without a choice creates nothing', async () => {
    const editor = await user('EDITOR');
    const csv = await evidenceCsv([
      evidenceRow({ actor_code: 'BWA', summary_en: 'Twice A' }),
      evidenceRow({ actor_code: 'BWA', summary_en: 'Twice B', summary_zh: '两次乙' }),
      evidenceRow({ actor_code: 'NAM', summary_en: 'Twice A', status: 'NOT_STARTED' }),
    ]);
    const first = await importWith(editor, csv);
    expect(first).toMatchObject({ ok: true, value: { created: 3 } });
    if (!first.ok) return;
    const ids = first.value.createdIds;

    // Anyone importing it again (here another editor) sees every row flagged with the record it repeats.
    const again = await user('EDITOR');
    const preview = await planEvidenceImport(db.prisma, again, csv);
    expect(preview).toMatchObject({ rows: 3, problems: [], creates: [], updates: [] });
    expect(flagged(preview)).toEqual([
      [2, { recordId: ids[0] }],
      [3, { recordId: ids[1] }],
      [4, { recordId: ids[2] }],
    ]);

    const count = await db.prisma.evidence.count();
    const second = await importWith(again, csv);
    expect(second).toMatchObject({ ok: true, value: { created: 0, duplicates: 3, duplicatesCreated: 0 } });
    expect(await db.prisma.evidence.count()).toBe(count);
    expect((await lastImportAudit()).after).toMatchObject({
      created: 0,
      duplicates: 3,
      duplicatesChoice: 'skip',
      duplicateLines: [2, 3, 4],
    });
  });

  it('flags a new row repeated in the same file as a duplicate of its first row; the summaries compare trimmed', async () => {
    const editor = await user('EDITOR');
    const csv = await evidenceCsv([
      evidenceRow({ actor_code: 'LSO', summary_en: 'Repeated row' }),
      evidenceRow({ actor_code: 'LSO', summary_en: 'Repeated row', summary_zh: '中文摘要' }), // another summary
      evidenceRow({ actor_code: 'LSO', summary_en: 'Repeated row', observed_on: '2024-03-02' }), // another day
      evidenceRow({ actor_code: 'LSO', summary_en: '  Repeated row  ', tags: 'other', score: '1' }), // = line 2
    ]);
    const preview = await planEvidenceImport(db.prisma, editor, csv);
    expect(preview.creates.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(flagged(preview)).toEqual([[5, { line: 2 }]]);
    const outcome = await importWith(editor, csv);
    expect(outcome).toMatchObject({ ok: true, value: { created: 3, duplicates: 1, duplicatesCreated: 0 } });
  });

  it('creates the duplicates when the user chooses so, and the audit event records the choice', async () => {
    const editor = await user('EDITOR');
    const csv = await evidenceCsv([
      evidenceRow({ actor_code: 'SWZ', summary_en: 'Chosen twice' }),
      evidenceRow({ actor_code: 'SWZ', summary_en: 'Chosen twice' }),
    ]);
    expect(await importWith(editor, csv)).toMatchObject({ ok: true, value: { created: 1, duplicates: 1 } });
    const outcome = await importWith(editor, csv, { duplicates: 'create' });
    expect(outcome).toMatchObject({ ok: true, value: { created: 2, duplicates: 2, duplicatesCreated: 2 } });
    expect((await lastImportAudit()).after).toMatchObject({
      created: 2,
      duplicates: 2,
      duplicatesChoice: 'create',
      duplicateLines: [2, 3],
    });
    const records = await db.prisma.evidenceRevision.count({ where: { summary: { equals: { en: 'Chosen twice' } } } });
    expect(records).toBe(3);
  });

  it('catches a repeated row across the 5,000-row chunks an import writes one after another', async () => {
    const editor = await user('EDITOR');
    const good = await syntheticEvidenceCsv({ limit: 5001 });
    const firstRow = good.split('\r\n')[1]!;
    const csv = `${good}${firstRow}\r\n`;
    const preview = await planEvidenceImport(db.prisma, editor, csv);
    expect(preview.problems).toEqual([]);
    expect(flagged(preview)).toEqual([[5003, { line: 2 }]]);
    const outcome = await importWith(editor, csv);
    expect(outcome).toMatchObject({ ok: true, value: { created: 5001, duplicates: 1, duplicatesCreated: 0 } });
  });
});

describe('what a spreadsheet does to the file', () => {
  const header = evidenceHeader(1);
  /** CSV text with rows given as raw lines, so that the blank rows are exactly as a spreadsheet writes them. */
  async function withRawLines(lines: (Record<string, string> | string)[]): Promise<string> {
    const parts = await Promise.all(
      lines.map(async (line) => {
        if (typeof line === 'string') return line;
        const csv = await evidenceCsv([line]);
        return csv.slice(csv.indexOf('\r\n') + 2, -2);
      }),
    );
    return [header.join(','), ...parts].join('\r\n') + '\r\n';
  }

  it('skips cleared rows (only separators, whitespace or empty quotes) and keeps the spreadsheet row numbers', async () => {
    const editor = await user('EDITOR');
    const separatorsOnly = ','.repeat(header.length - 1);
    const csv = await withRawLines([
      evidenceRow({ summary_en: 'first' }), // row 2
      separatorsOnly, // 3
      header.map(() => ' ').join(','), // 4
      header.map(() => '""').join(','), // 5
      evidenceRow({ summary_en: 'second', observed_on: '2024-02-30' }), // 6: its own row number
      separatorsOnly, // 7
      separatorsOnly, // 8
    ]);
    const plan = await planEvidenceImport(db.prisma, editor, csv);
    expect(plan.rows).toBe(2);
    expect(plan.problems).toEqual([{ line: 6, column: 'observed_on', reason: 'dateInvalid' }]);
    // The row limit counts the same two data rows.
    const bytes = new TextEncoder().encode(csv);
    expect(() => checkImportLimits(bytes, { maxBytes: 1e6, maxRows: 2 })).not.toThrow();
    expect(() => checkImportLimits(bytes, { maxBytes: 1e6, maxRows: 1 })).toThrow(ImportLimitError);

    const fixed = csv.replace('2024-02-30', '2024-02-29');
    const outcome = await importCsv(editor, fixed);
    expect(outcome).toMatchObject({ ok: true, value: { created: 2, updated: 0, unchanged: 0 } });
  });

  it('says a file is separated by semicolons or tabs, instead of naming a wrong column', async () => {
    const editor = await user('EDITOR');
    const row = evidenceRow();
    const semicolons = [header.join(';'), header.map((column) => row[column]).join(';')].join('\r\n');
    expect((await planEvidenceImport(db.prisma, editor, semicolons)).problems).toEqual([
      { line: 1, column: '', reason: 'importSeparatorSemicolon' },
    ]);
    const quoted = [header.map((c) => `"${c}"`).join(';'), header.map((c) => `"${row[c]}"`).join(';')].join('\n');
    expect((await planEvidenceImport(db.prisma, editor, `\uFEFF${quoted}`)).problems).toEqual([
      { line: 1, column: '', reason: 'importSeparatorSemicolon' },
    ]);
    const tabs = [header.join('\t'), header.map((column) => row[column]).join('\t')].join('\n');
    expect((await planEvidenceImport(db.prisma, editor, tabs)).problems).toEqual([
      { line: 1, column: '', reason: 'importSeparatorTab' },
    ]);
  });

  it('names an extra column as unexpected, a missing one as missing, and reads columns in any order', async () => {
    const editor = await user('EDITOR');
    const row = evidenceRow();
    const extra = await toCsv([{ ...row, notes: 'mine' }], [...header.slice(0, 5), 'notes', ...header.slice(5)]);
    expect((await planEvidenceImport(db.prisma, editor, extra)).problems).toEqual([
      { line: 1, column: 'notes', reason: 'importColumnUnexpected' },
    ]);
    const missing = await toCsv(
      [row],
      header.filter((column) => column !== 'status'),
    );
    expect((await planEvidenceImport(db.prisma, editor, missing)).problems).toEqual([
      { line: 1, column: 'status', reason: 'importColumnMissing' },
    ]);
    const twice = await toCsv([row], [...header, 'tags']);
    expect((await planEvidenceImport(db.prisma, editor, twice)).problems).toEqual([
      { line: 1, column: 'tags', reason: 'importColumnDuplicated' },
    ]);
    const partialSource = await toCsv([row], [...header, 'source_2_type', 'source_2_url']);
    expect((await planEvidenceImport(db.prisma, editor, partialSource)).problems.map((p) => p.column)).toEqual([
      'source_2_reference',
      'source_2_title',
      'source_2_published_on',
    ]);
    const reordered = await toCsv([row], [...header].reverse());
    const plan = await planEvidenceImport(db.prisma, editor, reordered);
    expect(plan).toMatchObject({ rows: 1, problems: [] });
    expect(plan.creates[0]!.fields).toMatchObject({ actorCode: 'KEN', summaryEn: 'Bill tabled in parliament.' });
    // A cleared trailing column (no name, no values) is fine; a value under it is named by its letter.
    const trailing = await toCsv([row, { ...row, '': 'stray' }], [...header, '']);
    expect((await planEvidenceImport(db.prisma, editor, trailing)).problems).toEqual([
      { line: 3, column: 'R', reason: 'importCellWithoutColumn' },
    ]);
  });

  it('gives each bad cell its true reason only, never a second one caused by the first', async () => {
    const editor = await user('EDITOR');
    const csv = await evidenceCsv([
      evidenceRow({ observed_on: 'abc' }), // 2: not also "in the future"
      evidenceRow({ observed_on: '04/05/2012' }), // 3
      evidenceRow({ id: 'abc', version: '' }), // 4: not also "needs a version"
      evidenceRow({ source_1_published_on: 'soon' }), // 5
      evidenceRow({ score: '+1' }), // 6
      evidenceRow({ visibility: 'SECRET' }), // 7
      evidenceRow({ tags: 'law, x\u0000y' }), // 8
    ]);
    const plan = await planEvidenceImport(db.prisma, editor, csv);
    expect(plan.problems.map(({ line, column, reason }) => `${line} ${column} ${reason}`)).toEqual([
      '2 observed_on dateInvalid',
      '3 observed_on dateInvalid',
      '4 id importIdInvalid',
      '5 source_1_published_on dateInvalid',
      '6 score scoreInvalid',
      '7 visibility visibilityInvalid',
      '8 tags textInvalidCharacters',
    ]);
  });
});

async function toCsvOfRecord(reader: User, id: number, changes: Record<string, string>) {
  const exported = await exportEvidenceCsv(db.prisma, reader, {});
  const header = parseCsv(exported)[0]!.cells;
  const row = rowsOf(exported).find((candidate) => Number(candidate.id) === id)!;
  return toCsv([{ ...row, ...changes }], header);
}

describe('review states on import', () => {
  it('never imports rows as verified: nobody verifies their own record, so each row is refused saying so', async () => {
    const editor = await user('EDITOR');
    const reviewer = await user('REVIEWER');
    // A record the reviewer created, one someone else created: importing either as verified makes the reviewer
    // the author of the new revision, so both are a self-review, as is a new row.
    const own = await createRecord(reviewer, { actorCode: 'GHA', commitmentCode: 'P08-financing' });
    const theirs = await createRecord(editor, { actorCode: 'GHA', commitmentCode: 'P08-financing' });
    const exported = await exportEvidenceCsv(db.prisma, reviewer, {});
    const header = parseCsv(exported)[0]!.cells;
    const byId = new Map(rowsOf(exported).map((row) => [Number(row.id), row]));
    const csv = await toCsv(
      [
        { ...byId.get(own)!, status: 'FULLY_IMPLEMENTED' },
        { ...byId.get(theirs)!, status: 'FULLY_IMPLEMENTED' },
        { ...evidenceRow({ actor_code: 'GHA', status: 'FULLY_IMPLEMENTED', visibility: 'PUBLIC' }) },
      ],
      header,
    );
    const before = await fingerprint();
    expect((await planEvidenceImport(db.prisma, reviewer, csv, { intent: 'verify' })).problems).toEqual([
      { line: 2, column: 'id', reason: 'cannotReviewOwn' },
      { line: 3, column: 'id', reason: 'cannotReviewOwn' },
      { line: 4, column: '', reason: 'cannotReviewOwn' },
    ]);
    expect(await importCsv(reviewer, csv, 'verify')).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        csv: ['importRow:2|id|cannotReviewOwn', 'importRow:3|id|cannotReviewOwn', 'importRow:4||cannotReviewOwn'],
      },
    });
    expect(await importCsv(editor, csv, 'verify')).toMatchObject({
      ok: false,
      fieldErrors: { csv: expect.arrayContaining(['importRow:4||reviewNeedsReviewer']) },
    });
    expect(await fingerprint()).toBe(before);
  });

  it('imports as submitted; another reviewer verifies, and the exports show it', async () => {
    const editor = await user('EDITOR');
    const reviewer = await user('REVIEWER');
    const csv = await evidenceCsv([
      evidenceRow({ actor_code: 'GHA', status: 'FULLY_IMPLEMENTED', visibility: 'PUBLIC', observed_on: '2024-05-01' }),
    ]);
    const outcome = await importCsv(editor, csv, 'submit');
    expect(outcome).toMatchObject({ ok: true, value: { created: 1 } });
    if (!outcome.ok) return;
    const [id] = outcome.value.createdIds;
    const verified = await operations.reviewEvidence.run(
      { user: reviewer, requestId: 'test', prisma: db.prisma },
      { id, version: 1, decision: 'verify' },
    );
    expect(verified).toMatchObject({ ok: true });
    const status = await db.prisma.currentStatus.findFirstOrThrow({
      where: { actor: { code: 'GHA' }, commitment: { code: 'P08-financing' }, publicOnly: true },
      include: { revision: true },
    });
    expect(status).toMatchObject({
      status: 'FULLY_IMPLEMENTED',
      revision: { state: 'VERIFIED', reviewerId: reviewer.id, authorId: editor.id },
    });

    // The public export shows verified public evidence only.
    const publicRows = rowsOf(await exportEvidenceCsv(db.prisma, null));
    expect(publicRows.length).toBeGreaterThan(0);
    expect(publicRows.every((row) => row.state === 'VERIFIED' && row.visibility === 'PUBLIC')).toBe(true);
    expect(publicRows.map((row) => row.actor_code)).toContain('GHA');
    // And the matrix export shows it to everyone.
    const matrix = await matrixCsv(db.prisma, { group: 'AFRICAN' }, 'name', { publicOnly: true });
    const ghana = matrix.rows.find((row) => row[0] === 'GHA')!;
    expect(ghana[matrix.header.indexOf('P08-financing')]).toBe('FULLY_IMPLEMENTED');
    expect(matrix.rows.every((row) => row[3] === 'AFRICAN')).toBe(true);
  });

  it('exports the ratification table: every member state × the 19 instruments', async () => {
    const table = await ratificationCsv(db.prisma, {});
    expect(table.rows).toHaveLength(193);
    expect(table.header).toHaveLength(4 + 19 + 1);
  });

  it('puts each recorded status in its cell and counts the instruments a state is party to', async () => {
    const actor = (code: string) => db.prisma.actor.findUniqueOrThrow({ where: { code } });
    const instrument = (code: string) => db.prisma.instrument.findUniqueOrThrow({ where: { code } });
    const [gha, fra, tokyo, financing] = await Promise.all([
      actor('GHA'),
      actor('FRA'),
      instrument('tokyo-1963'),
      instrument('financing-1999'),
    ]);
    await db.prisma.instrumentStatus.createMany({
      data: [
        { actorId: gha.id, instrumentId: tokyo.id, status: 'ACCESSION' },
        { actorId: gha.id, instrumentId: financing.id, status: 'SIGNED' },
        { actorId: fra.id, instrumentId: financing.id, status: 'RATIFICATION' },
      ],
    });
    const table = await ratificationCsv(db.prisma, { group: 'AFRICAN' });
    const row = table.rows.find((cells) => cells[0] === 'GHA')!;
    expect(row[table.header.indexOf('tokyo-1963')]).toBe('ACCESSION');
    expect(row[table.header.indexOf('financing-1999')]).toBe('SIGNED');
    expect(row.at(-1)).toBe(1);
    expect(table.rows.map((cells) => cells[0])).not.toContain('FRA');
    expect(table.rows.every((cells) => cells[3] === 'AFRICAN')).toBe(true);
    const codes = table.rows.map((cells) => String(cells[0]));
    expect(codes).toEqual([...codes].sort());
    const words = await ratificationCsv(db.prisma, {}, { locale: 'en' });
    expect(words.rows.find((cells) => cells[0] === 'FRA')!.at(-1)).toBe(1);
  });
});
