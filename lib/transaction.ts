import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The one way to run a write transaction: Prisma's interactive transaction, run again from the start when
 * PostgreSQL aborts it with a serialization failure (SQLSTATE 40001) or a deadlock (40P01), as PostgreSQL asks of
 * its clients, a bounded number of times with a short random backoff.
 *
 * How those errors reach us through Prisma 7 and @prisma/adapter-pg: the adapter maps both SQLSTATEs to a
 * DriverAdapterError whose `cause` is `{ kind: 'TransactionWriteConflict', originalCode, originalMessage }`. The
 * client turns that into a PrismaClientKnownRequestError with code P2034 when a model query failed, and with code
 * P2010 ("Raw query failed. Code: `40P01`") when a raw query ($executeRaw, $queryRaw) failed; both keep the
 * adapter error in `meta.driverAdapterError`. An error of the transaction's own BEGIN/COMMIT can arrive as the bare
 * DriverAdapterError, and a plain `pg` client (scripts) throws the DatabaseError with `code`. All are recognized.
 */
export const TRANSACTION_ATTEMPTS = 4;
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/** The transaction gave up after TRANSACTION_ATTEMPTS tries, each aborted by a concurrent transaction. */
export class TransactionConflictError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`Concurrent transactions aborted this transaction on each of its ${attempts} attempts`, { cause: lastError });
  }
}

type Loose = { code?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; kind?: unknown };

/** Whether an error (or an error it wraps) is a serialization failure or deadlock, which a retry may resolve. */
export function isRetryableTransactionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, meta, originalCode, kind } = current as Loose;
    if (code === 'P2034' || kind === 'TransactionWriteConflict') return true;
    if (typeof code === 'string' && RETRYABLE_SQLSTATES.has(code)) return true;
    if (typeof originalCode === 'string' && RETRYABLE_SQLSTATES.has(originalCode)) return true;
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

export interface TransactionOptions {
  /** Milliseconds one attempt may run (Prisma's interactive transaction timeout); default 30 s. */
  timeout?: number;
  /** Milliseconds an attempt may wait for a connection of the pool before it fails; default 10 s. */
  maxWait?: number;
  /** Attempts in all, the first included; default TRANSACTION_ATTEMPTS. */
  attempts?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction and returns its result. When the transaction is aborted as retryable (see
 * above), the whole of `work` runs again in a new transaction, after 10–20 ms, then 20–40 ms, …; after the last
 * attempt a TransactionConflictError is thrown (its `cause` is the last database error). Any other error is
 * thrown at once. `work` may therefore run more than once: it must not act outside the database, or only in ways
 * that are harmless to repeat (such as writing a content-addressed file).
 */
export async function runTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? TRANSACTION_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, {
        timeout: options.timeout ?? 30_000,
        maxWait: options.maxWait ?? 10_000,
      });
    } catch (error) {
      if (!isRetryableTransactionError(error)) throw error;
      if (attempt >= attempts) throw new TransactionConflictError(attempt, error);
      const base = 10 * 2 ** (attempt - 1);
      await sleep(base + Math.random() * base);
    }
  }
}
