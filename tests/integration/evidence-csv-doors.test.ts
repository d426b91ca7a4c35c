import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import { parseCsv } from '@/lib/csv';
import type { Database } from '@/lib/db';
import { planEvidenceImport } from '@/lib/transfer/evidence-import';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { runCount } from '../support/run-counts';
import { createTestDatabase } from '../support/test-database';
import { evidenceCsv, evidenceRow, exportEvidenceCsv } from '../support/transfer';
import { signedInUser } from '../support/users';
import { IMPLEMENTATION_STATUSES, SOURCE_TYPES } from '@/lib/vocabulary';

/**
 * The three doors to evidence agree on every value: whatever the JSON API accepts comes back from an untouched
 * CSV export as unchanged, and a value one door refuses the other refuses with the same field error. Random
 * evidence goes through the real route handler (POST /api/v1/evidence) on a real database, then through the real
 * export and the import's preview. EVIDENCE_DOORS_SEED replays a run; EVIDENCE_DOORS_RUNS deepens it.
 */
process.env.AUTH_SECRET ??= 'a test secret of at least thirty-two characters';
const RUNS = runCount('EVIDENCE_DOORS_RUNS', 25);
const SEED = process.env.EVIDENCE_DOORS_SEED ? Number(process.env.EVIDENCE_DOORS_SEED) : undefined;

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
});
afterAll(async () => dispose?.());

/** Mostly `valid`, now and then `invalid`: most records get through, and refusals are exercised too. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: invalid });

/** Text weighted towards what breaks a format: whitespace at the ends, every line break, formula starters,
 * quotes and separators, Unicode beyond the BMP; now and then a control character or a lone surrogate. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\r\n',
      '\u00A0',
      '\u3000',
      '\u2028',
      '\uFEFF',
      '=',
      '+',
      '-',
      '@',
      "'",
      '"',
      ',',
      ';',
      '执行',
      '🙂',
    ),
  },
);
const unfit = fc.constantFrom('\u0000', '\u0001', '\u007F', '\u0085', '\uD800', '\uDC00');
const text = mostly(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.tuple(fc.array(piece, { maxLength: 3 }), unfit).map(([parts, bad]) => [...parts, bad].join('')),
);
const longText = fc
  .tuple(fc.integer({ min: 4990, max: 5010 }), fc.constantFrom('x', '执', ' '))
  .map(([length, char]) => `a${char.repeat(length - 1)}`);
const padded = <T extends string>(values: readonly T[]) =>
  fc.tuple(fc.constantFrom(...values), fc.constantFrom('', ' ', '\t')).map(([value, pad]) => `${pad}${value}${pad}`);
const validDate = fc
  .integer({ min: Date.UTC(1945, 0, 1), max: Date.now() - 86_400_000 })
  .map((time) => new Date(time).toISOString().slice(0, 10));
const date = mostly(
  fc.oneof(
    validDate,
    validDate.map((value) => ` ${value}\t`),
  ),
  fc.constantFrom('1944-12-31', '2999-01-01', '2024-02-30', '2021-02-29', 'abc', '04/05/2012'),
);
const url = mostly(
  fc.oneof(
    fc.constantFrom(
      'https://example.org/bill',
      ' HTTP://EXAMPLE.ORG/A?b=c&d=e#f ',
      'https://例子.测试/路径?q=执行',
      'https://example.org/a b',
      'https://example.org/=x',
      'https://example.org/a,b;c',
    ),
    fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((value) => value.length <= 2000),
  ),
  fc.constantFrom('ftp://example.org/file', 'example.org', 'https://example.org/\nx', '=HYPERLINK("x")'),
);
const tag = mostly(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }).filter((value) => !value.includes(',')),
    fc.constantFrom('law', 'Law', 'LAW', ' law ', '', '   ', '=1+1', '-1', '执行', "'quoted'", 'a"b'),
  ),
  fc.constantFrom('a,b', 'x'.repeat(41), 'nul\u0000'),
);
const source = fc.record(
  {
    type: mostly(padded(SOURCE_TYPES), fc.constantFrom('BLOG', '')),
    url: mostly(url, fc.constant(null)),
    reference: fc.oneof(text, fc.constant(null)),
    title: fc.oneof(text, fc.constant(null)),
    publishedOn: fc.oneof(date, fc.constantFrom(null, '')),
  },
  { requiredKeys: ['type'] },
);
const evidence = fc.record(
  {
    actorCode: fc.constantFrom('KEN', 'uga', ' TZA '),
    commitmentCode: fc.constantFrom('P08-financing', 'P12-conventions'),
    observedOn: date,
    status: mostly(padded(IMPLEMENTATION_STATUSES), fc.constant('DONE')),
    score: mostly(fc.constantFrom(-1, 0, 1, null, '-1', ' 0 ', '', '1'), fc.constantFrom(2, '+1', 'x')),
    summaryEn: fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: longText }),
    summaryZh: fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: longText }),
    visibility: fc.constantFrom('INTERNAL', 'PUBLIC', ' PUBLIC ', ''),
    tags: fc.oneof(
      fc.array(tag, { maxLength: 6 }),
      tag.map((value) => `${value}, ${value.toUpperCase()}`),
    ),
    sources: fc.array(source, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['actorCode', 'commitmentCode', 'observedOn', 'status', 'sources'] },
);

describe('evidence written through the API', () => {
  it('re-imports from an untouched export as unchanged, every record', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(evidence, { minLength: 1, maxLength: 3 }), async (records) => {
        // A fresh author per run: the export of "mine" holds exactly this run's records.
        const editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
        const token = (await tokenFor(db, editor)).secret;
        const ids: number[] = [];
        for (const body of records) {
          const response = await call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token, body });
          // Refused is fine here (the next test checks every door refuses alike); never a server error.
          expect(response.status, response.text).toBeLessThan(500);
          if (response.status === 201) ids.push(response.json.data.id);
          else expect(response.status, response.text).toBe(422);
        }
        created += ids.length;
        const csv = await exportEvidenceCsv(db.prisma, editor, { mine: '1' });
        expect(
          parseCsv(csv)
            .slice(1)
            .map((row) => Number(row.cells[0])),
        ).toEqual(ids);
        const plan = await planEvidenceImport(db.prisma, editor, csv);
        expect(plan.problems).toEqual([]);
        expect({ rows: plan.rows, creates: plan.creates.length, updates: plan.updates.length }).toEqual({
          rows: ids.length,
          creates: 0,
          updates: 0,
        });
        expect(plan.unchanged).toBe(ids.length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generators must let records through, or the property says little.
    expect(created).toBeGreaterThan(RUNS / 4);
  });
});

/** Where a field error of the API lands in the CSV. */
const COLUMN_OF_FIELD: Record<string, string> = {
  actorCode: 'actor_code',
  commitmentCode: 'commitment_code',
  observedOn: 'observed_on',
  status: 'status',
  score: 'score',
  summaryZh: 'summary_zh',
  summaryEn: 'summary_en',
  visibility: 'visibility',
  tags: 'tags',
  'sources.0.type': 'source_1_type',
  'sources.0.url': 'source_1_url',
  'sources.0.reference': 'source_1_reference',
  'sources.0.title': 'source_1_title',
  'sources.0.publishedOn': 'source_1_published_on',
  sources: 'source_1_type',
};
const FIELDS: [field: string, column: string][] = Object.entries(COLUMN_OF_FIELD).filter(([f]) => f !== 'sources');

