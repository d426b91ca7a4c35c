import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as actorsRoute from '@/app/api/v1/actors/route';
import * as commitmentsRoute from '@/app/api/v1/commitments/route';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import * as evidenceItem from '@/app/api/v1/evidence/[id]/route';
import * as evidenceChanges from '@/app/api/v1/evidence/changes/route';
import * as reviewRoute from '@/app/api/v1/evidence/[id]/review/route';
import * as submitRoute from '@/app/api/v1/evidence/[id]/submit/route';
import * as unpublishRoute from '@/app/api/v1/evidence/[id]/unpublish/route';
import * as withdrawRoute from '@/app/api/v1/evidence/[id]/withdraw/route';
import * as meRoute from '@/app/api/v1/me/route';
import * as ratificationRoute from '@/app/api/v1/ratification/route';
import * as ratificationItem from '@/app/api/v1/ratification/[actorCode]/[instrumentCode]/route';
import * as matrixRoute from '@/app/api/v1/status-matrix/route';
import * as progressRoute from '@/app/api/v1/progress/route';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { call, serveRoutesFrom, tokenFor, type CallOptions } from '../support/api';
import { fingerprint } from '../support/fingerprint';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';
import { type Role, ROLES } from '@/lib/vocabulary';

/**
 * Every API endpoint × every kind of caller, as tests/integration/permissions.test.ts does for the operations:
 * the same roles may do the same things through the API as on the site; anonymous callers and disabled users'
 * tokens get 401, roles without the permission and read-only tokens 403, the token of an admin who must still
 * change a one-time password ('pending') 403 everywhere — and a refusal writes nothing.
 */
type Caller = 'anonymous' | 'disabled' | 'pending' | Role | `${Role}:READ`;
const CALLERS: Caller[] = [
  'anonymous',
  'disabled',
  'pending',
  ...ROLES,
  ...ROLES.map((role) => `${role}:READ` as const),
];
const WRITERS: Role[] = ['EDITOR', 'REVIEWER', 'ADMIN'];

const EVIDENCE = {
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2024-03-01',
  status: 'IN_PROGRESS',
  summaryEn: 'Terrorist financing bill tabled in parliament.',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
};

let db: Database;
let dispose: () => Promise<void>;

/**
 * A record by another editor (or by `author`), as a draft or submitted (or verified as public), with its ETag.
 */
async function record(intent: 'draft' | 'submit' | 'public', author?: CurrentUser) {
  const user = author ?? (await signedInUser(db.prisma, 'EDITOR')).user;
  const created = await operations.createEvidence.run(
    { user, requestId: null, prisma: db.prisma },
    intent === 'public' ? { ...EVIDENCE, intent: 'submit', visibility: 'PUBLIC' } : { ...EVIDENCE, intent },
  );
  if (created.ok && intent === 'public') {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const verified = await operations.reviewEvidence.run(
      { user: reviewer.user, requestId: null, prisma: db.prisma },
      { id: created.value.id, version: 1, decision: 'verify' },
    );
    if (!verified.ok) throw new Error(JSON.stringify(verified));
  }
  if (!created.ok) throw new Error(JSON.stringify(created));
  const { version } = await db.prisma.evidence.findUniqueOrThrow({ where: { id: created.value.id } });
  return { id: created.value.id, etag: `"evidence-${created.value.id}-v${version}"` };
}

interface Case {
  handler: unknown;
  /** Roles that may; undefined for reads, which every role may. */
  writers?: Role[];
  success: number;
  /** `own`: the caller's own user when its role may write evidence (deleting and withdrawing are the author's). */
  prepare(own?: CurrentUser): Promise<CallOptions>;
}

const read = (handler: unknown, path: string): Case => ({
  handler,
  success: 200,
  prepare: async () => ({ path }),
});

