import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimImport, saveImport } from '@/lib/transfer/import-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-imports-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stored import files', () => {
  it('are claimed by one apply only, by their owner, and deleted once applied', async () => {
    const bytes = new TextEncoder().encode('id,version\r\n');
    const stored = await saveImport(bytes, { userId: 7, fileName: 'mine.csv' }, dir);
    expect(stored.token).toMatch(/^[a-f0-9]{32}$/);
    expect(await claimImport(stored.token, 8, dir)).toBeNull();
    expect(await claimImport('../../etc/passwd', 7, dir)).toBeNull();

    const [first, second] = await Promise.all([claimImport(stored.token, 7, dir), claimImport(stored.token, 7, dir)]);
    const claimed = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(claimed!.bytes).toEqual(bytes);
    expect(claimed!.meta).toMatchObject({ fileName: 'mine.csv', size: bytes.length, userId: 7 });

    // A refused import puts the file back for another try; a successful one removes it for good.
    await claimed!.release();
    const again = await claimImport(stored.token, 7, dir);
    expect(again).not.toBeNull();
    await again!.done();
    expect(await claimImport(stored.token, 7, dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });
});