describe('a value one door refuses', () => {
  it('is refused by the API and the CSV import alike, with the same field error; one accepted is accepted by both', async () => {
    const editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
    const token = (await tokenFor(db, editor)).secret;
    // A CSV file is UTF-8: it cannot hold a lone surrogate, so both doors get the same well-formed text.
    const wellFormed = text.map((value) => value.replace(/\p{Cs}/gu, '\uFFFD'));
    const value = fc.oneof(wellFormed, longText, date, url, tag, padded(IMPLEMENTATION_STATUSES), padded(SOURCE_TYPES));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), value, async ([field, column], cell) => {
        const body: Record<string, unknown> = {
          actorCode: 'KEN',
          commitmentCode: 'P08-financing',
          observedOn: '2024-03-01',
          status: 'IN_PROGRESS',
          summaryEn: 'Bill tabled in parliament.',
          visibility: 'INTERNAL',
          sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
        };
        if (field.startsWith('sources.0.')) {
          (body.sources as Record<string, unknown>[])[0]![field.slice('sources.0.'.length)] = cell;
        } else {
          body[field] = cell;
        }
        const response = await call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token, body });
        expect([201, 422], response.text).toContain(response.status);
        const apiErrors = Object.entries((response.json.error?.fields ?? {}) as Record<string, string[]>)
          .flatMap(([key, reasons]) => reasons.map((reason) => `${COLUMN_OF_FIELD[key] ?? key} ${reason}`))
          .sort();
        const csv = await evidenceCsv([evidenceRow({ [column]: cell })]);
        const plan = await planEvidenceImport(db.prisma, editor, csv);
        const importErrors = plan.problems.map((problem) => `${problem.column} ${problem.reason}`).sort();
        expect(importErrors).toEqual(apiErrors);
      }),
      {
        numRuns: RUNS * 4,
        seed: SEED,
        // Found by a CI run: the API named NUL in a code "textInvalidCharacters", the import "unknownCountry".
        examples: [
          [['actorCode', 'actor_code'], 'nul\u0000'],
          [['commitmentCode', 'commitment_code'], 'P08-financing\u0000'],
          [['status', 'status'], 'IN_PROGRESS\u0000'],
          [['sources.0.type', 'source_1_type'], '\u0000'],
        ],
      },
    );
  });
});
