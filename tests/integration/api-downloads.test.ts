import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditExport from '@/app/api/admin/audit/export/route';
import * as attachmentRoute from '@/app/api/attachments/[id]/route';
import * as evidenceExport from '@/app/api/export/evidence/route';
import * as matrixExport from '@/app/api/export/matrix/route';
import * as ratificationExport from '@/app/api/export/ratification/route';
import * as evidenceItem from '@/app/api/v1/evidence/[id]/route';
import { storeAttachment } from '@/lib/attachments/store';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { PUBLIC_VIEW_KEY } from '@/lib/settings';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * The download routes outside /api/v1 — attachments and the CSV exports — accept the API's bearer token through
 * the API's own caller check (lib/api/auth.ts), with the same read rules: an API client can fetch the attachment
 * URLs the API returns, and a revoked token, a pending one-time password or no credentials are refused alike.
 */
let root: string;
let db: Database;
let dispose: () => Promise<void>;
let editor: Awaited<ReturnType<typeof signedInUser>>;
let evidenceId: number;
let attachmentId: number;
const pdf = new TextEncoder().encode('%PDF-1.7\nevidence fetched with a token\n%%EOF\n');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'api-downloads-'));
  // env() reads the environment once, on first use; nothing has used it yet.
  process.env.ATTACHMENT_DIR = join(root, 'attachments');
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  await db.prisma.setting.upsert({
    where: { key: PUBLIC_VIEW_KEY },
    create: { key: PUBLIC_VIEW_KEY, value: false },
    update: { value: false },
  });
  editor = await signedInUser(db.prisma, 'EDITOR');
  const created = await operations.createEvidence.run(
    { user: editor.user, requestId: null, prisma: db.prisma },
    {
      actorCode: 'KEN',
      commitmentCode: 'P08-financing',
      observedOn: '2024-03-01',
      status: 'IN_PROGRESS',
      summaryEn: 'Terrorist financing bill tabled in parliament.',
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
      intent: 'draft',
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  evidenceId = created.value.id;
  const revision = await db.prisma.evidenceRevision.findFirstOrThrow({ where: { evidenceId } });
  const stored = await storeAttachment(pdf);
  const attachment = await db.prisma.attachment.create({
    data: {
      revisionId: revision.id,
      fileName: 'bill.pdf',
      contentType: 'application/pdf',
      size: stored.size,
      sha256: stored.sha256,
      storagePath: stored.storagePath,
      uploadedById: editor.id,
    },
  });
  attachmentId = attachment.id;
});
afterAll(async () => {
  await dispose?.();
  delete process.env.ATTACHMENT_DIR;
  if (root) await rm(root, { recursive: true, force: true });
});

const attachment = (token?: string) =>
  call(attachmentRoute.GET, {
    path: `/api/attachments/${attachmentId}`,
    params: { id: String(attachmentId) },
    token,
  });

describe('attachments with an API token', () => {
  it('serve the attachment URL the API returns, with the token that read it (a read-only one too)', async () => {
    const { secret } = await tokenFor(db, editor.user!, 'READ');
    const record = await call(evidenceItem.GET, {
      path: `/api/v1/evidence/${evidenceId}`,
      params: { id: String(evidenceId) },
      token: secret,
    });
    expect(record.status).toBe(200);
    const url: string = record.json.data.revision.attachments[0].url;
    expect(url).toBe(`/api/attachments/${attachmentId}`);
    const file = await call(attachmentRoute.GET, { path: url, params: { id: url.split('/').at(-1)! }, token: secret });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('bill.pdf');
    expect(file.text).toBe(new TextDecoder().decode(pdf));
  });

  it('are refused without credentials, with a revoked or unknown token, and while a one-time password is pending', async () => {
    expect((await attachment()).status).toBe(401);
    expect((await attachment(`ct_${'0'.repeat(12)}_${'A'.repeat(43)}`)).json.error.code).toBe('invalid_token');

    const revoked = await tokenFor(db, editor.user!, 'READ');
    await operations.revokeApiToken.run({ user: editor.user, requestId: null, prisma: db.prisma }, { id: revoked.id });
    const refused = await attachment(revoked.secret);
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('invalid_token');

    const pendingUser = await signedInUser(db.prisma, 'VIEWER');
    const pending = await tokenFor(db, pendingUser.user!, 'READ');
    await db.prisma.user.update({ where: { id: pendingUser.id }, data: { mustChangePassword: true } });
    const blocked = await attachment(pending.secret);
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('password_change_required');
  });
});

describe('CSV exports with an API token', () => {
  const exports = [
    { name: 'evidence', handler: evidenceExport.GET, path: '/api/export/evidence', header: 'id,version' },
    { name: 'matrix', handler: matrixExport.GET, path: '/api/export/matrix', header: 'country_code' },
    { name: 'ratification', handler: ratificationExport.GET, path: '/api/export/ratification', header: 'country_code' },
  ];

  it.each(exports)('$name: a token reads the internal data; no credentials get 401', async ({ handler, path }) => {
    const { secret } = await tokenFor(db, editor.user!, 'READ');
    const withToken = await call(handler, { path, token: secret });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toContain('text/csv');
    if (path.endsWith('evidence')) expect(withToken.text).toContain(`\r\n${evidenceId},`);
    const anonymous = await call(handler, { path });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('unauthenticated');
  });

  it('the audit log export takes an admin’s token and refuses anyone else’s', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const adminToken = await tokenFor(db, admin.user!, 'READ');
    const editorToken = await tokenFor(db, editor.user!, 'READ');
    const ok = await call(auditExport.GET, { path: '/api/admin/audit/export', token: adminToken.secret });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('evidence.create');
    expect((await call(auditExport.GET, { path: '/api/admin/audit/export', token: editorToken.secret })).status).toBe(
      403,
    );
    expect((await call(auditExport.GET, { path: '/api/admin/audit/export' })).status).toBe(401);
  });
});
