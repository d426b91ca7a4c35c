import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { refreshRollupsForPairs } from '@/lib/evidence/rollups';
import { DomainError, defineOperation } from '@/lib/operations/define';
import {
  applyEvidenceImport,
  checkImportLimits,
  ImportLimitError,
  planEvidenceImport,
  type ImportProblem,
  type ImportResult,
} from '@/lib/transfer/evidence-import';
import { ImportEvidenceInput } from '@/lib/validation/transfer';

/** How many duplicate rows the audit event names by line (it counts them all). */
const DUPLICATES_IN_AUDIT = 1000;

/** How many bad rows a refusal lists in its field errors (the preview lists them all). */
const PROBLEMS_IN_ERROR = 100;

export function importLimits() {
  return { maxBytes: env().IMPORT_MAX_MB * 1024 * 1024, maxRows: env().IMPORT_MAX_ROWS };
}

/** A bad row as a field error: "importRow:line|column|reason". */
export function problemKey(problem: ImportProblem): string {
  return `importRow:${problem.line}|${problem.column}|${problem.reason}`;
}

/** Ids as ranges ("1-5,9,12-14"), so that the audit event of a large import stays small. */
export function idRanges(ids: number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    parts.push(start === end ? String(sorted[start]) : `${sorted[start]}-${sorted[end]}`);
    start = end + 1;
  }
  return parts.join(',');
}

/**
 * Imports evidence from the export's CSV format: all rows or none, in one transaction. Every row is checked again
 * here (a preview may be stale) with the evidence rules of every door (lib/evidence/rules.ts), the records to
 * update are locked, and any bad row refuses the whole file. New and changed records enter as drafts or submitted
 * for review, never as verified: every imported revision is written by the importer, and nobody reviews their own
 * record. New rows that duplicate a record or an earlier row are skipped unless `duplicates` is "create". One
 * audit event records the import with its counts and that choice; each record gets a revision as the form gives.
 */
export const importEvidence = defineOperation({
  name: 'importEvidence',
  permission: 'write:evidence',
  input: ImportEvidenceInput,
  timeout: 600_000,
  async execute({ tx, user, audit }, input) {
    try {
      checkImportLimits(new TextEncoder().encode(input.csv), importLimits());
    } catch (error) {
      if (!(error instanceof ImportLimitError)) throw error;
      throw new DomainError(400, 'too_large', error.code, { csv: [`${error.code}:${error.limit}`] });
    }
    // Each chunk is written as soon as it is checked, while the next one is checked; a problem anywhere throws
    // below, which rolls the whole transaction back.
    const result: Omit<ImportResult, 'rollupPairs'> = {
      created: 0,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
      duplicatesCreated: 0,
      createdIds: [],
    };
    const rollupPairs: ImportResult['rollupPairs'] = [];
    const plan = await planEvidenceImport(tx, user, input.csv, {
      lock: true,
      intent: input.intent,
      async onChunk(part) {
        const written = await applyEvidenceImport(tx, user, part, input.intent, input.duplicates);
        result.created += written.created;
        result.updated += written.updated;
        result.duplicates += written.duplicates;
        result.duplicatesCreated += written.duplicatesCreated;
        result.createdIds.push(...written.createdIds);
        rollupPairs.push(...written.rollupPairs);
      },
    });
    if (plan.problems.length > 0) {
      throw new DomainError(400, 'invalid_rows', 'importHasProblems', {
        csv: plan.problems.slice(0, PROBLEMS_IN_ERROR).map(problemKey),
      });
    }
    result.unchanged = plan.unchanged;
    // Once, after every chunk: the pairs' locks are taken in one sorted pass, after the record locks (as a review
    // takes them), so that the import and concurrent reviews cannot deadlock over them.
    await refreshRollupsForPairs(tx, rollupPairs);
    await audit({
      action: 'evidence.import',
      entityType: 'Evidence',
      entityId: null,
      after: {
        fileName: input.fileName ?? null,
        token: input.token ?? null,
        rows: plan.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        intent: input.intent,
        // New rows equal to a record or an earlier row, and what the user chose for them.
        duplicates: plan.duplicates.length,
        duplicatesChoice: input.duplicates,
        duplicateLines: plan.duplicates.slice(0, DUPLICATES_IN_AUDIT).map((row) => row.line),
        updatedIds: idRanges(plan.updates.map((row) => row.id)),
        createdIds: idRanges(result.createdIds),
      },
    });
    return result;
  },
});

/** Whether the import of the stored file `token` committed: its audit event is written in the same transaction. */
export async function importWasApplied(prisma: PrismaClient, token: string): Promise<boolean> {
  const events = await prisma.auditEvent.count({
    where: { action: 'evidence.import', after: { path: ['token'], equals: token } },
  });
  return events > 0;
}
