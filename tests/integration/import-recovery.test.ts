import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { importWasApplied } from '@/lib/operations/transfer';
import { claimImport, saveImport } from '@/lib/transfer/import-store';
import { createTestDatabase } from '../support/test-database';
import { evidenceCsv, evidenceRow } from '../support/transfer';
import { signedInUser } from '../support/users';

/**
 * An apply claims its stored file by renaming it to `<token>.applying-<pid>`. When that process is killed, the
 * claim is recovered on the next try: put back if the import never committed (no upload again), removed if it
 * did (never applied twice). The database says which, through the import's audit event.
 */
let db: Database;
let dispose: () => Promise<void>;
let dir: string;
let deadPid: number;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  dir = mkdtempSync(join(tmpdir(), 'ct-import-recovery-'));
  const gone = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => gone.once('exit', resolve));
  deadPid = gone.pid!;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dispose?.();
});

/** Leaves the stored file as a killed apply would: claimed by a process that no longer runs. */
function killedClaim(token: string) {
  renameSync(join(dir, `${token}.csv`), join(dir, `${token}.applying-${deadPid}`));
}

describe('a killed import apply', () => {
  it('that never committed leaves its file claimable again, with the same bytes', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const bytes = new TextEncoder().encode(await evidenceCsv([evidenceRow()]));
    const stored = await saveImport(bytes, { userId: editor.id, fileName: 'killed.csv' }, dir);
    killedClaim(stored.token);
    expect(await claimImport(stored.token, editor.id, dir)).toBeNull();
    const wasApplied = (token: string) => importWasApplied(db.prisma, token);
    const claimed = await claimImport(stored.token, editor.id, dir, wasApplied);
    expect(claimed?.bytes).toEqual(bytes);
    // A live claim (this process) is not taken from its owner.
    expect(await claimImport(stored.token, editor.id, dir, wasApplied)).toBeNull();
    await claimed!.release();
  });

  it('that committed is not applied again, and its file is removed', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const csv = await evidenceCsv([evidenceRow({ summary_en: 'applied once' })]);
    const stored = await saveImport(new TextEncoder().encode(csv), { userId: editor.id, fileName: 'done.csv' }, dir);
    const outcome = await operations.importEvidence.run(
      { user: editor.user, requestId: null, prisma: db.prisma },
      { csv, fileName: 'done.csv', token: stored.token },
    );
    expect(outcome).toMatchObject({ ok: true, value: { created: 1 } });
    // Killed after the commit, before the file was removed.
    killedClaim(stored.token);
    const claimed = await claimImport(stored.token, editor.id, dir, (token) => importWasApplied(db.prisma, token));
    expect(claimed).toBeNull();
    expect(readdirSync(dir).filter((name) => name.startsWith(stored.token))).toEqual([]);
  });
});
