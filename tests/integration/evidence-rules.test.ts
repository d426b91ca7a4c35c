import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import * as evidenceItem from '@/app/api/v1/evidence/[id]/route';
import * as reviewRoute from '@/app/api/v1/evidence/[id]/review/route';
import { etagOf } from '@/lib/api/etag';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import type { Outcome } from '@/lib/operations/define';
import { planEvidenceImport } from '@/lib/transfer/evidence-import';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { evidenceCsv, evidenceRow } from '../support/transfer';
import { signedInUser } from '../support/users';

/**
 * One rule set, whatever the door: the same violating evidence sent through the form's operation, the JSON API
 * and the CSV import is refused by each with the same reason (and the operation and the API with the same code).
 */
process.env.AUTH_SECRET ??= 'a test secret of at least thirty-two characters';

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
});
afterAll(async () => dispose?.());

const FIELDS = {
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2024-03-01',
  status: 'IN_PROGRESS',
  summaryEn: 'Bill tabled in parliament.',
  visibility: 'INTERNAL',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
};

/** The same evidence as a CSV row (evidenceRow's defaults are FIELDS). */
function csvCells(fields: typeof FIELDS, record?: { id: number; version: number }): Record<string, string> {
  return evidenceRow({
    id: record ? String(record.id) : '',
    version: record ? String(record.version) : '',
    actor_code: fields.actorCode,
    commitment_code: fields.commitmentCode,
    observed_on: fields.observedOn,
    status: fields.status,
    summary_en: fields.summaryEn,
  });
}

async function as(role: 'EDITOR' | 'REVIEWER', countryCodes?: string[]) {
  const user = (await signedInUser(db.prisma, role, { countryCodes })).user!;
  return { user, token: (await tokenFor(db, user)).secret };
}

async function createRecord(user: CurrentUser, intent: 'draft' | 'submit') {
  const outcome = await operations.createEvidence.run(
    { user, requestId: null, prisma: db.prisma },
    { ...FIELDS, intent },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  const { version } = await db.prisma.evidence.findUniqueOrThrow({ where: { id: outcome.value.id } });
  return { id: outcome.value.id, version };
}

const run = (
  operation: { run: (context: never, input: unknown) => Promise<unknown> },
  user: CurrentUser,
  input: unknown,
) => operation.run({ user, requestId: 'rules', prisma: db.prisma } as never, input) as Promise<Outcome<unknown>>;

interface Doors {
  form(): Promise<Outcome<unknown>>;
  api(): Promise<Awaited<ReturnType<typeof call>>>;
  /** The user, the file and the intent of the import. */
  import(): Promise<{ user: CurrentUser; csv: string; intent: 'draft' | 'submit' | 'verify' }>;
}

interface Case {
  name: string;
  reason: string;
  /** The operation's failure code, and the API's status and code for it. */
  code: string;
  api: [number, string];
  /** The CSV column the import names. */
  column: string;
  doors(): Promise<Doors>;
}

const CASES: Case[] = [
  {
    name: 'a country outside the editor scope',
    reason: 'outsideCountryScope',
    code: 'out_of_scope',
    api: [409, 'out_of_scope'],
    column: 'actor_code',
    async doors() {
      const { user, token } = await as('EDITOR', ['KEN']);
      const fields = { ...FIELDS, actorCode: 'UGA' };
      return {
        form: () => run(operations.createEvidence, user, fields),
        api: () => call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token, body: fields }),
        import: async () => ({ user, csv: await evidenceCsv([csvCells(fields)]), intent: 'draft' }),
      };
    },
  },
  {
    name: 'a commitment addressed to the UN system, for a member state',
    reason: 'commitmentNotForStates',
    code: 'invalid',
    api: [422, 'validation_failed'],
    column: 'commitment_code',
    async doors() {
      const { user, token } = await as('EDITOR');
      const fields = { ...FIELDS, commitmentCode: 'P22-un-capacity-building' };
      return {
        form: () => run(operations.createEvidence, user, fields),
        api: () => call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token, body: fields }),
        import: async () => ({ user, csv: await evidenceCsv([csvCells(fields)]), intent: 'draft' }),
      };
    },
  },
  {
    name: 'a commitment addressed to member states, for a UN entity',
    reason: 'commitmentNotForUnSystem',
    code: 'invalid',
    api: [422, 'validation_failed'],
    column: 'commitment_code',
    async doors() {
      const { user, token } = await as('EDITOR');
      const fields = { ...FIELDS, actorCode: 'CTED' };
      return {
        form: () => run(operations.createEvidence, user, fields),
        api: () => call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token, body: fields }),
        import: async () => ({ user, csv: await evidenceCsv([csvCells(fields)]), intent: 'draft' }),
      };
    },
  },
  {
    name: 'an edit of a record waiting for review',
    reason: 'evidenceInReview',
    code: 'in_review',
    api: [409, 'in_review'],
    column: 'id',
    async doors() {
      const { user, token } = await as('EDITOR');
      const record = await createRecord(user, 'submit');
      const fields = { ...FIELDS, status: 'PARTIALLY_IMPLEMENTED' };
      return {
        form: () => run(operations.updateEvidence, user, { ...fields, ...record }),
        api: () =>
          call(evidenceItem.PUT, {
            method: 'PUT',
            path: `/api/v1/evidence/${record.id}`,
            params: { id: String(record.id) },
            token,
            headers: { 'if-match': etagOf('evidence', record.id, record.version) },
            body: fields,
          }),
        import: async () => ({ user, csv: await evidenceCsv([csvCells(fields, record)]), intent: 'draft' }),
      };
    },
  },
  {
    name: 'a reviewer verifying their own record',
    reason: 'cannotReviewOwn',
    code: 'own_record',
    api: [409, 'own_record'],
    column: 'id',
    async doors() {
      const { user, token } = await as('REVIEWER');
      const record = await createRecord(user, 'draft');
      const submitted = await run(operations.submitEvidence, user, record);
      expect(submitted).toMatchObject({ ok: true });
      const current = { id: record.id, version: record.version + 1 };
      return {
        form: () => run(operations.reviewEvidence, user, { ...current, decision: 'verify' }),
        api: () =>
          call(reviewRoute.POST, {
            method: 'POST',
            path: `/api/v1/evidence/${record.id}/review`,
            params: { id: String(record.id) },
            token,
            headers: { 'if-match': etagOf('evidence', current.id, current.version) },
            body: { decision: 'verify' },
          }),
        // The same record, imported back changed and as verified by the reviewer who wrote it.
        import: async () => ({
          user,
          csv: await evidenceCsv([csvCells({ ...FIELDS, status: 'FULLY_IMPLEMENTED' }, current)]),
          intent: 'verify',
        }),
      };
    },
  },
  {
    name: 'a reviewer importing new records as verified by themselves',
    reason: 'cannotReviewOwn',
    code: 'own_record',
    api: [409, 'own_record'],
    column: '',
    async doors() {
      const { user, token } = await as('REVIEWER');
      // Form and API: create, submit, verify oneself — the import does all three in one row.
      const record = await createRecord(user, 'submit');
      const current = { id: record.id, version: record.version };
      return {
        form: () => run(operations.reviewEvidence, user, { ...current, decision: 'verify' }),
        api: () =>
          call(reviewRoute.POST, {
            method: 'POST',
            path: `/api/v1/evidence/${record.id}/review`,
            params: { id: String(record.id) },
            token,
            headers: { 'if-match': etagOf('evidence', current.id, current.version) },
            body: { decision: 'verify' },
          }),
        import: async () => ({
          user,
          csv: await evidenceCsv([csvCells({ ...FIELDS, summaryEn: 'A new record, verified at once.' })]),
          intent: 'verify',
        }),
      };
    },
  },
];

