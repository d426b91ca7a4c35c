import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as actorItem from '@/app/api/v1/actors/[code]/route';
import * as commitmentItem from '@/app/api/v1/commitments/[code]/route';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import * as evidenceItem from '@/app/api/v1/evidence/[id]/route';
import * as changesRoute from '@/app/api/v1/evidence/changes/route';
import * as reviewRoute from '@/app/api/v1/evidence/[id]/review/route';
import * as submitRoute from '@/app/api/v1/evidence/[id]/submit/route';
import * as unpublishRoute from '@/app/api/v1/evidence/[id]/unpublish/route';
import * as withdrawRoute from '@/app/api/v1/evidence/[id]/withdraw/route';
import * as ratificationItem from '@/app/api/v1/ratification/[actorCode]/[instrumentCode]/route';
import * as ratificationRoute from '@/app/api/v1/ratification/route';
import { encodeCursor } from '@/lib/api/cursor';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { call, serveRoutesFrom, tokenFor, type CallOptions } from '../support/api';
import { fingerprint } from '../support/fingerprint';
import { runCount } from '../support/run-counts';
import { createTestDatabase } from '../support/test-database';
import { evidenceCsv, evidenceRow } from '../support/transfer';
import { signedInUser } from '../support/users';

/**
 * Fuzzing every write endpoint with generated bad requests (fast-check): wrong types, missing fields, huge
 * strings, any Unicode, extra fields, broken JSON, wrong content types and preconditions. Every answer must be a
 * 4xx in the one error shape — never a 5xx — and the database must be exactly as before. The same payloads go,
 * in larger numbers, straight into the operations the endpoints run, which must refuse each without writing.
 */
/** Full HTTP requests per endpoint (each goes through the guard and the database); raise it for a deep run. */
const RUNS = runCount('API_FUZZ_RUNS', 400);
/** Payloads per operation straight into the operation behind each endpoint (no HTTP), which is fast. */
const OPERATION_RUNS = runCount('API_FUZZ_OPERATION_RUNS', 3000);
const SEED = process.env.API_FUZZ_SEED ? Number(process.env.API_FUZZ_SEED) : undefined;

const EVIDENCE = {
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2024-03-01',
  status: 'IN_PROGRESS',
  score: 0,
  summaryEn: 'Terrorist financing bill tabled in parliament.',
  summaryZh: '议会提交了反恐融资法案。',
  visibility: 'INTERNAL',
  tags: ['finance'],
  intent: 'draft',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
};
/**
 * The same record sent for review, which needs every field: a draft needs only its actor and commitment, so
 * removing any other field from EVIDENCE would make a valid draft, not a bad request.
 */
const FOR_REVIEW = { ...EVIDENCE, intent: 'submit' };
const RATIFICATION = {
  status: 'ACCESSION',
  consentedOn: '2001-11-16',
  signedOn: '1998-01-12',
  note: 'n',
  sourceUrl: 'https://treaties.un.org/',
};
const REVIEW = { decision: 'return', comment: 'Cite the bill.' };

/** Values of the wrong type for any field: none of them is a string. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
);
/** Strings that no field accepts where a code, date, enum or URL is required. */
const badString = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => `\u0000${s}`),
  fc.constant(''),
  fc.constant('   '),
  fc.string({ maxLength: 20 }).map((s) => `${'x'.repeat(6000)}${s}`),
  fc.constantFrom(
    '2999-12-31',
    '1900-01-01',
    '2024-02-30',
    'javascript:alert(1)',
    'DROP TABLE "Evidence";--',
    '🙂🙂🙂',
  ),
);
/** Text PostgreSQL cannot store, anywhere in an otherwise fine string: NUL and unpaired surrogates. */
const unstorable = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\udbff\u0000'),
    fc.string({ maxLength: 10 }),
  )
  .map((parts) => parts.join(''));
const extraFields = fc.dictionary(
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((key) => !(key in EVIDENCE) && !(key in RATIFICATION) && !(key in REVIEW)),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 4 },
);

/**
 * A valid body broken in at least one required field (removed, given a wrong type or a bad string), with other
 * fields perhaps also broken, plus unknown extra fields.
 */
