import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { defineOperation } from '@/lib/operations/define';
import {
  isRetryableTransactionError,
  runTransaction,
  TRANSACTION_ATTEMPTS,
  TransactionConflictError,
} from '@/lib/transaction';
import { POSTGRES_SKIP_MESSAGE, TEST_DATABASE_URL } from '../support/databases';
import { seededDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * Real serialization failures (40001) and deadlocks (40P01), provoked on PostgreSQL through Prisma's pg adapter:
 * the shape they arrive in, that runTransaction runs the whole transaction again, and that it gives up after a
 * bounded number of attempts, which the operation wrapper reports as a 409 write_conflict.
 */
if (!TEST_DATABASE_URL) console.warn(POSTGRES_SKIP_MESSAGE);

describe.skipIf(!TEST_DATABASE_URL)('transaction retries on PostgreSQL', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let user: CurrentUser;

  beforeAll(async () => {
    ({ db, dispose } = await seededDatabase('postgresql'));
    user = (await signedInUser(db.prisma, 'EDITOR')).user!;
    await db.prisma.$executeRaw`INSERT INTO "Setting" (key, value, "updatedAt")
      VALUES ('test.x', '0'::jsonb, now()), ('test.y', '0'::jsonb, now()), ('test.z', '0'::jsonb, now())`;
  });
  afterAll(async () => dispose?.());

  const bump = (tx: Prisma.TransactionClient, key: string) =>
    tx.$executeRaw`UPDATE "Setting" SET value = to_jsonb(value::text::int + 1) WHERE key = ${key}`;
  const valueOf = async (key: string) => Number((await db.prisma.setting.findUniqueOrThrow({ where: { key } })).value);

  /**
   * A transaction that always fails with 40001: it reads test.z under REPEATABLE READ, another connection then
   * changes test.z and commits, and the transaction's own update of test.z cannot be serialized.
   */
  async function serializationFailure(tx: Prisma.TransactionClient, viaModel: boolean) {
    await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`;
    await tx.setting.findUniqueOrThrow({ where: { key: 'test.z' } });
    await bump(db.prisma as unknown as Prisma.TransactionClient, 'test.z');
    if (viaModel) await tx.setting.update({ where: { key: 'test.z' }, data: { value: 42 } });
    else await bump(tx, 'test.z');
  }

  /** Two transactions that update test.x and test.y in opposite orders, each waiting for the other's first. */
  function deadlockPair(attempts: { a: number; b: number }) {
    let aFirst!: () => void;
    let bFirst!: () => void;
    const aDone = new Promise<void>((resolve) => (aFirst = resolve));
    const bDone = new Promise<void>((resolve) => (bFirst = resolve));
    const a = runTransaction(db.prisma, async (tx) => {
      attempts.a++;
      await bump(tx, 'test.x');
      aFirst();
      await bDone;
      await bump(tx, 'test.y');
    });
    const b = runTransaction(db.prisma, async (tx) => {
      attempts.b++;
      await bump(tx, 'test.y');
      bFirst();
      await aDone;
      await bump(tx, 'test.x');
    });
    return Promise.all([a, b]);
  }

  it('a serialization failure arrives as P2034 from a model query and as P2010 from a raw one, code 40001 inside', async () => {
    for (const viaModel of [true, false]) {
      const error = await db.prisma
        .$transaction((tx) => serializationFailure(tx, viaModel))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      const known = error as Prisma.PrismaClientKnownRequestError;
      expect(known.code).toBe(viaModel ? 'P2034' : 'P2010');
      expect(
        (known.meta as { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } }).driverAdapterError
          ?.cause,
      ).toMatchObject({ originalCode: '40001', kind: 'TransactionWriteConflict' });
      expect(isRetryableTransactionError(error)).toBe(true);
    }
  });

  it('a deadlock aborts one of two transactions with 40P01, which runs again and succeeds', async () => {
    const before = [await valueOf('test.x'), await valueOf('test.y')];
    const attempts = { a: 0, b: 0 };
    await deadlockPair(attempts);
    // PostgreSQL aborted exactly one of them; it ran once more. Both committed exactly once.
    expect(attempts.a + attempts.b).toBe(3);
    expect([await valueOf('test.x'), await valueOf('test.y')]).toEqual([before[0]! + 2, before[1]! + 2]);
  });

  it('gives up after a bounded number of attempts and reports the last error', async () => {
    let attempts = 0;
    const error = await runTransaction(db.prisma, (tx) => {
      attempts++;
      return serializationFailure(tx, false);
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransactionConflictError);
    expect((error as TransactionConflictError).attempts).toBe(TRANSACTION_ATTEMPTS);
    expect(isRetryableTransactionError((error as TransactionConflictError).lastError)).toBe(true);
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    const error = await runTransaction(db.prisma, async (tx) => {
      attempts++;
      await tx.$executeRaw`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('test.x', '1'::jsonb, now())`;
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isRetryableTransactionError(error)).toBe(false);
    expect(attempts).toBe(1);
  });

  it('the operation wrapper retries a conflict, and after the last attempt answers 409 write_conflict', async () => {
    let attempts = 0;
    const flaky = defineOperation({
      name: 'testFlaky',
      permission: 'signed-in',
      input: z.object({ failures: z.number() }),
      async execute({ tx }, input) {
        attempts++;
        if (attempts <= input.failures) await serializationFailure(tx, true);
        await bump(tx, 'test.x');
        return attempts;
      },
    });
    const context = { user, requestId: null, prisma: db.prisma };

    const x = await valueOf('test.x');
    expect(await flaky.run(context, { failures: TRANSACTION_ATTEMPTS - 1 })).toEqual({
      ok: true,
      value: TRANSACTION_ATTEMPTS,
    });
    expect(await valueOf('test.x')).toBe(x + 1);

    attempts = 0;
    expect(await flaky.run(context, { failures: TRANSACTION_ATTEMPTS })).toMatchObject({
      ok: false,
      status: 409,
      code: 'write_conflict',
      message: 'writeConflict',
    });
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
    expect(await valueOf('test.x')).toBe(x + 1);
  });
});
