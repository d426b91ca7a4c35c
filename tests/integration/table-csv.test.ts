import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tableExport from '@/app/api/export/table/[table]/route';
import type { Database } from '@/lib/db';
import { REGIONAL_GROUPS } from '@/lib/data/labels';
import { ROLES } from '@/lib/permissions';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * GET /api/export/table/<table> (lib/transfer/tables.ts): the CSV behind each table of the site, with the page's
 * rows and columns, headings and values as words in the reader's language, formula cells neutralised, and the
 * users table for admins only.
 */
let db: Database;
let dispose: () => Promise<void>;
let viewerToken: string;
let adminToken: string;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  const viewer = await signedInUser(db.prisma, 'VIEWER');
  const admin = await signedInUser(db.prisma, 'ADMIN');
  viewerToken = (await tokenFor(db, viewer.user!, 'READ')).secret;
  adminToken = (await tokenFor(db, admin.user!, 'READ')).secret;
  // A name a spreadsheet would run as a formula.
  await db.prisma.user.update({ where: { id: viewer.id }, data: { name: '=HYPERLINK("http://evil.example")' } });
});
afterAll(async () => {
  await dispose?.();
});

async function download(table: string, query: string, token = viewerToken) {
  const response = await call(tableExport.GET, {
    path: `/api/export/table/${table}?${query}`,
    params: { table },
    token,
  });
  const rows = response.status === 200 ? (parse(response.text, { bom: true }) as string[][]) : [];
  return { ...response, header: rows[0] ?? [], rows: rows.slice(1) };
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
});
