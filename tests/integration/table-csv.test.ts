import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditExport from '@/app/api/admin/audit/export/route';
import * as matrixExport from '@/app/api/export/matrix/route';
import * as ratificationExport from '@/app/api/export/ratification/route';
import * as tableExport from '@/app/api/export/table/[table]/route';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import {
  ImplementationStatus,
  RatificationStatus,
  RegionalGroup,
  ReviewState,
  Role,
} from '@/lib/generated/prisma/enums';
import { operations } from '@/lib/operations';
import { importsDir, saveImport } from '@/lib/transfer/import-store';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { evidenceCsv, evidenceRow } from '../support/transfer';
import { signedInUser } from '../support/users';
import { REGIONAL_GROUPS } from '@/lib/vocabulary';
import { ROLES } from '@/lib/vocabulary';

/**
 * GET /api/export/table/<table> (lib/transfer/tables.ts): the CSV behind each table of the site, with the page's
 * rows and columns, headings and values as words in the reader's language, formula cells neutralised, and the
 * users table for admins only.
 */
let db: Database;
let dispose: () => Promise<void>;
let viewerToken: string;
let adminToken: string;
let editorToken: string;
let viewer: Awaited<ReturnType<typeof signedInUser>>;
let other: Awaited<ReturnType<typeof signedInUser>>;
let editor: CurrentUser;
const storedImports: string[] = [];

/** Every code a reader may meet in stored data: none may appear as a cell of a people's file. */
const CODES = new Set<string>([
  ...Object.values(ImplementationStatus),
  ...Object.values(RatificationStatus),
  ...Object.values(RegionalGroup),
  ...Object.values(ReviewState),
  ...Object.values(Role),
]);
const codeCells = (rows: string[][]) => rows.flat().filter((cell) => CODES.has(cell));

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  viewer = await signedInUser(db.prisma, 'VIEWER');
  other = await signedInUser(db.prisma, 'VIEWER');
  const admin = await signedInUser(db.prisma, 'ADMIN');
  editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
  viewerToken = (await tokenFor(db, viewer.user!, 'READ')).secret;
  adminToken = (await tokenFor(db, admin.user!, 'READ')).secret;
  editorToken = (await tokenFor(db, editor, 'READ')).secret;
  // A name a spreadsheet would run as a formula.
  await db.prisma.user.update({ where: { id: viewer.id }, data: { name: '=HYPERLINK("http://evil.example")' } });
  // Where each is signed in: the viewer's session from a known device and address, the other's from another.
  await db.prisma.session.update({
    where: { id: viewer.sessionId },
    data: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', ip: '198.51.100.7' },
  });
  await db.prisma.session.update({ where: { id: other.sessionId }, data: { ip: '203.0.113.99' } });
});
afterAll(async () => {
  await Promise.all(
    storedImports.flatMap((token) =>
      ['csv', 'json'].map((ext) => rm(join(importsDir(), `${token}.${ext}`), { force: true })),
    ),
  );
  await dispose?.();
});

/** `token` null: no credentials at all. */
async function download(table: string, query: string, token: string | null = viewerToken) {
  const response = await call(tableExport.GET, {
    path: `/api/export/table/${table}?${query}`,
    params: { table },
    token: token ?? undefined,
  });
  return withRows(response);
}

function withRows<T extends { status: number; text: string }>(response: T) {
  const rows = response.status === 200 ? (parse(response.text, { bom: true }) as string[][]) : [];
  return { ...response, header: rows[0] ?? [], rows: rows.slice(1) };
}

/** One of the code exports (matrix, ratification, audit log), as codes or, with `labels=words`, as words. */
async function exportFile(handler: unknown, path: string, token: string | null = viewerToken) {
  return withRows(await call(handler, { path, token: token ?? undefined }));
}

