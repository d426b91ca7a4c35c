import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as actorsRoute from '@/app/api/v1/actors/route';
import * as catchAll from '@/app/api/v1/[[...path]]/route';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import * as evidenceItem from '@/app/api/v1/evidence/[id]/route';
import * as reviewRoute from '@/app/api/v1/evidence/[id]/review/route';
import * as submitRoute from '@/app/api/v1/evidence/[id]/submit/route';
import * as withdrawRoute from '@/app/api/v1/evidence/[id]/withdraw/route';
import * as meRoute from '@/app/api/v1/me/route';
import * as ratificationItem from '@/app/api/v1/ratification/[actorCode]/[instrumentCode]/route';
import * as matrixRoute from '@/app/api/v1/status-matrix/route';
import { ApiError } from '@/lib/api/errors';
import { apiRoute, MAX_BODY_BYTES } from '@/lib/api/route';
import { hashApiToken, LAST_USED_INTERVAL_MS } from '@/lib/auth/api-tokens';
import { authSecret } from '@/lib/auth/secret';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { PUBLIC_VIEW_KEY } from '@/lib/settings';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * The JSON API through its real route handlers on a real database: tokens, the guard, ETag/If-Match, the error
 * shape and statuses, pagination, cookie sessions.
 */
process.env.AUTH_SECRET ??= 'a test secret of at least thirty-two characters';

let db: Database;
let dispose: () => Promise<void>;
type Signed = Awaited<ReturnType<typeof signedInUser>>;
let editor: Signed, reviewer: Signed, viewer: Signed;
let editorToken: string, reviewerToken: string, viewerToken: string;

const EVIDENCE = {
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2024-03-01',
  status: 'IN_PROGRESS',
  summaryEn: 'Terrorist financing bill tabled in parliament.',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
};

async function createEvidence(token = editorToken, body: object = EVIDENCE) {
  return call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token, body });
}

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  [editor, reviewer, viewer] = await Promise.all([
    signedInUser(db.prisma, 'EDITOR'),
    signedInUser(db.prisma, 'REVIEWER'),
    signedInUser(db.prisma, 'VIEWER'),
  ]);
  editorToken = (await tokenFor(db, editor.user!)).secret;
  reviewerToken = (await tokenFor(db, reviewer.user!)).secret;
  viewerToken = (await tokenFor(db, viewer.user!, 'READ')).secret;
});
afterAll(async () => dispose?.());