const CASES: Record<string, Case> = {
  'GET me': read(meRoute.GET, '/api/v1/me'),
  'GET commitments': read(commitmentsRoute.GET, '/api/v1/commitments'),
  'GET actors': read(actorsRoute.GET, '/api/v1/actors'),
  'GET status-matrix': read(matrixRoute.GET, '/api/v1/status-matrix'),
  'GET progress': read(progressRoute.GET, '/api/v1/progress'),
  'GET ratification': read(ratificationRoute.GET, '/api/v1/ratification'),
  'GET evidence': read(evidenceRoute.GET, '/api/v1/evidence'),
  'GET evidence/changes': read(evidenceChanges.GET, '/api/v1/evidence/changes'),
  'GET evidence/{id}': {
    handler: evidenceItem.GET,
    success: 200,
    prepare: async () => {
      const { id } = await record('draft');
      return { path: `/api/v1/evidence/${id}`, params: { id: String(id) } };
    },
  },
  'POST evidence': {
    handler: evidenceRoute.POST,
    writers: WRITERS,
    success: 201,
    prepare: async () => ({ method: 'POST', path: '/api/v1/evidence', body: EVIDENCE }),
  },
  'PUT evidence/{id}': {
    handler: evidenceItem.PUT,
    writers: WRITERS,
    success: 200,
    prepare: async () => {
      const { id, etag } = await record('draft');
      return {
        method: 'PUT',
        path: `/api/v1/evidence/${id}`,
        params: { id: String(id) },
        headers: { 'if-match': etag },
        body: { ...EVIDENCE, status: 'NOT_STARTED' },
      };
    },
  },
  'POST evidence/{id}/submit': {
    handler: submitRoute.POST,
    writers: WRITERS,
    success: 200,
    prepare: async () => {
      const { id, etag } = await record('draft');
      return {
        method: 'POST',
        path: `/api/v1/evidence/${id}/submit`,
        params: { id: String(id) },
        headers: { 'if-match': etag },
      };
    },
  },
  'POST evidence/{id}/unpublish': {
    handler: unpublishRoute.POST,
    writers: WRITERS,
    success: 200,
    prepare: async () => {
      const { id, etag } = await record('public');
      return {
        method: 'POST',
        path: `/api/v1/evidence/${id}/unpublish`,
        params: { id: String(id) },
        headers: { 'if-match': etag },
      };
    },
  },
  'DELETE evidence/{id}': {
    handler: evidenceItem.DELETE,
    writers: WRITERS,
    success: 200,
    prepare: async (own) => {
      const { id, etag } = await record('draft', own);
      return {
        method: 'DELETE',
        path: `/api/v1/evidence/${id}`,
        params: { id: String(id) },
        headers: { 'if-match': etag },
      };
    },
  },
  'POST evidence/{id}/withdraw': {
    handler: withdrawRoute.POST,
    writers: WRITERS,
    success: 200,
    prepare: async (own) => {
      const { id, etag } = await record('submit', own);
      return {
        method: 'POST',
        path: `/api/v1/evidence/${id}/withdraw`,
        params: { id: String(id) },
        headers: { 'if-match': etag },
      };
    },
  },
  'POST evidence/{id}/review': {
    handler: reviewRoute.POST,
    writers: ['REVIEWER', 'ADMIN'],
    success: 200,
    prepare: async () => {
      const { id, etag } = await record('submit');
      return {
        method: 'POST',
        path: `/api/v1/evidence/${id}/review`,
        params: { id: String(id) },
        headers: { 'if-match': etag },
        body: { decision: 'return', comment: 'Cite the bill number.' },
      };
    },
  },
  'PUT ratification/{actor}/{instrument}': {
    handler: ratificationItem.PUT,
    writers: WRITERS,
    success: 200,
    prepare: async () => {
      const row = await db.prisma.instrumentStatus.findFirst({
        where: { actor: { code: 'KEN' }, instrument: { code: 'bombings-1997' } },
      });
      return {
        method: 'PUT',
        path: '/api/v1/ratification/KEN/bombings-1997',
        params: { actorCode: 'KEN', instrumentCode: 'bombings-1997' },
        headers: row
          ? ({ 'if-match': `"ratification-KEN.bombings-1997-v${row.version}"` } as Record<string, string>)
          : { 'if-none-match': '*' },
        body: { status: 'ACCESSION', consentedOn: '2001-11-16' },
      };
    },
  },
};

const tokens = new Map<Caller, string>();
/** The users behind the role tokens that may write evidence. */
const writerUsers = new Map<Role, CurrentUser>();

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  for (const role of ROLES) {
    const { user } = await signedInUser(db.prisma, role);
    if (WRITERS.includes(role)) writerUsers.set(role, user!);
    tokens.set(role, (await tokenFor(db, user!, 'READ_WRITE')).secret);
    tokens.set(`${role}:READ`, (await tokenFor(db, user!, 'READ')).secret);
  }
  const disabled = await signedInUser(db.prisma, 'ADMIN');
  tokens.set('disabled', (await tokenFor(db, disabled.user!)).secret);
  await db.prisma.user.update({ where: { id: disabled.id }, data: { disabled: true } });
  // A token made before an admin reset the password: the owner has not chosen a new one yet.
  const pending = await signedInUser(db.prisma, 'ADMIN');
  tokens.set('pending', (await tokenFor(db, pending.user!)).secret);
  await db.prisma.user.update({ where: { id: pending.id }, data: { mustChangePassword: true } });
});
afterAll(async () => dispose?.());

describe('the API permission table', () => {
  const cases = Object.entries(CASES).flatMap(([name, entry]) => CALLERS.map((caller) => ({ name, caller, entry })));

  it.each(cases)('$name as $caller', async ({ caller, entry }) => {
    const [role, scope] = caller.split(':') as [string, string | undefined];
    const options = await entry.prepare(writerUsers.get(role as Role));
    const before = await fingerprint(db);
    const response = await call(entry.handler, { ...options, token: tokens.get(caller) });

    let expected: number;
    if (caller === 'anonymous' || caller === 'disabled') expected = 401;
    else if (caller === 'pending') expected = 403;
    else if (!entry.writers) expected = entry.success;
    else if (scope === 'READ') expected = 403;
    else expected = entry.writers.includes(role as Role) ? entry.success : 403;

    const status = options.headers?.['if-none-match'] && expected === 200 ? 201 : expected;
    expect({ status: response.status, body: response.status >= 400 ? response.json : undefined }).toMatchObject({
      status,
    });
    if (response.status >= 400 || !entry.writers) expect(await fingerprint(db)).toBe(before);
  });
});