describe('table CSV downloads', () => {
  it('countries: every member state, headings and regional groups as words in the reader’s language', async () => {
    const en = await download('countries', 'locale=en');
    expect(en.status).toBe(200);
    expect(en.headers.get('content-disposition')).toMatch(/filename="countries-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(en.header).toEqual(['Code', 'Name (Chinese)', 'Name (English)', 'Regional group']);
    expect(en.rows).toHaveLength(193);
    expect(en.rows.map((row) => row[3])).not.toEqual(expect.arrayContaining([...REGIONAL_GROUPS]));
    expect(en.rows.find((row) => row[0] === 'KEN')?.[3]).toBe('African States');

    const zh = await download('countries', 'locale=zh&q=kenya');
    expect(zh.header[0]).toBe('代码');
    expect(zh.rows).toEqual([['KEN', '肯尼亚', 'Kenya', '非洲国家组']]);
  });

  it('instruments: the 19, by adoption date', async () => {
    const { rows } = await download('instruments', 'locale=en');
    expect(rows).toHaveLength(19);
    const adopted = rows.map((row) => row[2]!);
    expect(adopted).toEqual([...adopted].sort());
    expect(rows[0]![1]).toMatch(/^1963 Tokyo Convention: /);
  });

  it('commitments: the page’s filter, strength and addressee as words', async () => {
    const all = await download('commitments', 'locale=en');
    expect(all.rows).toHaveLength(39);
    const calls = await download('commitments', 'locale=zh&addressee=UN_SYSTEM');
    expect(calls.rows).toHaveLength(7);
    expect(new Set(calls.rows.map((row) => row[3]))).toEqual(new Set(['联合国系统']));
  });

  it('a country’s status and ratification tables; an unknown country is 404', async () => {
    const status = await download('country-status', 'locale=en&country=ken');
    expect(status.header).toEqual(['Theme', 'Commitment', 'Status', 'Observed on']);
    expect(status.rows).toHaveLength(32);
    expect(new Set(status.rows.map((row) => row[2]))).toEqual(new Set(['No information']));
    const ratification = await download('country-ratification', 'locale=zh&country=KEN');
    expect(ratification.rows).toHaveLength(19);
    expect((await download('country-status', 'locale=en&country=XXX')).status).toBe(404);
  });

  it('a commitment across the 193 states, in the page’s sort order, with the instruments joined', async () => {
    const states = await download('commitment-states', 'locale=en&commitment=P12-conventions&sort=name&dir=desc');
    expect(states.status).toBe(200);
    expect(states.header).toEqual(['Member state', 'Regional group', 'Status', 'Observed on', 'Instruments joined']);
    expect(states.rows).toHaveLength(193);
    expect(states.rows[0]![0]).toBe('Zimbabwe');
    expect(states.rows[0]![4]).toMatch(/^\d+ of 19; \d+ of 18$/);
    const zh = await download('commitment-states', 'locale=zh&commitment=P08-financing');
    expect(zh.header).toHaveLength(5);
    expect((await download('commitment-states', 'locale=en&commitment=NOPE')).status).toBe(404);
  });

  it('users: admins only, roles as words, formula-like names neutralised', async () => {
    expect((await download('users', 'locale=en')).status).toBe(403);
    const users = await download('users', 'locale=en', adminToken);
    expect(users.status).toBe(200);
    expect(users.rows.map((row) => row[2])).not.toEqual(expect.arrayContaining([...ROLES]));
    expect(users.rows.map((row) => row[1])).toContain(`'=HYPERLINK("http://evil.example")`);
  });

  it('refuses readers without credentials and unknown tables', async () => {
    const anonymous = await call(tableExport.GET, {
      path: '/api/export/table/countries',
      params: { table: 'countries' },
    });
    expect(anonymous.status).toBe(401);
    expect((await download('nothing', 'locale=en')).status).toBe(404);
    expect((await download('constructor', 'locale=en')).status).toBe(404);
  });

  it('sessions: only the reader’s own, by device and address, never a session id; anonymous gets 401', async () => {
    const en = await download('sessions', 'locale=en');
    expect(en.status).toBe(200);
    expect(en.headers.get('content-disposition')).toMatch(/filename="sessions-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(en.header).toEqual(['Device', 'Address', 'Signed in', 'Last seen']);
    expect(en.rows).toEqual([['Firefox · Linux', '198.51.100.7', expect.any(String), expect.any(String)]]);
    expect(new Date(en.rows[0]![2]!).toString()).not.toBe('Invalid Date');
    // Nobody else's session, and no credential: neither the session id nor the other user's address.
    expect(en.text).not.toContain('203.0.113.99');
    expect(en.text).not.toContain(viewer.sessionId);
    expect(en.text).not.toContain(other.sessionId);
    const zh = await download('sessions', 'locale=zh');
    expect(zh.header).toEqual(['设备', '地址', '登录时间', '最近活动']);
    expect((await download('sessions', 'locale=en', null)).status).toBe(401);
  });

  it('API tokens: the reader’s own, access as words, the visible prefix only — no secret, no hash', async () => {
    const en = await download('api-tokens', 'locale=en');
    expect(en.status).toBe(200);
    expect(en.header).toEqual(['Name', 'Access', 'Starts with', 'Created', 'Expires', 'Last used', 'Status']);
    const own = await db.prisma.apiToken.findMany({ where: { userId: viewer.id } });
    expect(en.rows).toHaveLength(own.length);
    expect(en.rows[0]).toEqual([
      'test READ',
      'read only',
      `${own[0]!.prefix}…`,
      expect.any(String),
      expect.any(String),
      expect.any(String),
      'active',
    ]);
    for (const token of await db.prisma.apiToken.findMany()) expect(en.text).not.toContain(token.secretHash);
    expect(en.text).not.toContain(viewerToken);
    expect(en.text).not.toContain(viewerToken.slice(-16));
    // The admin's token is in the admin's file, never in the viewer's.
    const adminPrefix = (await db.prisma.apiToken.findFirstOrThrow({ where: { user: { role: 'ADMIN' } } })).prefix;
    expect(en.text).not.toContain(adminPrefix);
    expect((await download('api-tokens', 'locale=en', adminToken)).text).toContain(adminPrefix);
    const zh = await download('api-tokens', 'locale=zh');
    expect(zh.header[0]).toBe('名称');
    expect(zh.rows[0]![1]).toBe('只读');
    expect((await download('api-tokens', 'locale=en', null)).status).toBe(401);
  });

  it('a user’s API tokens on the admin’s user page: admins only, with who created each', async () => {
    const admin = await db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    const file = await download('user-api-tokens', `locale=en&user=${viewer.id}`, adminToken);
    expect(file.status).toBe(200);
    expect(file.header).toEqual(['Name', 'Access', 'Starts with', 'Created', 'Expires', 'Last used', 'Status']);
    expect(file.rows).toHaveLength(await db.prisma.apiToken.count({ where: { userId: viewer.id } }));
    expect(file.rows[0]![3]).toMatch(/ · viewer-/);
    for (const token of await db.prisma.apiToken.findMany()) expect(file.text).not.toContain(token.secretHash);
    expect(file.text).not.toContain(viewerToken);
    expect(admin.id).not.toBe(viewer.id);
    expect((await download('user-api-tokens', `user=${admin.id}`)).status).toBe(403);
    expect((await download('user-api-tokens', `user=${admin.id}`, null)).status).toBe(401);
    expect((await download('user-api-tokens', 'user=999999', adminToken)).status).toBe(404);
  });

  it('a country’s ratification history for one instrument, newest first, statuses as words', async () => {
    const context = { user: editor, requestId: null, prisma: db.prisma };
    const base = { actorCode: 'UGA', instrumentCode: 'bombings-1997', signedOn: '', note: '', sourceUrl: '' };
    expect(
      await operations.updateRatification.run(context, {
        ...base,
        version: '0',
        status: 'SIGNED',
        signedOn: '1998-01-12',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await operations.updateRatification.run(context, {
        ...base,
        version: '1',
        status: 'RATIFICATION',
        signedOn: '1998-01-12',
        consentedOn: '2003-11-05',
        note: 'With a declaration.',
      }),
    ).toMatchObject({ ok: true });
    const en = await download('ratification-history', 'locale=en&country=uga&instrument=bombings-1997');
    expect(en.status).toBe(200);
    expect(en.header).toEqual([
      'No.',
      'Recorded (UTC)',
      'By',
      'Status',
      'Signed',
      'Consent to be bound',
      'Note and source',
    ]);
    expect(en.rows.map((row) => [row[0], row[2], row[3], row[4], row[5], row[6]])).toEqual([
      ['2', 'EDITOR tester', 'Ratification', '1998-01-12', '2003-11-05', 'With a declaration.'],
      ['1', 'EDITOR tester', 'Signed', '1998-01-12', '', ''],
    ]);
    expect(codeCells(en.rows)).toEqual([]);
    const zh = await download('ratification-history', 'locale=zh&country=UGA&instrument=bombings-1997');
    expect(zh.header[0]).toBe('序号');
    expect(zh.rows.map((row) => row[3])).toEqual(['批准', '已签署']);
    expect(codeCells(zh.rows)).toEqual([]);
    expect((await download('ratification-history', 'locale=en&country=UGA&instrument=nope')).status).toBe(404);
    expect((await download('ratification-history', 'locale=en&country=XXX&instrument=bombings-1997')).status).toBe(404);
    // The public view is off: an anonymous reader is refused, as the page would send them to sign in.
    expect((await download('ratification-history', 'country=UGA&instrument=bombings-1997', null)).status).toBe(401);
  });

  it('a record’s history: each revision with its state, author and changes as words', async () => {
    const context = { user: editor, requestId: null, prisma: db.prisma };
    const evidence = {
      actorCode: 'KEN',
      commitmentCode: 'P08-financing',
      observedOn: '2024-03-01',
      status: 'IN_PROGRESS',
      summaryEn: 'Bill tabled.',
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
      visibility: 'INTERNAL',
      intent: 'draft',
    };
    const created = await operations.createEvidence.run(context, evidence);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const updated = await operations.updateEvidence.run(context, {
      ...evidence,
      id: created.value.id,
      version: 1,
      status: 'PARTIALLY_IMPLEMENTED',
      intent: 'submit',
    });
    expect(updated).toMatchObject({ ok: true });
    const en = await download('evidence-history', `locale=en&id=${created.value.id}`);
    expect(en.status).toBe(200);
    expect(en.header).toEqual(['Revision', 'State', 'Author', 'Review', 'Changes from the revision before']);
    expect(en.rows).toHaveLength(2);
    expect(en.rows[0]![0]).toBe('2');
    expect(en.rows[0]![1]).toBe('Submitted');
    expect(en.rows[0]![2]).toMatch(new RegExp(`^${editor.email}\n\\d{4}-`));
    expect(en.rows[0]![4]).toBe('Status: In progress → Partially implemented');
    expect(en.rows[1]![4]).toBe('First revision');
    expect(codeCells(en.rows)).toEqual([]);
    expect(en.text).not.toMatch(/IN_PROGRESS|PARTIALLY_IMPLEMENTED|SUBMITTED|DRAFT/);
    const zh = await download('evidence-history', `locale=zh&id=${created.value.id}`);
    expect(zh.header[0]).toBe('版本');
    expect(zh.text).not.toMatch(/IN_PROGRESS|PARTIALLY_IMPLEMENTED|SUBMITTED|DRAFT/);
    expect((await download('evidence-history', 'locale=en&id=999999')).status).toBe(404);
    expect((await download('evidence-history', 'locale=en&id=abc')).status).toBe(404);
    expect((await download('evidence-history', `id=${created.value.id}`, null)).status).toBe(401);
  });

  it('the import preview’s problem and duplicate rows, from the reader’s own stored upload only', async () => {
    const csv = await evidenceCsv([
      evidenceRow({ summary_en: 'import csv twin' }),
      evidenceRow({ summary_en: 'import csv twin' }),
      evidenceRow({ actor_code: 'XXX' }),
    ]);
    const stored = await saveImport(new TextEncoder().encode(csv), { userId: editor.id, fileName: 'preview.csv' });
    storedImports.push(stored.token);
    const query = `token=${stored.token}&intent=draft`;

    const problems = await download('import-problems', `locale=en&${query}`, editorToken);
    expect(problems.status).toBe(200);
    expect(problems.header).toEqual(['Row', 'Column', 'Problem']);
    expect(problems.rows).toEqual([['4', 'actor_code', expect.stringMatching(/country/i)]]);
    expect(problems.rows[0]![2]).not.toMatch(/^[a-z]+[A-Z]\w*(:|$)/);
    const zh = await download('import-problems', `locale=zh&${query}`, editorToken);
    expect(zh.header).toEqual(['行', '列', '问题']);

    const duplicates = await download('import-duplicates', `locale=en&${query}`, editorToken);
    expect(duplicates.status).toBe(200);
    expect(duplicates.header).toEqual(['Row', 'Same as']);
    expect(duplicates.rows).toEqual([['3', 'row 2 of this file']]);

    // Not the reader's upload (another editor), no upload at all, a role that may not import, no credentials.
    const stranger = (await signedInUser(db.prisma, 'EDITOR')).user!;
    const strangerToken = (await tokenFor(db, stranger, 'READ')).secret;
    expect((await download('import-problems', query, strangerToken)).status).toBe(404);
    expect((await download('import-problems', 'token=0123456789abcdef0123456789abcdef', editorToken)).status).toBe(404);
    expect((await download('import-duplicates', query)).status).toBe(403);
    expect((await download('import-duplicates', query, null)).status).toBe(401);
  });
});

describe('people’s files of the code exports (labels=words)', () => {
  it('the status matrix: headings and statuses as words in en and zh; the code file unchanged', async () => {
    const en = await exportFile(matrixExport.GET, '/api/export/matrix?labels=words&locale=en&group=AFRICAN');
    expect(en.status).toBe(200);
    expect(en.header.slice(0, 4)).toEqual(['Code', 'Name (English)', 'Name (Chinese)', 'Regional group']);
    expect(en.header[4]).toMatch(/ \(P\d+[a-z]?\)$/);
    expect(en.rows).toHaveLength(54);
    expect(new Set(en.rows.map((row) => row[3]))).toEqual(new Set(['African States']));
    expect(new Set(en.rows.flatMap((row) => row.slice(4)))).toEqual(new Set(['No information']));
    expect(codeCells([en.header, ...en.rows])).toEqual([]);

    const zh = await exportFile(matrixExport.GET, '/api/export/matrix?labels=words&locale=zh');
    expect(zh.header.slice(0, 4)).toEqual(['代码', '英文名称', '中文名称', '区域组']);
    expect(zh.rows).toHaveLength(193);
    expect(codeCells([zh.header, ...zh.rows])).toEqual([]);

    const codes = await exportFile(matrixExport.GET, '/api/export/matrix?group=AFRICAN');
    expect(codes.header.slice(0, 4)).toEqual(['country_code', 'name_en', 'name_zh', 'regional_group']);
    expect(codes.header[4]).toMatch(/^P\d+-[a-z-]+$/);
    expect(new Set(codes.rows.map((row) => row[3]))).toEqual(new Set(['AFRICAN']));
    expect(new Set(codes.rows.flatMap((row) => row.slice(4)))).toEqual(new Set(['NO_INFORMATION']));
    expect((await exportFile(matrixExport.GET, '/api/export/matrix?labels=words', null)).status).toBe(401);
  });

  it('the ratification table: instruments by name and statuses as words; the code file unchanged', async () => {
    const en = await exportFile(ratificationExport.GET, '/api/export/ratification?labels=words&locale=en');
    expect(en.status).toBe(200);
    expect(en.header.slice(0, 4)).toEqual(['Code', 'Name (English)', 'Name (Chinese)', 'Regional group']);
    expect(en.header.at(-1)).toBe('Instruments joined');
    expect(en.header).toHaveLength(4 + 19 + 1);
    expect(en.header[4]).toMatch(/Tokyo/);
    const uganda = en.rows.find((row) => row[0] === 'UGA')!;
    expect(uganda).toContain('Ratification');
    expect(codeCells([en.header, ...en.rows])).toEqual([]);
    const zh = await exportFile(ratificationExport.GET, '/api/export/ratification?labels=words&locale=zh');
    expect(zh.header[0]).toBe('代码');
    expect(codeCells([zh.header, ...zh.rows])).toEqual([]);

    const codes = await exportFile(ratificationExport.GET, '/api/export/ratification');
    expect(codes.header[0]).toBe('country_code');
    expect(codes.header.at(-1)).toBe('party_to');
    expect(codes.rows.find((row) => row[0] === 'UGA')).toContain('RATIFICATION');
  });

  it('the audit log: the page’s columns and headings, roles and stored codes as words; admins only', async () => {
    const en = await exportFile(auditExport.GET, '/api/admin/audit/export?labels=words&locale=en', adminToken);
    expect(en.status).toBe(200);
    expect(en.header).toEqual(['When (UTC)', 'User', 'Role', 'Action', 'Entity', 'Before', 'After']);
    const ratification = en.rows.find((row) => row[3] === 'Ratification status changed')!;
    expect(ratification[2]).toBe('Editor');
    expect(ratification[4]).toMatch(/^Ratification status #\S+$/);
    // No action or entity code is left: every action has its words (AUDIT_ACTIONS, messages audit.actions).
    for (const row of en.rows) expect(row[3]).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(ratification[6]).toMatch(/status: (Signed|Ratification)/);
    expect(en.rows.map((row) => row[2])).not.toEqual(expect.arrayContaining([...ROLES]));
    expect(en.text).not.toMatch(/\b(SIGNED|RATIFICATION|IN_PROGRESS|SUBMITTED|DRAFT|EDITOR)\b/);
    const zh = await exportFile(auditExport.GET, '/api/admin/audit/export?labels=words&locale=zh', adminToken);
    expect(zh.header[0]).toBe('时间（UTC）');
    expect(zh.rows.map((row) => row[3])).toContain('更改了批准状况');

    const codes = await exportFile(auditExport.GET, '/api/admin/audit/export', adminToken);
    expect(codes.header).toEqual([
      'id',
      'at_utc',
      'user_email',
      'user_role',
      'action',
      'entity_type',
      'entity_id',
      'before',
      'after',
      'request_id',
    ]);
    expect(codes.rows.find((row) => row[4] === 'ratification.update')?.[3]).toBe('EDITOR');
    expect((await exportFile(auditExport.GET, '/api/admin/audit/export?labels=words')).status).toBe(403);
    expect((await exportFile(auditExport.GET, '/api/admin/audit/export?labels=words', null)).status).toBe(401);
  });
});