describe('API tokens', () => {
  it('are shown once, stored only hashed, and identify their owner', async () => {
    const { id, secret } = await tokenFor(db, editor.user!, 'READ');
    expect(secret).toMatch(/^ct_[0-9a-f]{12}_[\w-]{43}$/);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(16));
    expect(secret.startsWith(row.prefix)).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'ApiToken', entityId: String(id) },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(secret.slice(16));

    const me = await call(meRoute.GET, { path: '/api/v1/me', token: secret });
    expect(me.status).toBe(200);
    expect(me.json.data).toMatchObject({
      email: editor.email,
      role: 'EDITOR',
      via: 'token',
      token: { id, scope: 'READ' },
    });
  });

  it('record the last use at most once a minute', async () => {
    const { id, secret } = await tokenFor(db, viewer.user!, 'READ');
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await call(meRoute.GET, { path: '/api/v1/me', token: secret });
    const first = (await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await call(meRoute.GET, { path: '/api/v1/me', token: secret });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    const old = new Date(Date.now() - LAST_USED_INTERVAL_MS - 1000);
    await db.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: old } });
    await call(meRoute.GET, { path: '/api/v1/me', token: secret });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(
      old.getTime(),
    );
  });

  it('stop working when expired, when revoked, and at once when the owner is disabled', async () => {
    const expiring = await tokenFor(db, viewer.user!, 'READ');
    await db.prisma.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(meRoute.GET, { path: '/api/v1/me', token: expiring.secret });
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatchObject({ code: 'invalid_token', message: 'The API token has expired.' });

    const revoking = await tokenFor(db, viewer.user!, 'READ');
    const revoked = await operations.revokeApiToken.run(
      { user: viewer.user, requestId: null, prisma: db.prisma },
      { id: revoking.id },
    );
    expect(revoked.ok).toBe(true);
    expect((await call(meRoute.GET, { path: '/api/v1/me', token: revoking.secret })).status).toBe(401);

    const owner = await signedInUser(db.prisma, 'EDITOR');
    const token = await tokenFor(db, owner.user!);
    expect((await call(meRoute.GET, { path: '/api/v1/me', token: token.secret })).status).toBe(200);
    await db.prisma.user.update({ where: { id: owner.id }, data: { disabled: true } });
    const disabled = await call(meRoute.GET, { path: '/api/v1/me', token: token.secret });
    expect(disabled.status).toBe(401);
    expect(disabled.json.error.message).toContain('disabled');
  });

  it('of another user may be revoked by an admin only', async () => {
    const token = await tokenFor(db, editor.user!, 'READ');
    const byOther = await operations.revokeApiToken.run(
      { user: viewer.user, requestId: null, prisma: db.prisma },
      { id: token.id },
    );
    expect(byOther).toMatchObject({ ok: false, status: 404 });
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const byAdmin = await operations.revokeApiToken.run(
      { user: admin.user, requestId: null, prisma: db.prisma },
      { id: token.id },
    );
    expect(byAdmin.ok).toBe(true);
    const forOther = await operations.createApiToken.run(
      { user: viewer.user, requestId: null, prisma: db.prisma },
      { name: 'x', scope: 'READ', expiresInDays: 7, userId: editor.id },
    );
    expect(forOther).toMatchObject({ ok: false, status: 403 });
    const adminFor = await operations.createApiToken.run(
      { user: admin.user, requestId: null, prisma: db.prisma },
      { name: 'for editor', scope: 'READ', expiresInDays: 7, userId: String(editor.id) },
    );
    expect(
      adminFor.ok && (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: adminFor.value.id } })).userId,
    ).toBe(editor.id);
  });

  it('live 7 to 365 days: other lifetimes are refused with the same field error, nothing written', async () => {
    const run = (expiresInDays: unknown) =>
      operations.createApiToken.run(
        { user: viewer.user, requestId: null, prisma: db.prisma },
        { name: 'lifetime', scope: 'READ', expiresInDays },
      );
    const before = await db.prisma.apiToken.count();
    for (const days of [0, 1, 6, '6', 366, '366', 3650, 7.5, 'a year']) {
      expect(await run(days)).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { expiresInDays: ['tokenExpiryInvalid'] },
      });
    }
    expect(await db.prisma.apiToken.count()).toBe(before);
    for (const days of [7, '365']) {
      const created = await run(days);
      expect(created.ok).toBe(true);
      const row = created.ok && (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.value.id } }));
      const lifetimeDays = row ? (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000 : 0;
      expect(Math.round(lifetimeDays)).toBe(Number(days));
    }
  });

  it('with read scope never write, even for an editor: 403 at the API and in the operation', async () => {
    const { secret } = await tokenFor(db, editor.user!, 'READ');
    const refused = await createEvidence(secret);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('token_read_only');
    const me = await call(meRoute.GET, { path: '/api/v1/me', token: secret });
    const readOnlyUser = { ...editor.user!, apiToken: { id: me.json.data.token.id, scope: 'READ' as const } };
    const outcome = await operations.createEvidence.run(
      { user: readOnlyUser, requestId: null, prisma: db.prisma },
      EVIDENCE,
    );
    expect(outcome).toMatchObject({ ok: false, status: 403, code: 'token_read_only' });
  });

  it('of a user who must change a one-time password are refused until they do', async () => {
    const owner = await signedInUser(db.prisma, 'EDITOR');
    const token = await tokenFor(db, owner.user!);
    await db.prisma.user.update({ where: { id: owner.id }, data: { mustChangePassword: true } });
    const refused = await call(meRoute.GET, { path: '/api/v1/me', token: token.secret });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('password_change_required');
  });

  it('that fail too often from one address get 429 with Retry-After, also for a valid token', async () => {
    const ip = '192.0.2.77';
    const bogus = `ct_${'0'.repeat(12)}_${'A'.repeat(43)}`;
    for (let attempt = 0; attempt < 30; attempt++) {
      const failed = await call(meRoute.GET, { path: '/api/v1/me', token: bogus, ip });
      expect(failed.status).toBe(401);
    }
    const limited = await call(meRoute.GET, { path: '/api/v1/me', token: editorToken, ip });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(meRoute.GET, { path: '/api/v1/me', token: editorToken })).status).toBe(200);
  });
});

