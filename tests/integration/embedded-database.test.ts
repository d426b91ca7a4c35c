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

describe('prisma/schema.prisma and prisma/migrations', () => {
  it('agree: every schema change has its migration (run npm run db:migrate:new -- <name> if this fails)', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });
});
