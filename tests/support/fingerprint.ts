import type { Database } from '@/lib/db';

/** A fingerprint of everything an operation could write. */
export async function fingerprint(db: Database): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ digest: string }[]>`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws('|', id, email, name, role, disabled, "mustChangePassword", "sessionVersion", version, "passwordHash"), ',' ORDER BY id), '') FROM "User") ||
      (SELECT coalesce(string_agg(concat_ws('|', "userId", "actorId"), ',' ORDER BY "userId", "actorId"), '') FROM "UserCountryScope") ||
      (SELECT coalesce(string_agg(concat_ws('|', key, value::text), ',' ORDER BY key), '') FROM "Setting") ||
      (SELECT count(*)::text FROM "AuditEvent") ||
      (SELECT coalesce(string_agg(concat_ws('|', id, version, state, "latestRevision"), ',' ORDER BY id), '') FROM "Evidence") ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, "reviewerId"), ',' ORDER BY id), '') FROM "EvidenceRevision") ||
      (SELECT count(*)::text FROM "EvidenceSource") || (SELECT count(*)::text FROM "Attachment") ||
      (SELECT count(*)::text FROM "EvidenceDeletion") ||
      (SELECT coalesce(string_agg(concat_ws('|', "actorId", "commitmentId", "revisionId"), ','), '') FROM "CurrentStatus") ||
      (SELECT coalesce(string_agg(concat_ws('|', id, version, status), ',' ORDER BY id), '') FROM "InstrumentStatus") ||
      (SELECT coalesce(string_agg(concat_ws('|', id, version, title::text, "themeId", strength), ',' ORDER BY id), '') FROM "Commitment") ||
      (SELECT count(*)::text FROM "InstrumentStatusRevision") ||
      (SELECT coalesce(string_agg(concat_ws('|', id, "userId", scope, "revokedAt"), ',' ORDER BY id), '') FROM "ApiToken")
    ) AS digest`;
  return row!.digest;
}
