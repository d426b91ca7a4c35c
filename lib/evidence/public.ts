import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The one rule for what the public (anonymous readers of the public view) sees of evidence: a record is public
 * when its newest verified revision is marked public, and then its verified revisions marked public are shown. A
 * newer verified revision marked internal, or unpublishing the record (lib/operations/evidence.ts), withdraws the
 * record and every earlier revision of it from the public view, exports, API, charts and attachment downloads.
 */

/**
 * SQL condition: the verified revision `revision` (a table alias) of the record `evidence` (an alias of "Evidence")
 * may be shown to the public. Both aliases are trusted identifiers written by the caller, never user input.
 */
export function publicRevisionCondition(revision: string, evidence: string): Prisma.Sql {
  const r = Prisma.raw(revision);
  return Prisma.sql`(${r}.visibility = 'PUBLIC' AND ${recordIsPublicCondition(evidence)})`;
}

/** SQL condition: the record `evidence` (an alias of "Evidence") is public: its newest verified revision is. */
export function recordIsPublicCondition(evidence: string): Prisma.Sql {
  const e = Prisma.raw(evidence);
  return Prisma.sql`(SELECT newest.visibility FROM "EvidenceRevision" newest
      WHERE newest."evidenceId" = ${e}.id AND newest.state = 'VERIFIED'
      ORDER BY newest.number DESC LIMIT 1) = 'PUBLIC'`;
}
