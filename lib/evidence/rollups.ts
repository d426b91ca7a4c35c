import { Prisma } from '@/lib/generated/prisma/client';
import { publicRevisionCondition } from '@/lib/evidence/public';

/**
 * The status rollups that the status screens and the dashboard read instead of evidence rows.
 *
 * The status of an actor on a commitment at a moment is its latest verified evidence observed by then: of all
 * verified revisions of all evidence records for that pair, the one observed last, and among those observed the same
 * day, the one verified last. Each rollup is kept for two audiences: signed-in readers (all verified evidence) and
 * the public (verified revisions marked public, of records whose newest verified revision is public; the rule
 * lives in lib/evidence/public.ts).
 * - CurrentStatus: that revision as of today, one row per pair and audience.
 * - StatusChange: for each month in which the status at the month's end differs from the month before, the change.
 *
 * Both are recomputed from the revisions, for one pair inside every review transaction, or for every pair at once
 * (after a bulk load such as the benchmark data).
 *
 * Concurrency: a rebuild deletes a pair's rows and inserts them again, so two transactions rebuilding the same pair
 * at once would collide on the primary key, or the later one would rebuild from a snapshot that misses the other's
 * revision. So each rebuild first takes a transaction-scoped advisory lock per pair (the two-integer key space of
 * pg_advisory_xact_lock, (actorId, commitmentId), is reserved for this), in ascending pair order so that two
 * rebuilds of overlapping sets of pairs cannot deadlock; under READ COMMITTED the statements after the lock see
 * every revision the previous holder committed. The full rebuild locks both tables instead. Take the locks after
 * any row locks on evidence (as the review and the import do), and call a rebuild at most once per transaction.
 */
type Executor = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** Setting that counts changes to the rollups; cached aggregates are keyed by it (lib/dashboard/cache.ts). */
export const ROLLUP_VERSION_KEY = 'rollups.version';

type Pair = { actorId: number; commitmentId: number };

/** The pairs as a table p("actorId", "commitmentId"). */
function pairTable(pairs: Pair[]): Prisma.Sql {
  return Prisma.sql`unnest(${pairs.map((pair) => pair.actorId)}::int[], ${pairs.map((pair) => pair.commitmentId)}::int[])
    AS p("actorId", "commitmentId")`;
}

/**
 * The rule itself: among verified revisions `r` of one pair, the one that decides the status comes first — observed
 * last, then verified last, then the newest row. Every query that picks a pair's status orders by it.
 */
const LATEST_FIRST = Prisma.sql`r."observedOn" DESC, r."reviewedAt" DESC, r.id DESC`;

/** Verified revisions of the pairs in scope (all pairs when null), once per audience that may see them. */
function verifiedRevisions(pairs: Pair[] | null): Prisma.Sql {
  return Prisma.sql`
    FROM "EvidenceRevision" r
    JOIN "Evidence" e ON e.id = r."evidenceId"
    ${pairs ? Prisma.sql`JOIN ${pairTable(pairs)} ON e."actorId" = p."actorId" AND e."commitmentId" = p."commitmentId"` : Prisma.empty}
    CROSS JOIN (VALUES (false), (true)) AS audience("publicOnly")
    WHERE r.state = 'VERIFIED'
      AND (NOT audience."publicOnly" OR ${publicRevisionCondition('r', 'e')})`;
}

/**
 * Serializes rebuilds: the pairs' advisory locks in ascending order (after a share of the tables that a full rebuild
 * waits for), or, for a full rebuild, both tables for writing (readers go on reading the old rows until commit).
 * Each lock is its own statement, so that the rebuild's statements take their snapshots after it is granted.
 */
async function lockRollups(tx: Executor, pairs: Pair[] | null): Promise<void> {
  if (!pairs) {
    await tx.$executeRaw`LOCK TABLE "CurrentStatus", "StatusChange" IN EXCLUSIVE MODE`;
    return;
  }
  await tx.$executeRaw`LOCK TABLE "CurrentStatus", "StatusChange" IN ROW EXCLUSIVE MODE`;
  // The pairs arrive sorted, the scan of unnest keeps their order, and a volatile function in the select list is
  // evaluated after ORDER BY anyway: the locks are taken in ascending order.
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(p."actorId", p."commitmentId")
    FROM ${pairTable(pairs)}
    ORDER BY p."actorId", p."commitmentId"`;
}

async function rebuild(tx: Executor, pairs: Pair[] | null): Promise<void> {
  if (pairs) {
    // Each pair once: duplicates would double its rows.
    pairs = [...new Map(pairs.map((pair) => [`${pair.actorId}:${pair.commitmentId}`, pair])).values()];
    if (pairs.length === 0) return;
    pairs.sort((a, b) => a.actorId - b.actorId || a.commitmentId - b.commitmentId);
  }
  await lockRollups(tx, pairs);
  for (const table of [Prisma.sql`"CurrentStatus"`, Prisma.sql`"StatusChange"`]) {
    await tx.$executeRaw`DELETE FROM ${table} t
      ${pairs ? Prisma.sql`USING ${pairTable(pairs)} WHERE t."actorId" = p."actorId" AND t."commitmentId" = p."commitmentId"` : Prisma.empty}`;
  }
  await tx.$executeRaw`
    INSERT INTO "CurrentStatus"
      ("actorId", "commitmentId", "publicOnly", "revisionId", status, score, "observedOn", "verifiedAt")
    SELECT DISTINCT ON (e."actorId", e."commitmentId", audience."publicOnly")
           e."actorId", e."commitmentId", audience."publicOnly", r.id, r.status, r.score, r."observedOn", r."reviewedAt"
    ${verifiedRevisions(pairs)}
    ORDER BY e."actorId", e."commitmentId", audience."publicOnly", ${LATEST_FIRST}`;
  await tx.$executeRaw`
    INSERT INTO "StatusChange" ("actorId", "commitmentId", "publicOnly", month, "fromStatus", "toStatus")
    SELECT "actorId", "commitmentId", "publicOnly", month, previous, status
    FROM (
      SELECT monthly.*,
             lag(status) OVER (PARTITION BY "actorId", "commitmentId", "publicOnly" ORDER BY month) AS previous
      FROM (
        SELECT DISTINCT ON (e."actorId", e."commitmentId", audience."publicOnly", date_trunc('month', r."observedOn"))
               e."actorId", e."commitmentId", audience."publicOnly",
               date_trunc('month', r."observedOn")::date AS month, r.status
        ${verifiedRevisions(pairs)}
        ORDER BY e."actorId", e."commitmentId", audience."publicOnly", date_trunc('month', r."observedOn"),
                 ${LATEST_FIRST}
      ) monthly
    ) changes
    WHERE previous IS DISTINCT FROM status`;
  await bumpRollupVersion(tx);
}

/**
 * Marks everything computed from the rollups as stale: call in the transaction of any change to what the dashboard
 * shows (statuses, and the names and titles it labels them with).
 */
export async function bumpRollupVersion(tx: Executor): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Setting" (key, value, "updatedAt") VALUES (${ROLLUP_VERSION_KEY}, '1'::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb(("Setting".value)::text::bigint + 1), "updatedAt" = now()`;
}