function brokenBody(valid: Record<string, unknown>, required: string[]) {
  const keys = Object.keys(valid);
  return fc
    .record({
      broken: fc.constantFrom(...required),
      how: fc.constantFrom('remove', 'wrongType', 'badString'),
      wrong: wrongType,
      bad: badString,
      noise: fc.dictionary(
        fc.constantFrom(...keys),
        fc.oneof(wrongType, badString, unstorable, fc.string({ unit: 'grapheme' })),
        {
          maxKeys: 3,
        },
      ),
      extra: extraFields,
    })
    .map(({ broken, how, wrong, bad, noise, extra }) => {
      const body: Record<string, unknown> = { ...valid, ...noise, ...extra };
      if (how === 'remove') delete body[broken];
      else body[broken] = how === 'wrongType' ? wrong : bad;
      return body;
    });
}

/** Anything: arbitrary JSON, broken JSON text, or a body broken as above; with a JSON content type or not. */
function badRequest(valid: Record<string, unknown>, required: string[]) {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: brokenBody(valid, required).map((body) => ({ body: JSON.stringify(body), type: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: fc.jsonValue().map((value) => ({ body: JSON.stringify(value), type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'binary', maxLength: 200 })
        .map((body) => ({ body: `{${body}`, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        body: fc.constant(JSON.stringify(valid)),
        type: fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          '',
          'application/jsonx',
        ),
      }),
    },
  );
}

let db: Database;
let dispose: () => Promise<void>;
let editorToken: string;
let reviewerToken: string;
let draft: { id: number; etag: string };
let submitted: { id: number; etag: string };

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  const editor = await signedInUser(db.prisma, 'EDITOR');
  const reviewer = await signedInUser(db.prisma, 'REVIEWER');
  editorToken = (await tokenFor(db, editor.user!)).secret;
  reviewerToken = (await tokenFor(db, reviewer.user!)).secret;
  const make = async (intent: 'draft' | 'submit') => {
    const created = await operations.createEvidence.run(
      { user: editor.user, requestId: null, prisma: db.prisma },
      { ...EVIDENCE, intent },
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    return { id: created.value.id, etag: `"evidence-${created.value.id}-v1"` };
  };
  draft = await make('draft');
  submitted = await make('submit');
  const ratified = await operations.updateRatification.run(
    { user: editor.user, requestId: null, prisma: db.prisma },
    { actorCode: 'KEN', instrumentCode: 'bombings-1997', version: 0, ...RATIFICATION },
  );
  if (!ratified.ok) throw new Error(JSON.stringify(ratified));
});
afterAll(async () => dispose?.());

async function fuzz(
  request: fc.Arbitrary<{ body: string; type: string }>,
  target: (generated: { body: string; type: string }) => { handler: unknown; options: CallOptions },
) {
  const before = await fingerprint(db);
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async (generated) => {
      const { handler, options } = target(generated);
      const response = await call(handler, {
        ...options,
        body: generated.body,
        headers: { ...options.headers, 'content-type': generated.type },
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(typeof response.json?.error?.code).toBe('string');
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(await fingerprint(db)).toBe(before);
  return statuses;
}

/** Generous for deep runs on a busy machine: up to 50 ms a request. */

describe(`fuzzing the write endpoints (${RUNS} requests each)`, () => {
  it('POST /api/v1/evidence', async () => {
    const statuses = await fuzz(
      badRequest(FOR_REVIEW, ['actorCode', 'commitmentCode', 'observedOn', 'status', 'sources']),
      () => ({
        handler: evidenceRoute.POST,
        options: { method: 'POST', path: '/api/v1/evidence', token: editorToken },
      }),
    );
    expect(statuses.get(422)).toBeGreaterThan(RUNS / 3);
  });

  it('PUT /api/v1/evidence/{id}', async () => {
    await fuzz(badRequest(FOR_REVIEW, ['actorCode', 'commitmentCode', 'observedOn', 'status', 'sources']), () => ({
      handler: evidenceItem.PUT,
      options: {
        method: 'PUT',
        path: `/api/v1/evidence/${draft.id}`,
        params: { id: String(draft.id) },
        token: editorToken,
        headers: { 'if-match': draft.etag },
      },
    }));
  });

  it('POST /api/v1/evidence/{id}/review', async () => {
    await fuzz(badRequest(REVIEW, ['decision']), () => ({
      handler: reviewRoute.POST,
      options: {
        method: 'POST',
        path: `/api/v1/evidence/${submitted.id}/review`,
        params: { id: String(submitted.id) },
        token: reviewerToken,
        headers: { 'if-match': submitted.etag },
      },
    }));
  });

  it('PUT /api/v1/ratification/{actorCode}/{instrumentCode}', async () => {
    await fuzz(badRequest(RATIFICATION, ['status']), () => ({
      handler: ratificationItem.PUT,
      options: {
        method: 'PUT',
        path: '/api/v1/ratification/KEN/bombings-1997',
        params: { actorCode: 'KEN', instrumentCode: 'bombings-1997' },
        token: editorToken,
        headers: { 'if-match': '"ratification-KEN.bombings-1997-v1"' },
      },
    }));
  });

  it('POST /api/v1/evidence/{id}/submit, and every write with bad ids and preconditions', async () => {
    const ids = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.bigInt().map(String),
      fc.constant(String(draft.id)),
    );
    const ifMatch = fc.oneof(
      fc.constant(undefined),
      // Header values are bytes: anything printable.
      // `*` or the current tag would make a valid request (these must all be bad ones).
      fc
        .stringMatching(/^[\x20-\x7e]{0,60}$/)
        .filter((tag) => !tag.split(',').some((part) => ['*', draft.etag].includes(part.trim()))),
      fc.nat().map((n) => `"evidence-${draft.id}-v${n + 2}"`),
      fc.constant(`W/${draft.etag}`),
    );
    const handlers = fc.constantFrom(
      { handler: submitRoute.POST, method: 'POST', suffix: '/submit' },
      { handler: evidenceItem.PUT, method: 'PUT', suffix: '' },
      { handler: reviewRoute.POST, method: 'POST', suffix: '/review' },
      { handler: unpublishRoute.POST, method: 'POST', suffix: '/unpublish' },
      { handler: withdrawRoute.POST, method: 'POST', suffix: '/withdraw' },
      { handler: evidenceItem.DELETE, method: 'DELETE', suffix: '' },
    );
    const before = await fingerprint(db);
    await fc.assert(
      fc.asyncProperty(ids, ifMatch, handlers, fc.jsonValue(), async (id, tag, target, body) => {
        const response = await call(target.handler, {
          method: target.method,
          path: `/api/v1/evidence/${encodeURIComponent(id)}${target.suffix}`,
          params: { id },
          token: editorToken,
          headers: tag === undefined ? {} : { 'if-match': tag },
          body: JSON.stringify(body),
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(await fingerprint(db)).toBe(before);
  });
});

/** Change tokens: garbage, any JSON in the token's encoding, and tuples near the real shape ["c", xid, id]. */
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const changeToken = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 20 }).map((s) => `${'x'.repeat(520)}${s}`),
  fc.jsonValue({ maxDepth: 2 }).map(base64url),
  fc
    .tuple(
      fc.oneof(fc.constant('c'), fc.string({ maxLength: 3 }), wrongType),
      fc.oneof(
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
        fc.constantFrom('00', '1e3', ' 1', '0x10', '9223372036854775808', '9223372036854775807'),
        wrongType,
      ),
      fc.oneof(fc.integer({ min: -10, max: 2 ** 32 }), fc.double(), fc.string({ maxLength: 5 }), wrongType),
    )
    .map(base64url),
);
const pageSize = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.constantFrom('', '1.5', '1e2', 'NaN', ' 10', '0x10'),
  fc.string({ maxLength: 10 }),
);

// Each 200 carries a page of records: more time per request than the write endpoints' refusals.
describe(`fuzzing the change feed's parameters (${RUNS} requests)`, () => {
  it('GET /api/v1/evidence/changes: a 200 page or a 400 in the error shape, never a 5xx', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(changeToken, pageSize, async (since, limit) => {
        const query = new URLSearchParams({ since, ...(limit === undefined ? {} : { limit }) });
        const response = await call(changesRoute.GET, {
          path: `/api/v1/evidence/changes?${query}`,
          token: editorToken,
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 200) {
          expect(typeof response.json.changeToken).toBe('string');
        } else {
          expect(response.status).toBe(400);
          expect(['invalid_cursor', 'invalid_query']).toContain(response.json?.error?.code);
          expect(typeof response.json.error.requestId).toBe('string');
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 2);
  });
});

describe(`fuzzing the operations behind the write endpoints (${OPERATION_RUNS} payloads each)`, () => {
  const cases = [
    {
      name: 'createEvidence',
      valid: FOR_REVIEW,
      required: ['actorCode', 'commitmentCode', 'observedOn', 'status', 'sources'],
      extra: () => ({}),
    },
    {
      name: 'updateEvidence',
      valid: FOR_REVIEW,
      required: ['actorCode', 'commitmentCode', 'observedOn', 'status', 'sources'],
      extra: () => ({ id: draft.id, version: 1 }),
    },
    { name: 'reviewEvidence', valid: REVIEW, required: ['decision'], extra: () => ({ id: submitted.id, version: 1 }) },
    {
      name: 'updateRatification',
      valid: RATIFICATION,
      required: ['status'],
      extra: () => ({ actorCode: 'KEN', instrumentCode: 'bombings-1997', version: 1 }),
    },
  ] as const;

  it.each(cases)('$name', async ({ name, valid, required, extra }) => {
    const editor = await signedInUser(db.prisma, 'ADMIN');
    const before = await fingerprint(db);
    const payloads = fc.oneof(
      { weight: 4, arbitrary: brokenBody(valid, [...required]).map((body) => ({ ...body, ...extra() })) },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const outcome = await operations[name].run({ user: editor.user, requestId: null, prisma: db.prisma }, payload);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.status).toBeLessThan(500);
      }),
      { numRuns: OPERATION_RUNS, seed: SEED },
    );
    expect(await fingerprint(db)).toBe(before);
  });
});

/**
 * Text, dates and ids at and past the limits of what PostgreSQL stores: NUL and lone surrogates in every kind of
 * text field, dates in year 0, 10000 and 275760 (the end of JavaScript's Date), ids past int4 and negative. Each
 * must be refused with a 4xx naming the problem, before it reaches the database, and nothing may be written.
 */
const BAD_TEXT = ['a\u0000b', '\u0000', 'lone \ud800 surrogate', 'x\udfffy'];
const BAD_DATES = ['0000-01-01', '0001-01-01', '10000-01-01', '+010000-01-01', '275760-09-13', '-000001-01-01'];
const BAD_TIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59-14:00',
  '+275760-09-13T00:00:00Z',
  '275760-09-13T00:00:00.000Z',
];
const BAD_IDS = ['2147483648', '9999999999', '99999999999999999999', '-1', '0', '1e3', '9007199254740993'];
const BAD_NUMBERS = [2147483648, 9007199254740993, -1, 1e300, 0.5];

describe('text, dates and ids at their limits', () => {
  it('the API refuses each with a 4xx in the error shape and writes nothing', async () => {
    const before = await fingerprint(db);
    const failures: string[] = [];
    const check = async (label: string, handler: unknown, options: CallOptions) => {
      const response = await call(handler, { token: editorToken, ...options });
      if (response.status < 400 || response.status >= 500 || typeof response.json?.error?.code !== 'string') {
        failures.push(`${label}: ${response.status} ${response.text.slice(0, 120)}`);
      }
    };
    const textFields: [string, (bad: string) => Record<string, unknown>][] = [
      ['summaryEn', (bad) => ({ summaryEn: bad })],
      ['summaryZh', (bad) => ({ summaryZh: bad })],
      ['tags', (bad) => ({ tags: ['ok', bad] })],
      ['sources.0.title', (bad) => ({ sources: [{ ...EVIDENCE.sources[0], title: bad }] })],
      ['sources.0.reference', (bad) => ({ sources: [{ type: 'OTHER', reference: bad }] })],
      ['sources.0.url', (bad) => ({ sources: [{ type: 'OTHER', url: `https://example.org/${bad}` }] })],
    ];
    for (const bad of BAD_TEXT) {
      for (const [field, patch] of textFields) {
        await check(`POST evidence ${field}=${JSON.stringify(bad)}`, evidenceRoute.POST, {
          method: 'POST',
          path: '/api/v1/evidence',
          body: { ...EVIDENCE, ...patch(bad) },
        });
        await check(`PUT evidence ${field}=${JSON.stringify(bad)}`, evidenceItem.PUT, {
          method: 'PUT',
          path: `/api/v1/evidence/${draft.id}`,
          params: { id: String(draft.id) },
          headers: { 'if-match': draft.etag },
          body: { ...EVIDENCE, ...patch(bad) },
        });
      }
      await check(`review comment=${JSON.stringify(bad)}`, reviewRoute.POST, {
        method: 'POST',
        path: `/api/v1/evidence/${submitted.id}/review`,
        params: { id: String(submitted.id) },
        token: reviewerToken,
        headers: { 'if-match': submitted.etag },
        body: { decision: 'return', comment: bad },
      });
      await check(`ratification note=${JSON.stringify(bad)}`, ratificationItem.PUT, {
        method: 'PUT',
        path: '/api/v1/ratification/KEN/bombings-1997',
        params: { actorCode: 'KEN', instrumentCode: 'bombings-1997' },
        headers: { 'if-match': '"ratification-KEN.bombings-1997-v1"' },
        body: { ...RATIFICATION, note: bad },
      });
      for (const [label, handler, params] of [
        ['actor', actorItem.GET, { code: `KE${bad}` }],
        ['commitment', commitmentItem.GET, { code: `P08-${bad}` }],
      ] as const) {
        await check(`GET ${label} ${JSON.stringify(bad)}`, handler, {
          path: `/api/v1/${label}s/x`,
          params,
        });
      }
      await check(`GET ratification pair ${JSON.stringify(bad)}`, ratificationItem.GET, {
        path: '/api/v1/ratification/KEN/x',
        params: { actorCode: 'KEN', instrumentCode: `bombings${bad}` },
      });
    }
    for (const date of BAD_DATES) {
      for (const field of ['observedFrom', 'observedTo']) {
        await check(`GET evidence ${field}=${date}`, evidenceRoute.GET, {
          path: `/api/v1/evidence?${field}=${encodeURIComponent(date)}`,
        });
      }
      await check(`POST evidence observedOn=${date}`, evidenceRoute.POST, {
        method: 'POST',
        path: '/api/v1/evidence',
        body: { ...EVIDENCE, observedOn: date },
      });
      await check(`ratification consentedOn=${date}`, ratificationItem.PUT, {
        method: 'PUT',
        path: '/api/v1/ratification/KEN/bombings-1997',
        params: { actorCode: 'KEN', instrumentCode: 'bombings-1997' },
        headers: { 'if-match': '"ratification-KEN.bombings-1997-v1"' },
        body: { ...RATIFICATION, consentedOn: date },
      });
    }
    for (const time of BAD_TIMES) {
      await check(`GET evidence updatedSince=${time}`, evidenceRoute.GET, {
        path: `/api/v1/evidence?updatedSince=${encodeURIComponent(time)}`,
      });
      await check(`GET evidence cursor at ${time}`, evidenceRoute.GET, {
        path: `/api/v1/evidence?cursor=${encodeCursor([time, 1])}`,
      });
    }
    for (const id of BAD_NUMBERS) {
      await check(`GET evidence cursor id ${id}`, evidenceRoute.GET, {
        path: `/api/v1/evidence?cursor=${encodeCursor(['2024-01-01T00:00:00.000Z', id])}`,
      });
      await check(`GET ratification cursor id ${id}`, ratificationRoute.GET, {
        path: `/api/v1/ratification?cursor=${encodeCursor([id])}`,
      });
    }
    for (const id of BAD_IDS) {
      await check(`GET evidence/${id}`, evidenceItem.GET, { path: `/api/v1/evidence/${id}`, params: { id } });
      await check(`POST evidence/${id}/submit`, submitRoute.POST, {
        method: 'POST',
        path: `/api/v1/evidence/${id}/submit`,
        params: { id },
        headers: { 'if-match': `"evidence-${id}-v1"` },
        body: {},
      });
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(db)).toBe(before);
  });

  it('the operations behind the forms and the CSV import refuse each without writing', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const context = { user: admin.user, requestId: null, prisma: db.prisma };
    const before = await fingerprint(db);
    const failures: string[] = [];
    const expectRefused = async (label: string, name: keyof typeof operations, input: unknown) => {
      const outcome = await operations[name].run(context, input);
      if (outcome.ok || outcome.status >= 500) failures.push(`${label}: ${JSON.stringify(outcome).slice(0, 160)}`);
    };
    const commitment = await db.prisma.commitment.findFirstOrThrow({ orderBy: { code: 'asc' } });
    const user = await db.prisma.user.findFirstOrThrow({ where: { id: admin.id } });
    for (const bad of BAD_TEXT) {
      await expectRefused(`createUser name ${JSON.stringify(bad)}`, 'createUser', {
        email: `x${randomSuffix()}@test.example`,
        name: bad,
        role: 'VIEWER',
      });
      await expectRefused(`updateUser name ${JSON.stringify(bad)}`, 'updateUser', {
        id: user.id,
        version: user.version,
        name: `a${bad}`,
        role: 'ADMIN',
      });
      await expectRefused(`createApiToken name ${JSON.stringify(bad)}`, 'createApiToken', {
        name: `t${bad}`,
        scope: 'READ',
        expiresInDays: 30,
      });
      await expectRefused(`updateCommitment titleEn ${JSON.stringify(bad)}`, 'updateCommitment', {
        code: commitment.code,
        version: commitment.version,
        titleEn: `t${bad}`,
        titleZh: 'fine',
        summaryEn: 'fine',
        summaryZh: 'fine',
        guidanceEn: 'fine',
        guidanceZh: 'fine',
        theme: 'financing',
        strength: commitment.strength,
      });
      // A CSV file arrives as UTF-8 bytes, which cannot hold a lone surrogate; NUL it can.
      if (bad.includes('\u0000')) {
        await expectRefused(`importEvidence summary ${JSON.stringify(bad)}`, 'importEvidence', {
          csv: await evidenceCsv([evidenceRow({ summary_en: `s${bad}` })]),
        });
        await expectRefused(`importEvidence tags ${JSON.stringify(bad)}`, 'importEvidence', {
          csv: await evidenceCsv([evidenceRow({ tags: `x${bad}` })]),
        });
      }
      await expectRefused(`importEvidence both ${JSON.stringify(bad)}`, 'importEvidence', {
        csv: `${await evidenceCsv([evidenceRow()])}`.replace('Bill tabled', `Bill${bad}tabled`),
      });
      await expectRefused(`importEvidence file name ${JSON.stringify(bad)}`, 'importEvidence', {
        csv: await evidenceCsv([evidenceRow()]),
        fileName: `f${bad}.csv`,
      });
    }
    for (const id of BAD_NUMBERS) {
      await expectRefused(`submitEvidence id ${id}`, 'submitEvidence', { id, version: 1 });
      await expectRefused(`submitEvidence version ${id}`, 'submitEvidence', { id: draft.id, version: id });
      await expectRefused(`setUserDisabled id ${id}`, 'setUserDisabled', { id, version: 1, disabled: true });
      await expectRefused(`revokeApiToken id ${id}`, 'revokeApiToken', { id });
      await expectRefused(`createApiToken userId ${id}`, 'createApiToken', {
        name: 'n',
        scope: 'READ',
        expiresInDays: 30,
        userId: id,
      });
    }
    for (const date of BAD_DATES) {
      await expectRefused(`importEvidence observed_on ${date}`, 'importEvidence', {
        csv: await evidenceCsv([evidenceRow({ observed_on: date })]),
      });
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(db)).toBe(before);
  });
});

function randomSuffix() {
  return Math.random().toString(36).slice(2, 10);
}
