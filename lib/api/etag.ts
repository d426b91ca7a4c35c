import { ApiError } from '@/lib/api/errors';

/**
 * Strong ETags from a record's kind, id and optimistic-lock version: `"evidence-12-v3"`. An update must send
 * the tag it read as If-Match. A tag that is not current gets 412 before anything else is checked; the version in
 * it is also what the operation claims, atomically, so a tag that goes stale between this check and the write
 * still gets 412.
 */
export function etagOf(kind: string, id: number | string, version: number): string {
  return `"${kind}-${id}-v${version}"`;
}

/**
 * The version an update names through If-Match: 428 when the header is missing, 412 when no tag in it is a
 * current strong tag of this record. `*` means "whatever version there is now" and returns `current`.
 */
export function versionFromIfMatch(
  headers: Headers,
  kind: string,
  id: number | string,
  current: number | null,
): number {
  const header = headers.get('if-match');
  if (header === null || header.trim() === '') {
    throw new ApiError(428, 'precondition_required', 'Send the ETag you read as If-Match to change this record.');
  }
  if (current === null) {
    throw new ApiError(412, 'precondition_failed', 'The record does not exist, so no If-Match can hold.');
  }
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return current;
  const prefix = `"${kind}-${id}-v`;
  for (const tag of tags) {
    // Weak tags never match for If-Match (RFC 9110, 13.1.1).
    if (tag.startsWith(prefix) && tag.endsWith('"')) {
      const version = Number(tag.slice(prefix.length, -1));
      // Checked here first (a precondition is evaluated before anything else), and again atomically by the
      // operation, which claims exactly this version.
      if (Number.isSafeInteger(version) && version === current) return version;
    }
  }
  throw new ApiError(
    412,
    'precondition_failed',
    'If-Match names another version of this record. Read it again for its current ETag.',
  );
}