async function counts() {
  const [evidence, revisions, verified] = await Promise.all([
    db.prisma.evidence.count(),
    db.prisma.evidenceRevision.count(),
    db.prisma.evidenceRevision.count({ where: { state: 'VERIFIED' } }),
  ]);
  return { evidence, revisions, verified };
}

/** Every reason key a failure carries: its message and its field errors. */
function reasonsOf(failure: { message?: string; fieldErrors?: Record<string, string[]> }): string[] {
  return [failure.message ?? '', ...Object.values(failure.fieldErrors ?? {}).flat()];
}

describe('the evidence rules are the same through the form, the API and the import', () => {
  it.each(CASES)('$name: refused with $reason by every door', async (rule) => {
    const doors = await rule.doors();
    const before = await counts();

    const form = await doors.form();
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect({ code: form.code, reasons: reasonsOf(form) }).toMatchObject({
      code: rule.code,
      reasons: expect.arrayContaining([rule.reason]),
    });

    const api = await doors.api();
    expect(api.status).toBe(rule.api[0]);
    expect(api.json.error.code).toBe(rule.api[1]);
    expect(Object.values(api.json.error.fields ?? {}).flat()).toContain(rule.reason);

    const { user, csv, intent } = await doors.import();
    const preview = await planEvidenceImport(db.prisma, user, csv, { intent });
    expect(preview.problems).toContainEqual({ line: 2, column: rule.column, reason: rule.reason });
    const imported = await run(operations.importEvidence, user, { csv, intent });
    expect(imported).toMatchObject({ ok: false, status: 400, message: 'importHasProblems' });
    if (!imported.ok) expect(imported.fieldErrors?.csv).toContain(`importRow:2|${rule.column}|${rule.reason}`);

    expect(await counts()).toEqual(before);
  });

  it('lets an editor import nothing as verified either, naming the rule', async () => {
    const { user } = await as('EDITOR');
    const csv = await evidenceCsv([csvCells(FIELDS)]);
    const preview = await planEvidenceImport(db.prisma, user, csv, { intent: 'verify' });
    expect(preview.problems).toEqual([{ line: 2, column: '', reason: 'reviewNeedsReviewer' }]);
  });
});
