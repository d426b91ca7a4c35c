import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { PROJECT_ROOT, sourceFiles } from '@/tests/support/source-files';

/**
 * Pages and route handlers read and write through the query modules (lib/queries, lib/status, lib/data, lib/api)
 * and the operations (lib/operations), never through Prisma directly (README, Architecture): a source scan of app/
 * for a model method called on any client (`prisma.commitment.findMany(`, `tx.actor.count(`, over several lines
 * too) and for raw queries and transactions (`$queryRaw`, `$executeRaw`, their Unsafe forms, `$transaction`).
 * Passing the client on (`findCommitments(prisma, …)`) is how a handler uses it.
 */
const DELEGATES = Object.values(Prisma.ModelName).map((model) => model[0]!.toLowerCase() + model.slice(1));
const METHODS = [
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'count',
  'aggregate',
  'groupBy',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
];
const MODEL_CALL = new RegExp(`\\.\\s*(${DELEGATES.join('|')})\\s*\\.\\s*(${METHODS.join('|')})\\s*\\(`);
const RAW = /\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|queryRawTyped|transaction)\b/;
const callsPrisma = (text: string) => MODEL_CALL.test(text) || RAW.test(text);

describe('the app folder', () => {
  const files = sourceFiles(['app']);

  it('calls no Prisma model method or raw query itself', () => {
    // The scan sees the code it is meant to: the pages and the route handlers, these among them.
    expect(files.length).toBeGreaterThan(50);
    expect(files).toEqual(
      expect.arrayContaining([
        'app/api/v1/status-matrix/route.ts',
        'app/api/v1/evidence/[id]/route.ts',
        'app/api/attachments/[id]/route.ts',
      ]),
    );
    const callers = files.filter((file) => callsPrisma(readFileSync(join(PROJECT_ROOT, file), 'utf8')));
    expect(callers).toEqual([]);
  });

  it('would be caught by the scan wherever Prisma is called', () => {
    expect(DELEGATES).toEqual(expect.arrayContaining(['commitment', 'evidenceDeletion', 'attachment']));
    for (const call of [
      'prisma.commitment.findMany({ select: { code: true } })',
      'context.prisma.evidenceDeletion.findUniqueOrThrow({ where })',
      'await tx.actor.count()',
      'prisma\n    .attachment\n    .findUnique({ where: { id } })',
      'prisma.$queryRaw`SELECT 1`',
      'prisma.$executeRawUnsafe(sql)',
      'prisma.$transaction(async (tx) => {})',
    ]) {
      expect(callsPrisma(call), call).toBe(true);
    }
    for (const use of [
      'findCommitments(prisma, filter)',
      "url.searchParams.delete('page')",
      'headers.count()',
      'const commitment = rows.find((row) => row.code === code);',
    ]) {
      expect(callsPrisma(use), use).toBe(false);
    }
  });
});
