import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { BROWSE_PAGE_SIZE, browseEvidenceIds } from '@/lib/evidence/browse';
import { operations } from '@/lib/operations';
import { parseEvidenceFilter } from '@/lib/validation/evidence-filters';
import { createTestDatabase } from '../support/test-database';
import { exportEvidenceCsv } from '../support/transfer';
import { signedInUser } from '../support/users';

/**
 * The evidence browser's search and filters, on a real database: each filter narrows to exactly the records it
 * names, and the CSV behind the browser's link holds the same records.
 */
let db: Database;
let dispose: () => Promise<void>;
type Author = Awaited<ReturnType<typeof signedInUser>>;
let alice: Author;
let bob: Author;
let reviewer: Author;
const ids: Record<string, number> = {};

async function record(author: Author, name: string, fields: Record<string, unknown>, intent: 'draft' | 'submit') {
  const created = await operations.createEvidence.run(
    { user: author.user, requestId: null, prisma: db.prisma },
    {
      actorCode: 'KEN',
      commitmentCode: 'P08-financing',
      observedOn: '2024-03-01',
      status: 'IN_PROGRESS',
      summaryEn: 'Something happened.',
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
      ...fields,
      intent,
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  ids[name] = created.value.id;
  return created.value.id;
}

const browse = async (params: Record<string, string>, userId = alice.id) =>
  (await browseEvidenceIds(db.prisma, parseEvidenceFilter(params), { publicOnly: false, userId })).ids.sort(
    (a, b) => a - b,
  );
const idsOf = (...names: string[]) => names.map((name) => ids[name]!).sort((a, b) => a - b);

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  alice = await signedInUser(db.prisma, 'EDITOR');
  bob = await signedInUser(db.prisma, 'EDITOR');
  reviewer = await signedInUser(db.prisma, 'REVIEWER');
  await record(
    alice,
    'bill',
    { summaryEn: 'Terrorist financing bill tabled in parliament.', tags: 'legislation' },
    'draft',
  );
  await record(
    alice,
    'zh',
    { actorCode: 'NOR', summaryZh: '议会通过了反恐融资法。', observedOn: '2023-01-15' },
    'submit',
  );
  await record(
    bob,
    'source',
    {
      commitmentCode: 'P12-conventions',
      summaryEn: 'Accession.',
      sources: [{ type: 'UN_CTED', reference: 'S/2024/999', title: 'Report of the Côte d’Ivoire mission' }],
      observedOn: '2022-06-30',
    },
    'submit',
  );
  const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id: ids.source! } });
  const verified = await operations.reviewEvidence.run(
    { user: reviewer.user, requestId: null, prisma: db.prisma },
    { id: row.id, version: row.version, decision: 'verify' },
  );
  if (!verified.ok) throw new Error(JSON.stringify(verified));
});
afterAll(async () => dispose?.());

describe('evidence browser', () => {
  it('searches summaries in both languages, tags, source titles and references, any case', async () => {
    expect(await browse({ q: 'FINANCING BILL' })).toEqual(idsOf('bill'));
    expect(await browse({ q: '反恐融资' })).toEqual(idsOf('zh'));
    expect(await browse({ q: 'legislation' })).toEqual(idsOf('bill'));
    expect(await browse({ q: 'ivoire mission' })).toEqual(idsOf('source'));
    expect(await browse({ q: 's/2024/999' })).toEqual(idsOf('source'));
    expect(await browse({ q: '100%' })).toEqual([]);
  });

  it('filters by country, commitment, state, author, reviewer and observed dates', async () => {
    expect(await browse({})).toEqual(idsOf('bill', 'zh', 'source'));
    expect(await browse({ country: 'nor' })).toEqual(idsOf('zh'));
    expect(await browse({ commitment: 'p12-conventions' })).toEqual(idsOf('source'));
    expect(await browse({ state: 'VERIFIED' })).toEqual(idsOf('source'));
    expect(await browse({ state: 'SUBMITTED' })).toEqual(idsOf('zh'));
    expect(await browse({ author: bob.email.toUpperCase() })).toEqual(idsOf('source'));
    expect(await browse({ reviewer: reviewer.email })).toEqual(idsOf('source'));
    expect(await browse({ from: '2023-01-01', to: '2023-12-31' })).toEqual(idsOf('zh'));
    expect(await browse({ from: '2024-01-01' })).toEqual(idsOf('bill'));
  });

  it('"mine" keeps my records in every state, including submitted and verified', async () => {
    expect(await browse({ mine: '1' }, alice.id)).toEqual(idsOf('bill', 'zh'));
    expect(await browse({ mine: '1' }, bob.id)).toEqual(idsOf('source'));
  });

  it('pages by BROWSE_PAGE_SIZE, most recently changed first, and counts every match', async () => {
    const first = await browseEvidenceIds(db.prisma, parseEvidenceFilter({}), { publicOnly: false, userId: alice.id });
    expect(first).toMatchObject({ total: 3, page: 1, hasMore: false });
    expect(first.ids).toHaveLength(3);
    expect(BROWSE_PAGE_SIZE).toBeGreaterThan(3);
    const beyond = await browseEvidenceIds(
      db.prisma,
      parseEvidenceFilter({}),
      { publicOnly: false, userId: alice.id },
      9,
    );
    expect(beyond).toMatchObject({ ids: [], total: 3, page: 9 });
  });

  it('the CSV with the same filters holds the same records', async () => {
    const csv = await exportEvidenceCsv(db.prisma, alice.user, { q: 'ivoire', reviewer: reviewer.email });
    const lines = csv.trim().split('\n').slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${ids.source},`)).toBe(true);
  });
});
