import type { ReviewState, Visibility } from '@/lib/vocabulary';
import { roleCan } from '@/lib/permissions';
import { parseId } from '@/lib/validation/primitives';
import type { Role } from '@/lib/vocabulary';

/**
 * Who may download an attachment, decided from the reader, the public-view setting and the attachment's
 * revision. Kept free of I/O so that every case is unit tested; app/api/attachments/[id]/route.ts only loads
 * the three inputs and turns the answer into a response.
 */
export type AttachmentAccess =
  | { allowed: true }
  | { allowed: false; status: 401; code: 'unauthenticated'; message: string }
  | { allowed: false; status: 403; code: 'forbidden' | 'password_change_required'; message: string };

export interface AttachmentReader {
  role: Role;
  mustChangePassword: boolean;
}

export interface AttachmentRevision {
  state: ReviewState;
  visibility: Visibility;
  /** Whether the revision's record is public: its newest verified revision is marked public (lib/evidence/public.ts). */
  recordPublic: boolean;
}

/**
 * What the public (an anonymous visitor while the public view is on) may read: a verified revision marked public,
 * of a record that is public.
 */
export function isPubliclyReadable(revision: AttachmentRevision): boolean {
  return revision.state === 'VERIFIED' && revision.visibility === 'PUBLIC' && revision.recordPublic;
}

/**
 * A signed-in user with read:internal reads every attachment. Anyone else reads only what the public may read,
 * and only while the public view is on; otherwise an anonymous reader gets 401 and a signed-in one 403. As on the
 * pages (lib/auth/guard.ts), a user who must still change a one-time password reads nothing internal yet.
 */
export function decideAttachmentAccess(
  user: AttachmentReader | null,
  publicView: boolean,
  revision: AttachmentRevision,
): AttachmentAccess {
  if (user && !user.mustChangePassword && roleCan(user.role, 'read:internal')) return { allowed: true };
  if (publicView && isPubliclyReadable(revision)) return { allowed: true };
  if (!user) return { allowed: false, status: 401, code: 'unauthenticated', message: 'Sign in first.' };
  if (user.mustChangePassword && roleCan(user.role, 'read:internal')) {
    return {
      allowed: false,
      status: 403,
      code: 'password_change_required',
      message: 'Change your one-time password first.',
    };
  }
  return { allowed: false, status: 403, code: 'forbidden', message: 'Your role may not read this attachment.' };
}

/** Whether the decision needs the public-view setting at all (it does not for a reader with read:internal). */
export function needsPublicViewSetting(user: AttachmentReader | null): boolean {
  return !(user && !user.mustChangePassword && roleCan(user.role, 'read:internal'));
}

/** Parses the id segment of /api/attachments/[id]: a positive 32-bit integer in plain decimal, else null. */
export function parseAttachmentId(raw: string): number | null {
  return parseId(raw);
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients (non-ASCII characters, quotes, backslashes
 * and control characters replaced by "_") and the exact name as RFC 8187 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const fallback = Array.from(fileName, (character) => (/^[\x20-\x7e]$/.test(character) ? character : '_'))
    .join('')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Response headers of a download. The file is never rendered by the browser: it is always a download. */
export function attachmentHeaders(attachment: {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}): Headers {
  const isText = attachment.contentType.startsWith('text/');
  const digest = Buffer.from(attachment.sha256, 'hex').toString('base64');
  return new Headers({
    'Content-Type': isText ? `${attachment.contentType}; charset=utf-8` : attachment.contentType,
    'Content-Length': String(attachment.size),
    'Content-Disposition': contentDisposition(attachment.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
    ETag: `"sha256-${attachment.sha256}"`,
    // RFC 3230 Digest for older clients, RFC 9530 Repr-Digest for newer ones; both the SHA-256 in base64.
    Digest: `sha-256=${digest}`,
    'Repr-Digest': `sha-256=:${digest}:`,
  });
}
