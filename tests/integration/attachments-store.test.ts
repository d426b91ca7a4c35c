import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';
import {
  attachmentsDir,
  readAttachment,
  removeStoredFile,
  resolveStoragePath,
  sha256Hex,
  storeAttachment,
} from '@/lib/attachments/store';

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'attachments-test-'));
  dir = join(root, 'attachments');
  // env() reads the environment once, on first use; nothing in this file has used it yet.
  process.env.ATTACHMENT_DIR = join(root, 'configured');
});
afterAll(async () => {
  delete process.env.ATTACHMENT_DIR;
  if (root) await rm(root, { recursive: true, force: true });
});

const pdf = new TextEncoder().encode('%PDF-1.7\nevidence of implementation\n%%EOF\n');

async function filesUnder(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe('storeAttachment and readAttachment', () => {
  it('store the bytes under their SHA-256 and read them back', async () => {
    const stored = await storeAttachment(pdf, dir);
    const sha256 = sha256Hex(pdf);
    expect(stored).toEqual({
      sha256,
      size: pdf.length,
      storagePath: `${sha256.slice(0, 2)}/${sha256}`,
      created: true,
    });
    expect(await filesUnder(dir)).toEqual([join(sha256.slice(0, 2), sha256)]);
    const read = await readAttachment(stored.storagePath, stored.sha256, dir);
    expect(read.ok && Buffer.from(read.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(await readAttachment(stored.storagePath, stored.sha256.toUpperCase(), dir)).toMatchObject({ ok: true });
  });

  it('store the same bytes twice as one file, leaving no temporary file', async () => {
    const bytes = new TextEncoder().encode('same bytes twice');
    const first = await storeAttachment(bytes, dir);
    const second = await storeAttachment(bytes, dir);
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    const inFolder = await readdir(join(dir, first.sha256.slice(0, 2)));
    expect(inFolder).toEqual([first.sha256]);
    const concurrent = await Promise.all([1, 2, 3].map(() => storeAttachment(bytes, dir)));
    expect(concurrent).toEqual([1, 2, 3].map(() => ({ ...first, created: false })));
    expect(await readdir(join(dir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('report a missing file as missing', async () => {
    const sha256 = sha256Hex(new TextEncoder().encode('never stored'));
    expect(await readAttachment(`${sha256.slice(0, 2)}/${sha256}`, sha256, dir)).toEqual({
      ok: false,
      problem: 'missing',
    });
    expect(await readAttachment(`${sha256.slice(0, 2)}/${sha256}`, sha256, join(root, 'no-such-dir'))).toEqual({
      ok: false,
      problem: 'missing',
    });
  });

  it('report a file with one flipped byte as corrupt, and storing it again repairs it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\nto be damaged\n');
    const stored = await storeAttachment(bytes, dir);
    const path = join(dir, stored.storagePath);
    const damaged = await readFile(path);
    damaged[10] = damaged[10]! ^ 0x01;
    await writeFile(path, damaged);
    expect(await readAttachment(stored.storagePath, stored.sha256, dir)).toEqual({ ok: false, problem: 'corrupt' });
    await writeFile(path, new Uint8Array());
    expect(await readAttachment(stored.storagePath, stored.sha256, dir)).toEqual({ ok: false, problem: 'corrupt' });
    await storeAttachment(bytes, dir);
    expect(await readAttachment(stored.storagePath, stored.sha256, dir)).toMatchObject({ ok: true });
  });

  it('report a folder where the file should be as corrupt', async () => {
    const sha256 = sha256Hex(new TextEncoder().encode('a folder instead'));
    await mkdir(join(dir, sha256.slice(0, 2), sha256), { recursive: true });
    expect(await readAttachment(`${sha256.slice(0, 2)}/${sha256}`, sha256, dir)).toEqual({
      ok: false,
      problem: 'corrupt',
    });
  });

  it('leave nothing behind when the file cannot be put in place', async () => {
    const bytes = new TextEncoder().encode('blocked by a folder');
    const sha256 = sha256Hex(bytes);
    const folder = join(dir, sha256.slice(0, 2));
    await mkdir(join(folder, sha256, 'occupied'), { recursive: true });
    await expect(storeAttachment(bytes, dir)).rejects.toThrow();
    expect(await readdir(folder)).toEqual([sha256]);
    expect(await readdir(join(folder, sha256))).toEqual(['occupied']);
  });
});

describe('storage paths', () => {
  it('refuse every path that could leave the attachments directory', async () => {
    const secret = new TextEncoder().encode('outside the attachments directory');
    await writeFile(join(root, 'secret.txt'), secret);
    const sha256 = sha256Hex(secret);
    for (const storagePath of [
      '../secret.txt',
      'ab/../../secret.txt',
      join(root, 'secret.txt'),
      '/etc/passwd',
      'ab\\..\\..\\secret.txt',
      './ab',
      'ab/./cd',
      'ab//cd',
      '',
      '.',
      '..',
      'ab/.hidden.tmp',
      'ab/c\u0000d',
      'ab/%2e%2e',
    ]) {
      expect(resolveStoragePath(storagePath, dir), storagePath).toBeNull();
      expect(await readAttachment(storagePath, sha256, dir), storagePath).toEqual({ ok: false, problem: 'corrupt' });
      await expect(removeStoredFile(storagePath, dir), storagePath).rejects.toThrow(/Refused/);
    }
    expect(await readFile(join(root, 'secret.txt'))).toEqual(Buffer.from(secret));
    expect(resolveStoragePath('ab/abc123', dir)).toBe(join(dir, 'ab', 'abc123'));
  });

  it('remove a stored file, and accept removing one already gone', async () => {
    const stored = await storeAttachment(new TextEncoder().encode('to be removed'), dir);
    await removeStoredFile(stored.storagePath, dir);
    expect(await readAttachment(stored.storagePath, stored.sha256, dir)).toEqual({ ok: false, problem: 'missing' });
    await expect(removeStoredFile(stored.storagePath, dir)).resolves.toBeUndefined();
  });

  it('default to ATTACHMENT_DIR', async () => {
    expect(attachmentsDir()).toBe(join(root, 'configured'));
    const stored = await storeAttachment(pdf);
    expect(await filesUnder(join(root, 'configured'))).toEqual([join(stored.storagePath)]);
    expect(await readAttachment(stored.storagePath, stored.sha256)).toMatchObject({ ok: true });
  });
});

describe('a save whose transaction fails', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await createTestDatabase());
    // A real failure after the files are stored: PostgreSQL refuses this one revision.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_marked_revision() RETURNS trigger AS $$
      BEGIN
        IF NEW.summary::text LIKE '%refused by the database%' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse_marked_revision BEFORE INSERT ON "EvidenceRevision"
      FOR EACH ROW EXECUTE FUNCTION refuse_marked_revision()`);
  });
  afterAll(async () => dispose?.());

  const evidence = (summaryEn: string, files: Uint8Array[]) => ({
    actorCode: 'KEN',
    commitmentCode: 'P08-financing',
    observedOn: '2024-03-01',
    status: 'IN_PROGRESS',
    summaryEn,
    sources: [{ type: 'OTHER', reference: 'Gazette' }],
    attachments: files.map((bytes, index) => ({ fileName: `file-${index}.pdf`, size: bytes.length, bytes })),
  });
  const pdfOf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);

  it('leaves none of the files it wrote, but keeps those other attachments use', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const context = { user: editor.user, requestId: null, prisma: db.prisma };
    const shared = pdfOf('kept: another record has it');
    const saved = await operations.createEvidence.run(context, evidence('fine', [shared]));
    expect(saved.ok).toBe(true);
    const before = await filesUnder(attachmentsDir());

    // Each refused save is logged as the operation's internal failure, once.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const orphan = pdfOf(`only in the failed save ${Math.random()}`);
    const failed = await operations.createEvidence.run(context, evidence('refused by the database', [shared, orphan]));
    expect(failed).toMatchObject({ ok: false, status: 500 });
    expect(await filesUnder(attachmentsDir())).toEqual(before);
    expect(before).toContain(join(sha256Hex(shared).slice(0, 2), sha256Hex(shared)));

    if (!saved.ok) return;
    const update = await operations.updateEvidence.run(context, {
      ...evidence('refused by the database', [orphan]),
      id: saved.value.id,
      version: 1,
    });
    expect(update).toMatchObject({ ok: false, status: 500 });
    expect(await filesUnder(attachmentsDir())).toEqual(before);
    expect(logged.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('Operation createEvidence failed'),
      expect.stringContaining('Operation updateEvidence failed'),
    ]);
    logged.mockRestore();
  });
});
