import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, openDatabase } from '@/lib/db';
import { applyMigrations, diffSchemaAgainstMigrations } from '@/lib/migrate';
import { createPgliteDirectory, type ScratchDatabase } from '../support/databases';

describe('the embedded database on disk', () => {
  let scratch: ScratchDatabase | undefined;
  afterEach(async () => scratch?.dispose());

  it('keeps its data across restarts', async () => {
    scratch = createPgliteDirectory();
    const first = await openDatabase(scratch.target);
    await applyMigrations(first.adapterFactory);
    await first.prisma.setting.create({ data: { key: 'probe', value: 'kept' } });
    await first.close();

    const second = await openDatabase(scratch.target);
    try {
      expect(await applyMigrations(second.adapterFactory)).toEqual([]);
      expect((await second.prisma.setting.findUnique({ where: { key: 'probe' } }))?.value).toBe('kept');
    } finally {
      await second.close();
    }
  });

  it('refuses a second opener while the first has it open, and says what to do', async () => {
    scratch = createPgliteDirectory();
    const first = await openDatabase(scratch.target);
    try {
      await expect(openDatabase(scratch.target)).rejects.toThrow(DatabaseInUseError);
      await expect(openDatabase(scratch.target)).rejects.toThrow(/in use by process \d+\. Stop that process first/);
    } finally {
      await first.close();
    }
    const again = await openDatabase(scratch.target);
    await again.close();
  });
});

/** Every entry under `root` that group or others may read, write or enter, with its mode in octal. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const info = lstatSync(path);
    if (info.isSymbolicLink()) return;
    if (info.mode & 0o077) found.push(`${path.slice(root.length) || '/'} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(root);
  return found;
}

describe('the embedded database files are private to the server account', () => {
  let scratch: ReturnType<typeof createPgliteDirectory> | undefined;
  const umask = process.umask();
  afterEach(async () => {
    process.umask(umask);
    await scratch?.dispose();
  });

  it('a new directory is created 0700 with 0600 files, under the usual umask 022', async () => {
    process.umask(0o022);
    scratch = createPgliteDirectory();
    const dataDir = dirname(scratch.dir);
    const db = await openDatabase(scratch.target);
    try {
      await applyMigrations(db.adapterFactory);
      await db.prisma.setting.create({ data: { key: 'probe', value: 'private' } });
    } finally {
      await db.close();
    }
    expect(readdirSync(scratch.dir).length).toBeGreaterThan(5);
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it('an existing world-readable directory is made private when it is opened', async () => {
    process.umask(0o022);
    scratch = createPgliteDirectory();
    const dataDir = dirname(scratch.dir);
    const db = await openDatabase(scratch.target);
    await db.close();
    // As an older version left it: everything readable by everyone.
    const loosen = (path: string) => {
      const info = lstatSync(path);
      chmodSync(path, info.isDirectory() ? 0o755 : 0o644);
      if (info.isDirectory()) for (const entry of readdirSync(path)) loosen(join(path, entry));
    };
    mkdirSync(join(dataDir, 'imports'), { recursive: true });
    writeFileSync(join(dataDir, 'imports', 'old.csv'), 'id\n');
    loosen(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(10);

    const again = await openDatabase(scratch.target);
    await again.close();
    expect(openToOthers(dataDir)).toEqual([]);
  });
});

describe('prisma/schema.prisma and prisma/migrations', () => {
  it('agree: every schema change has its migration (run npm run db:migrate:new -- <name> if this fails)', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });
});