describe('evidence with ETag and If-Match', () => {
  it('creates, refuses a missing (428) or stale (412) If-Match, saves with the current one, submits and reviews', async () => {
    const created = await createEvidence();
    expect(created.status).toBe(201);
    const id = created.json.data.id as number;
    expect(created.headers.get('location')).toBe(`/api/v1/evidence/${id}`);
    const etag = created.headers.get('etag')!;
    expect(etag).toBe(`"evidence-${id}-v1"`);

    const read = await call(evidenceItem.GET, {
      path: `/api/v1/evidence/${id}`,
      params: { id: String(id) },
      token: viewerToken,
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(etag);
    expect(read.json.data).toMatchObject({ state: 'DRAFT', actor: 'KEN', revision: { status: 'IN_PROGRESS' } });

    const put = (headers: Record<string, string>, body: object = { ...EVIDENCE, status: 'PARTIALLY_IMPLEMENTED' }) =>
      call(evidenceItem.PUT, {
        method: 'PUT',
        path: `/api/v1/evidence/${id}`,
        params: { id: String(id) },
        token: editorToken,
        headers,
        body,
      });

    const missing = await put({});
    expect(missing.status).toBe(428);
    expect(missing.json.error.code).toBe('precondition_required');
    const saved = await put({ 'if-match': etag });
    expect(saved.status).toBe(200);
    const newTag = saved.headers.get('etag');
    expect(newTag).toBe(`"evidence-${id}-v2"`);
    expect(saved.json.data.revision).toMatchObject({ number: 2, status: 'PARTIALLY_IMPLEMENTED' });
    const stale = await put({ 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('precondition_failed');
    const weak = await put({ 'if-match': `W/${newTag}` });
    expect(weak.status).toBe(412);

    const submitted = await call(submitRoute.POST, {
      method: 'POST',
      path: `/api/v1/evidence/${id}/submit`,
      params: { id: String(id) },
      token: editorToken,
      headers: { 'if-match': newTag! },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json.data.state).toBe('SUBMITTED');

    const review = (token: string, body: object) =>
      call(reviewRoute.POST, {
        method: 'POST',
        path: `/api/v1/evidence/${id}/review`,
        params: { id: String(id) },
        token,
        headers: { 'if-match': submitted.headers.get('etag')! },
        body,
      });
    const own = await review(editorToken, { decision: 'verify' });
    expect(own.status).toBe(403);
    const noComment = await review(reviewerToken, { decision: 'return' });
    expect(noComment.status).toBe(422);
    expect(noComment.json.error.fields).toEqual({ comment: ['commentRequired'] });
    const verified = await review(reviewerToken, { decision: 'verify' });
    expect(verified.status).toBe(200);
    expect(verified.json.data).toMatchObject({ state: 'VERIFIED', revision: { reviewer: reviewer.email } });
    const current = await db.prisma.currentStatus.findFirst({ where: { actor: { code: 'KEN' } } });
    expect(current?.status).toBe('PARTIALLY_IMPLEMENTED');

    const again = await review(reviewerToken, { decision: 'verify' });
    expect(again.status).toBe(412);
  });

  it('refuses to review one’s own record with 409', async () => {
    const selfReviewer = await signedInUser(db.prisma, 'REVIEWER');
    const token = (await tokenFor(db, selfReviewer.user!)).secret;
    const created = await createEvidence(token, { ...EVIDENCE, intent: 'submit' });
    const id = created.json.data.id as number;
    const own = await call(reviewRoute.POST, {
      method: 'POST',
      path: `/api/v1/evidence/${id}/review`,
      params: { id: String(id) },
      token,
      headers: { 'if-match': created.headers.get('etag')! },
      body: { decision: 'verify' },
    });
    expect(own.status).toBe(409);
    expect(own.json.error.code).toBe('own_record');
  });
});

describe('ratification status', () => {
  it('is first recorded with If-None-Match: * (201), then changed with If-Match', async () => {
    const path = '/api/v1/ratification/KEN/hostages-1979';
    const params = { actorCode: 'KEN', instrumentCode: 'hostages-1979' };
    const body = { status: 'ACCESSION', consentedOn: '1981-12-08', sourceUrl: 'https://treaties.un.org/' };
    expect((await call(ratificationItem.GET, { path, params, token: viewerToken })).status).toBe(404);
    expect((await call(ratificationItem.PUT, { method: 'PUT', path, params, token: editorToken, body })).status).toBe(
      428,
    );
    const first = await call(ratificationItem.PUT, {
      method: 'PUT',
      path,
      params,
      token: editorToken,
      body,
      headers: { 'if-none-match': '*' },
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"ratification-KEN.hostages-1979-v1"');
    const twice = await call(ratificationItem.PUT, {
      method: 'PUT',
      path,
      params,
      token: editorToken,
      body,
      headers: { 'if-none-match': '*' },
    });
    expect(twice.status).toBe(412);
    const changed = await call(ratificationItem.PUT, {
      method: 'PUT',
      path,
      params,
      token: editorToken,
      body: { ...body, note: 'Checked.' },
      headers: { 'if-match': first.headers.get('etag')! },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.data).toMatchObject({ version: 2, note: 'Checked.', party: true });
    const invalid = await call(ratificationItem.PUT, {
      method: 'PUT',
      path,
      params,
      token: editorToken,
      body: { status: 'ACCESSION' },
      headers: { 'if-match': changed.headers.get('etag')! },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.fields).toEqual({ consentedOn: ['consentDateRequired'] });
  });
});

describe('errors', () => {
  const post = (options: { headers?: Record<string, string>; body?: unknown; token?: string }) =>
    call(evidenceRoute.POST, { method: 'POST', path: '/api/v1/evidence', token: editorToken, ...options });

  it('have one shape and the right status', async () => {
    const cases: [Promise<Awaited<ReturnType<typeof call>>>, number, string][] = [
      [post({ body: '{"actorCode": ' }), 400, 'invalid_json'],
      [post({ body: '[1,2]' }), 400, 'invalid_body'],
      [call(evidenceRoute.GET, { path: '/api/v1/evidence?limit=501', token: viewerToken }), 400, 'invalid_query'],
      [
        call(evidenceRoute.GET, { path: '/api/v1/evidence?cursor=nonsense', token: viewerToken }),
        400,
        'invalid_cursor',
      ],
      [call(evidenceRoute.GET, { path: '/api/v1/evidence' }), 401, 'unauthenticated'],
      [
        call(evidenceRoute.GET, { path: '/api/v1/evidence', headers: { authorization: 'Basic abc' } }),
        401,
        'unauthenticated',
      ],
      [post({ token: viewerToken }), 403, 'token_read_only'],
      [
        call(evidenceItem.GET, { path: '/api/v1/evidence/999999', params: { id: '999999' }, token: viewerToken }),
        404,
        'not_found',
      ],
      [
        call(evidenceItem.GET, { path: '/api/v1/evidence/abc', params: { id: 'abc' }, token: viewerToken }),
        404,
        'not_found',
      ],
      [call(catchAll.GET, { path: '/api/v1/nothing/here', params: { path: ['nothing', 'here'] } }), 404, 'not_found'],
      [call(catchAll.DELETE, { method: 'DELETE', path: '/api/v1/x', params: { path: ['x'] } }), 404, 'not_found'],
      [call(catchAll.GET, { path: '/api/v1' }), 404, 'not_found'],
      [
        post({ body: 'x'.repeat(MAX_BODY_BYTES + 1), headers: { 'content-type': 'application/json' } }),
        413,
        'payload_too_large',
      ],
      [
        post({ body: 'actorCode=KEN', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
        'unsupported_media_type',
      ],
      [post({ body: { ...EVIDENCE, observedOn: '2999-01-01', sources: [] } }), 422, 'validation_failed'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect({ status: response.status, code: response.json?.error?.code }).toEqual({ status, code });
      expect(Object.keys(response.json.error).sort()).toEqual(expect.arrayContaining(['code', 'message', 'requestId']));
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
  });

  it('names every invalid field with its problem', async () => {
    const response = await post({
      body: { ...EVIDENCE, observedOn: '2999-01-01', sources: [], actorCode: 'ZZZZ', intent: 'submit' },
    });
    expect(response.status).toBe(422);
    expect(response.json.error.fields).toMatchObject({ observedOn: ['dateInFuture'], sources: ['sourceRequired'] });
    const unknown = await post({ body: { ...EVIDENCE, actorCode: 'ZZZ' } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields).toEqual({ actorCode: ['unknownCountry'] });
  });

  it('a client’s X-Request-Id never becomes the audit trail’s request id', async () => {
    const forged = `forged-${Date.now()}`;
    const response = await call(evidenceRoute.POST, {
      method: 'POST',
      path: '/api/v1/evidence',
      token: editorToken,
      headers: { 'x-request-id': forged },
      body: EVIDENCE,
    });
    expect(response.status).toBe(201);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.create', entityId: String(response.json.data.id) },
    });
    expect(event.requestId).not.toBe(forged);
    expect(event.requestId).toBe(response.headers.get('x-request-id'));
    expect(response.headers.get('x-client-request-id')).toBe(forged);
    expect(await db.prisma.auditEvent.count({ where: { requestId: forged } })).toBe(0);
  });

  it('an unexpected failure is a logged 500 with a request id and no stack trace', async () => {
    const failing = apiRoute('public', async () => {
      throw new Error('database exploded at /secret/path.ts:12');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await call(failing, { path: '/api/v1/anything', headers: { 'x-request-id': 'req-42' } });
      expect(response.status).toBe(500);
      // The request id is the server's own; the client's is echoed apart and named in the log.
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.json.error).toMatchObject({ code: 'internal', requestId });
      expect(response.headers.get('x-client-request-id')).toBe('req-42');
      expect(response.text).not.toContain('exploded');
      expect(logged).toHaveBeenCalledOnce();
      expect(String(logged.mock.calls[0]![0])).toContain('client request req-42');
    } finally {
      logged.mockRestore();
    }
    const thrown = apiRoute('public', async () => {
      throw new ApiError(409, 'conflict_example', 'x');
    });
    expect((await call(thrown, { path: '/api/v1/x' })).status).toBe(409);
  });
});

describe('lists', () => {
  it('page through evidence with an opaque cursor, each record once, and filter', async () => {
    const created: number[] = [];
    for (const status of ['NOT_STARTED', 'IN_PROGRESS', 'FULLY_IMPLEMENTED', 'IN_PROGRESS', 'NOT_STARTED']) {
      const response = await createEvidence(editorToken, {
        ...EVIDENCE,
        actorCode: 'NOR',
        commitmentCode: 'P08-financing',
        status,
      });
      created.push(response.json.data.id);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/evidence?actor=nor&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await call(evidenceRoute.GET, { path: query, token: viewerToken });
      expect(response.status).toBe(200);
      expect(response.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...response.json.data.map((row: { id: number }) => row.id));
      cursor = response.json.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(created);
    expect(pages).toBe(3);
    const filtered = await call(evidenceRoute.GET, {
      path: '/api/v1/evidence?actor=NOR&status=IN_PROGRESS',
      token: viewerToken,
    });
    expect(filtered.json.data.map((row: { id: number }) => row.id)).toEqual([created[1], created[3]]);
    const none = await call(evidenceRoute.GET, {
      path: '/api/v1/evidence?actor=NOR&observedTo=2020-01-01',
      token: viewerToken,
    });
    expect(none.json).toEqual({ data: [], nextCursor: null });
  });
});

describe('deleting a draft and withdrawing a submission', () => {
  /** A call of DELETE /evidence/{id} or POST /evidence/{id}/withdraw, with If-Match unless `etag` is null. */
  const act = (kind: 'delete' | 'withdraw', id: number, token: string, etag: string | null) =>
    call(kind === 'delete' ? evidenceItem.DELETE : withdrawRoute.POST, {
      method: kind === 'delete' ? 'DELETE' : 'POST',
      path: `/api/v1/evidence/${id}${kind === 'delete' ? '' : '/withdraw'}`,
      params: { id: String(id) },
      token,
      headers: etag === null ? {} : { 'if-match': etag },
    });

  it('are the author’s, need the current ETag, and follow the state rules, with the usual statuses', async () => {
    const draft = await createEvidence();
    const submitted = await createEvidence(editorToken, { ...EVIDENCE, intent: 'submit' });
    for (const [kind, record] of [
      ['delete', draft],
      ['withdraw', submitted],
    ] as const) {
      const { id } = record.json.data;
      const etag = record.headers.get('etag')!;
      expect((await act(kind, id, editorToken, null)).status).toBe(428);
      expect((await act(kind, id, editorToken, `"evidence-${id}-v9"`)).status).toBe(412);
      const other = await act(kind, id, reviewerToken, etag);
      expect({ kind, status: other.status, code: other.json.error.code }).toEqual({
        kind,
        status: 403,
        code: 'not_author',
      });
      expect((await act(kind, 999_999, editorToken, etag)).status).toBe(404);
    }
    // The other one's state forbids each: a submitted record is not deleted, a draft not withdrawn.
    const inReview = await act('delete', submitted.json.data.id, editorToken, submitted.headers.get('etag'));
    expect({ status: inReview.status, code: inReview.json.error.code }).toEqual({ status: 409, code: 'in_review' });
    const notSubmitted = await act('withdraw', draft.json.data.id, editorToken, draft.headers.get('etag'));
    expect(notSubmitted.status).toBe(409);

    const withdrawn = await act('withdraw', submitted.json.data.id, editorToken, submitted.headers.get('etag'));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.data).toMatchObject({ state: 'DRAFT', revision: { state: 'DRAFT', submittedAt: null } });
    const deleted = await act('delete', draft.json.data.id, editorToken, draft.headers.get('etag'));
    expect(deleted.status).toBe(200);
    expect(deleted.json.data).toMatchObject({ id: draft.json.data.id, deleted: true });
    const gone = await call(evidenceItem.GET, {
      path: `/api/v1/evidence/${draft.json.data.id}`,
      params: { id: String(draft.json.data.id) },
      token: viewerToken,
    });
    expect(gone.status).toBe(404);
  });
});

describe('anonymous callers and the public view', () => {
  it('read public data only while the public view is on, and never evidence', async () => {
    await db.prisma.setting.upsert({
      where: { key: PUBLIC_VIEW_KEY },
      create: { key: PUBLIC_VIEW_KEY, value: false },
      update: { value: false },
    });
    expect((await call(actorsRoute.GET, { path: '/api/v1/actors' })).status).toBe(401);
    await db.prisma.setting.update({ where: { key: PUBLIC_VIEW_KEY }, data: { value: true } });
    try {
      const actors = await call(actorsRoute.GET, { path: '/api/v1/actors?kind=MEMBER_STATE' });
      expect(actors.status).toBe(200);
      expect(actors.json.data).toHaveLength(193);
      const matrix = await call(matrixRoute.GET, { path: '/api/v1/status-matrix' });
      expect(matrix.json.data.audience).toBe('public');
      // The verified record above was INTERNAL: the public matrix does not show it, the internal one does.
      expect(matrix.json.data.rows.find((row: { code: string }) => row.code === 'KEN').cells).toEqual({});
      const internal = await call(matrixRoute.GET, { path: '/api/v1/status-matrix', token: viewerToken });
      expect(internal.json.data.audience).toBe('internal');
      expect(internal.json.data.rows.find((row: { code: string }) => row.code === 'KEN').cells).toEqual({
        'P08-financing': 'PARTIALLY_IMPLEMENTED',
      });
      expect((await call(evidenceRoute.GET, { path: '/api/v1/evidence' })).status).toBe(401);
    } finally {
      await db.prisma.setting.update({ where: { key: PUBLIC_VIEW_KEY }, data: { value: false } });
    }
  });
});

describe('session cookies', () => {
  async function cookieFor(sessionId: string) {
    const jwt = await encode({ token: { sid: sessionId }, secret: authSecret() });
    return `next-auth.session-token=${jwt}`;
  }

  it('work for reads, and for writes only from the same origin', async () => {
    const cookie = await cookieFor(editor.sessionId);
    const me = await call(meRoute.GET, { path: '/api/v1/me', headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json.data).toMatchObject({ email: editor.email, via: 'session', token: null });
    const crossSite = await call(evidenceRoute.POST, {
      method: 'POST',
      path: '/api/v1/evidence',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      body: EVIDENCE,
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error.code).toBe('cross_site');
    const sameSite = await call(evidenceRoute.POST, {
      method: 'POST',
      path: '/api/v1/evidence',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body: EVIDENCE,
    });
    expect(sameSite.status).toBe(201);
    const forged = await call(meRoute.GET, {
      path: '/api/v1/me',
      headers: { cookie: 'next-auth.session-token=forged' },
    });
    expect(forged.status).toBe(401);
  });
});
