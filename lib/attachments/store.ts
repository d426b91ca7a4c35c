import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { detectContentType } from '@/lib/attachments/detect';
import { dataDir, env } from '@/lib/env';

/**
 * Evidence attachments on disk: checked before they are stored, stored by content (the SHA-256 of the bytes names
 * the file), and checked again against that checksum whenever they are read. Every function takes the
 * attachments directory as an optional last argument so that tests can use a temporary one.
 */

/** Absolute path of the attachments directory: ATTACHMENT_DIR, or DATA_DIR/attachments. */
export function attachmentsDir(): string {
  const configured = env().ATTACHMENT_DIR;
  return configured ? resolve(/*turbopackIgnore: true*/ process.cwd(), configured) : join(dataDir(), 'attachments');
}

/** The configured upper limit of an attachment, in MB (ATTACHMENT_MAX_MB, default 20). */
export function maxAttachmentMb(): number {
  return env().ATTACHMENT_MAX_MB;
}

/** 1 MB = 1024 × 1024 bytes. */
export function megabytesToBytes(mb: number): number {
  return Math.floor(mb * 1024 * 1024);
}

/** Keys of the "validation" namespace of messages/<locale>.json; fileTooLarge carries the limit in MB. */
export type UploadError = `fileTooLarge:${string}` | 'fileTypeNotAllowed' | 'fileEmpty' | 'fileNameInvalid';

export type UploadCheck =
  { ok: true; contentType: string; fileName: string; bytes: Uint8Array } | { ok: false; error: UploadError };

export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The name an attachment is stored and served under: the last path segment only, Unicode NFC, without control
 * characters or the bidirectional overrides that can disguise an extension ("fdp.exe" shown as "exe.pdf"),
 * without surrounding spaces, and at most 200 characters (shortened before the extension, which is kept).
 * null when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  const characters = Array.from(cleaned);
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (extension.length > 20) return characters.slice(0, MAX_FILE_NAME_LENGTH).join('');
  const stem = Array.from(cleaned.slice(0, dot));
  return (
    stem
      .slice(0, MAX_FILE_NAME_LENGTH - extension.length)
      .join('')
      .trimEnd() + extension.join('')
  );
}

export interface UploadInput {
  /** The name the browser sent; only its last segment is kept. */
  fileName: string;
  /** The size the browser declared (File.size), checked before a single byte is read. */
  size: number;
  /** The bytes, or a function reading them, called only once the declared size has passed. */
  bytes: Uint8Array | (() => Promise<Uint8Array>);
}

/**
 * Checks an upload before anything is stored: size first (without reading the bytes when it is already too
 * large), then the name, then the real type from the bytes. The bytes read are returned with the answer.
 */
export async function checkUpload(input: UploadInput, options: { maxMb?: number } = {}): Promise<UploadCheck> {
  const maxMb = options.maxMb ?? maxAttachmentMb();
  const maxBytes = megabytesToBytes(maxMb);
  const tooLarge = { ok: false, error: `fileTooLarge:${maxMb}` } as const;
  if (!Number.isFinite(input.size) || input.size > maxBytes) return tooLarge;
  if (input.size <= 0) return { ok: false, error: 'fileEmpty' };
  const fileName = sanitizeFileName(input.fileName);
  if (!fileName) return { ok: false, error: 'fileNameInvalid' };
  const bytes = typeof input.bytes === 'function' ? await input.bytes() : input.bytes;
  // The declared size is the client's word; the bytes are what counts.
  if (bytes.length > maxBytes) return tooLarge;
  if (bytes.length === 0) return { ok: false, error: 'fileEmpty' };
  const contentType = detectContentType(bytes, fileName);
  if (!contentType) return { ok: false, error: 'fileTypeNotAllowed' };
  return { ok: true, contentType, fileName, bytes };
}

/** checkUpload for a File from FormData: File.size is compared with the limit before the file is read. */
export function checkFile(file: File, options: { maxMb?: number } = {}): Promise<UploadCheck> {
  return checkUpload(
    { fileName: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) },
    options,
  );
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface StoredFile {
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  size: number;
  /** Relative to the attachments directory, always with forward slashes: "ab/ab12…". */
  storagePath: string;
  /** Whether this call wrote a file that was not there before (other attachments may share an existing one). */
  created: boolean;
}

/**
 * Stores bytes under `<first two hex digits>/<sha256>`: written to a temporary file in the same folder, flushed,
 * then renamed into place, so a reader never sees a half-written file and a failure leaves nothing behind.
 * Storing the same bytes again rewrites the same file (which also repairs a damaged copy).
 */
export async function storeAttachment(bytes: Uint8Array, dir: string = attachmentsDir()): Promise<StoredFile> {
  const sha256 = sha256Hex(bytes);
  const storagePath = `${sha256.slice(0, 2)}/${sha256}`;
  const target = resolveStoragePath(storagePath, dir)!;
  const folder = join(/*turbopackIgnore: true*/ dir, sha256.slice(0, 2));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(/*turbopackIgnore: true*/ folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
  let created: boolean;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    created = !(await stat(target).then(
      () => true,
      () => false,
    ));
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { sha256, size: bytes.length, storagePath, created };
}

export type ReadResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; problem: 'missing' | 'corrupt' };

/**
 * Reads a stored attachment and checks it against its recorded SHA-256. A missing file answers 'missing'; a
 * file whose bytes no longer match, or a storage path that is malformed or leaves the attachments directory,
 * answers 'corrupt'. Only an unexpected I/O failure (permissions, a failing disk) throws.
 */
export async function readAttachment(
  storagePath: string,
  sha256: string,
  dir: string = attachmentsDir(),
): Promise<ReadResult> {
  const path = resolveStoragePath(storagePath, dir);
  if (!path) return { ok: false, problem: 'corrupt' };
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readFile(/*turbopackIgnore: true*/ path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing' };
    if (code === 'EISDIR') return { ok: false, problem: 'corrupt' };
    throw error;
  }
  return sha256Hex(bytes) === sha256.toLowerCase() ? { ok: true, bytes } : { ok: false, problem: 'corrupt' };
}

/**
 * Removes a stored file, for cleaning up after a failed database write. Content-addressed files are shared by
 * every attachment with the same bytes: call it only when no Attachment row names this storage path.
 * A file that is already gone is fine; a malformed path is refused.
 */
export async function removeStoredFile(storagePath: string, dir: string = attachmentsDir()): Promise<void> {
  const path = resolveStoragePath(storagePath, dir);
  if (!path) throw new Error(`Refused to remove attachment path ${JSON.stringify(storagePath)}`);
  await rm(path, { force: true });
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;

/**
 * The absolute path of a storage path, or null when it could name anything outside the attachments directory:
 * absolute paths, backslashes, "." and ".." segments, hidden names (such as the temporary files) and any
 * character beyond [A-Za-z0-9._-] are refused.
 */
export function resolveStoragePath(storagePath: string, dir: string = attachmentsDir()): string | null {
  if (typeof storagePath !== 'string' || storagePath.length > 1000 || isAbsolute(storagePath)) return null;
  const segments = storagePath.split('/');
  if (!segments.every((segment) => SEGMENT.test(segment))) return null;
  const root = resolve(/*turbopackIgnore: true*/ dir);
  const path = resolve(/*turbopackIgnore: true*/ root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !path.startsWith(root + sep)) return null;
  return path;
}