/**
 * Recomputes the rollups of one pair; call inside the transaction that changed its verified evidence (or moved a
 * record with verified revisions to or from the pair). Waits for any other transaction rebuilding the pair.
 */
export function refreshPairRollups(tx: Executor, actorId: number, commitmentId: number): Promise<void> {
  return rebuild(tx, [{ actorId, commitmentId }]);
}

/**
 * The same for many pairs in a few set-based statements (bulk imports); call it once, at the end of the
 * transaction's writes, with every pair it touched, so that its locks are taken in one sorted pass.
 */
export function refreshRollupsForPairs(tx: Executor, pairs: Pair[]): Promise<void> {
  return rebuild(tx, pairs);
}

/**
 * Recomputes the rollups of every pair; for bulk loads. Run it in a transaction so readers never see a gap; it
 * locks both tables against other writers (pair rebuilds wait for it) until that transaction ends.
 */
export function rebuildAllRollups(tx: Executor): Promise<void> {
  return rebuild(tx, null);
}

/** What verifying one submitted revision would do to its pair's status (see `previewVerification`). */
export interface VerificationEffect {
  /** The pair's status now for signed-in readers (ImplementationStatus; NO_INFORMATION without verified evidence). */
  before: string;
  /** Its status once the revision is verified. */
  after: string;
  /**
   * Verified revisions of other records of the pair observed on the revision's date or later, latest first, one
   * per record: verifying then either decides the status over one of the same day (verified later) or changes
   * nothing while a later one stands.
   */
  rivals: { evidenceId: number; observedOn: Date; status: string }[];
}

/**
 * The effect of verifying revision `revisionId` before it is verified, by the rollup rule itself (`LATEST_FIRST`,
 * the order CurrentStatus is built with): the pair's status among its verified revisions now, and with this
 * revision among them as if verified at this moment. For the signed-in audience (all verified evidence). Null when
 * the revision does not exist. Reads only.
 */
export async function previewVerification(
  db: Pick<Prisma.TransactionClient, '$queryRaw'>,
  revisionId: number,
): Promise<VerificationEffect | null> {
  const rows = await db.$queryRaw<{ before: string | null; after: string }[]>`
    WITH target AS (
      SELECT r.id, r."evidenceId", r.status, r."observedOn", e."actorId", e."commitmentId"
      FROM "EvidenceRevision" r JOIN "Evidence" e ON e.id = r."evidenceId"
      WHERE r.id = ${revisionId}
    ), verified AS (
      SELECT r.id, r."evidenceId", r.status, r."observedOn", r."reviewedAt"
      FROM "EvidenceRevision" r
      JOIN "Evidence" e ON e.id = r."evidenceId"
      JOIN target t ON e."actorId" = t."actorId" AND e."commitmentId" = t."commitmentId"
      WHERE r.state = 'VERIFIED' AND r.id <> t.id
    )
    SELECT (SELECT r.status::text FROM verified r ORDER BY ${LATEST_FIRST} LIMIT 1) AS before,
           (SELECT r.status::text
            FROM (SELECT * FROM verified
                  UNION ALL
                  SELECT id, "evidenceId", status, "observedOn", now()::timestamp(3) FROM target) r
            ORDER BY ${LATEST_FIRST} LIMIT 1) AS after
    FROM target`;
  const row = rows[0];
  if (!row) return null;
  const rivals = await db.$queryRaw<{ evidenceId: number; observedOn: Date; status: string }[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (r."evidenceId") r."evidenceId", r."observedOn", r.status::text AS status
      FROM "EvidenceRevision" r
      JOIN "Evidence" e ON e.id = r."evidenceId"
      JOIN "EvidenceRevision" t ON t.id = ${revisionId}
      JOIN "Evidence" te ON te.id = t."evidenceId"
      WHERE e."actorId" = te."actorId" AND e."commitmentId" = te."commitmentId" AND r."evidenceId" <> t."evidenceId"
        AND r.state = 'VERIFIED' AND r."observedOn" >= t."observedOn"
      ORDER BY r."evidenceId", ${LATEST_FIRST}
    ) latest
    ORDER BY "observedOn" DESC, "evidenceId" DESC`;
  return { before: row.before ?? 'NO_INFORMATION', after: row.after, rivals };
}
