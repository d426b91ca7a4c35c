import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/lib/db';
import { DatabaseInUseError } from '@/lib/db-target';
import { checkHealth } from '@/lib/data/health';
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

  it('the health check tells the public only that the database cannot be reached', async () => {
    const holder = globalThis as { __commitmentTrackerDb?: Promise<unknown> };
    const failing = Promise.reject(
      new DatabaseInUseError('The embedded database in /srv/secret/pglite is in use by process 4242.'),
    );
    failing.catch(() => {});
    holder.__commitmentTrackerDb = failing;
    // The details go to the server's log only.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const health = await checkHealth();
      expect(health).toMatchObject({ status: 'error', reason: 'The database cannot be reached.' });
      expect(JSON.stringify(health)).not.toMatch(/secret|4242/);
      expect(logged).toHaveBeenCalledOnce();
      expect(String(logged.mock.calls[0]![0])).toContain('the database cannot be reached');
    } finally {
      logged.mockRestore();
      holder.__commitmentTrackerDb = undefined;
    }
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

/** Runs tests/support/lock-child.ts; resolves with the process once its output contains `until`. */
function lockChild(args: string[], until: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/lock-child.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      if (until.test(output)) resolve({ child, output: () => output });
    });
    child.on('exit', () => (until.test(output) ? undefined : reject(new Error(`child said: ${output}`))));
  });
}

describe('one npm start per embedded database', () => {
  let scratch: ReturnType<typeof createPgliteDirectory> | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await scratch?.dispose();
  });

  it('the lock npm start takes first excludes every other process, but not the server it starts', async () => {
    scratch = createPgliteDirectory();
    const holder = await lockChild(['hold', scratch.dir], /child (opened|refused)/);
    children.push(holder.child);
    // The holder's own child (the server npm start runs) opened the database while the lock was held.
    expect(holder.output()).toMatch(/^held\nchild opened/);
    await expect(openDatabase(scratch.target)).rejects.toThrow(DatabaseInUseError);
    const second = await lockChild(['hold', scratch.dir], /refused|held/);
    children.push(second.child);
    expect(second.output()).toBe('refused\n');

    // Once the holder is gone (killed, as by kill -9), its stale lock is taken over.
    await new Promise((resolve) => {
      holder.child.once('exit', resolve);
      holder.child.kill('SIGKILL');
    });
    const again = await openDatabase(scratch.target);
    await again.close();
  });

  it('a stale lock found by several starting processes at once is taken by exactly one', async () => {
    scratch = createPgliteDirectory();
    mkdirSync(scratch.dir, { recursive: true });
    // The pid of a process that has exited.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(`${scratch.dir}.lock`, String(gone.pid));
    const racers = await Promise.all([1, 2, 3, 4].map(() => lockChild(['hold', scratch!.dir], /^(held|refused)\n/)));
    children.push(...racers.map((racer) => racer.child));
    const outcomes = racers.map((racer) => racer.output().split('\n')[0]).sort();
    expect(outcomes).toEqual(['held', 'refused', 'refused', 'refused']);
  });
});

describe('prisma/schema.prisma and prisma/migrations', () => {
  it('agree: every schema change has its migration (run npm run db:migrate:new -- <name> if this fails)', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });
});
