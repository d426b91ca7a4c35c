/**
 * Which files may be attached to evidence, decided from their first bytes (magic numbers) and their extension
 * together: the browser's claimed type is never consulted, and a file is accepted only when its extension is one
 * of those of the type its bytes show (a PDF named report.html, or an HTML page named report.pdf, is refused).
 * Pure: no Node.js modules, so a client form could run the same check before uploading.
 */

export const PDF = 'application/pdf';
export const PNG = 'image/png';
export const JPEG = 'image/jpeg';
export const GIF = 'image/gif';
export const WEBP = 'image/webp';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const DOC = 'application/msword';
export const XLS = 'application/vnd.ms-excel';
export const PPT = 'application/vnd.ms-powerpoint';
export const ODT = 'application/vnd.oasis.opendocument.text';
export const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
export const ODP = 'application/vnd.oasis.opendocument.presentation';
export const TXT = 'text/plain';
export const CSV = 'text/csv';
export const MARKDOWN = 'text/markdown';

/** Every accepted content type with the file extensions (lower case, without the dot) it may carry. */
export const ALLOWED_TYPES: Readonly<Record<string, readonly string[]>> = {
  [PDF]: ['pdf'],
  [PNG]: ['png'],
  [JPEG]: ['jpg', 'jpeg'],
  [GIF]: ['gif'],
  [WEBP]: ['webp'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
  [PPTX]: ['pptx'],
  [DOC]: ['doc'],
  [XLS]: ['xls'],
  [PPT]: ['ppt'],
  [ODT]: ['odt'],
  [ODS]: ['ods'],
  [ODP]: ['odp'],
  [TXT]: ['txt'],
  [CSV]: ['csv'],
  [MARKDOWN]: ['md'],
};

/** For an `accept` attribute of a file input: every allowed extension, e.g. ".pdf,.png,…". */
export const ACCEPT_ATTRIBUTE = Object.values(ALLOWED_TYPES)
  .flat()
  .map((extension) => `.${extension}`)
  .join(',');

/** The lower-case extension of a file name without the dot, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * The canonical MIME type of a file, from its bytes and the extension of its name; null when the file is not one
 * of the accepted types (empty, HTML, SVG, an executable, a .pdf whose bytes are not a PDF, …).
 */
export function detectContentType(bytes: Uint8Array, fileName: string): string | null {
  if (bytes.length === 0) return null;
  const detected = detectFromBytes(bytes, extensionOf(fileName));
  return detected && ALLOWED_TYPES[detected]?.includes(extensionOf(fileName)) ? detected : null;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function detectFromBytes(bytes: Uint8Array, extension: string): string | null {
  if (startsWithAscii(bytes, '%PDF-')) return PDF;
  if (startsWith(bytes, PNG_SIGNATURE)) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWithAscii(bytes, 'GIF87a') || startsWithAscii(bytes, 'GIF89a')) return GIF;
  if (startsWithAscii(bytes, 'RIFF') && asciiAt(bytes, 8, 4) === 'WEBP') return WEBP;
  if (startsWith(bytes, ZIP_LOCAL)) return detectZip(bytes, extension);
  if (startsWith(bytes, OLE2)) return LEGACY_OFFICE[extension] ?? null;
  if (extension === 'txt' || extension === 'csv' || extension === 'md')
    return isPlainText(bytes) ? textType(extension) : null;
  return null;
}

function textType(extension: 'txt' | 'csv' | 'md'): string {
  return { txt: TXT, csv: CSV, md: MARKDOWN }[extension];
}

/** Valid UTF-8 without NUL bytes (UTF-16 text and binary files contain NULs). */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const LEGACY_OFFICE: Record<string, string> = { doc: DOC, xls: XLS, ppt: PPT };
const ODF_TYPES = [ODT, ODS, ODP] as const;
const OOXML_PARTS: Record<string, { type: string; folder: string }> = {
  docx: { type: DOCX, folder: 'word/' },
  xlsx: { type: XLSX, folder: 'xl/' },
  pptx: { type: PPTX, folder: 'ppt/' },
};

/**
 * OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the document's MIME type.
 * Office Open XML: the archive holds `[Content_Types].xml` and the folder of its main part (word/, xl/, ppt/).
 */
function detectZip(bytes: Uint8Array, extension: string): string | null {
  const odf = openDocumentType(bytes);
  if (odf) return odf;
  const ooxml = OOXML_PARTS[extension];
  if (!ooxml) return null;
  const names = zipEntryNames(bytes);
  const isOoxml = names.includes('[Content_Types].xml') && names.some((name) => name.startsWith(ooxml.folder));
  return isOoxml ? ooxml.type : null;
}

function openDocumentType(bytes: Uint8Array): string | null {
  if (bytes.length < 30 || asciiAt(bytes, 30, 8) !== 'mimetype' || u16(bytes, 26) !== 8) return null;
  if (u16(bytes, 8) !== 0) return null; // the mimetype entry must be stored, not deflated
  const dataStart = 30 + 8 + u16(bytes, 28);
  const declaredSize = u32(bytes, 18);
  for (const type of ODF_TYPES) {
    if (asciiAt(bytes, dataStart, type.length) !== type) continue;
    // "…opendocument.text" must not match "…opendocument.text-template" or "…text-master".
    if (declaredSize === type.length) return type;
    const next = bytes[dataStart + type.length];
    if (declaredSize === 0 && (next === undefined || next === 0x50) /* P of the next PK header */) return type;
  }
  return null;
}

/**
 * Entry names of a zip archive, from its central directory (found through the end-of-central-directory record
 * in the last 64 KiB), or failing that by walking the local headers from the start. Bounded, never throws.
 */
export function zipEntryNames(bytes: Uint8Array, limit = 10_000): string[] {
  return centralDirectoryNames(bytes, limit) ?? localHeaderNames(bytes, limit);
}

function centralDirectoryNames(bytes: Uint8Array, limit: number): string[] | null {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let eocd = bytes.length - 22; eocd >= lowest; eocd--) {
    if (!matchesAt(bytes, eocd, [0x50, 0x4b, 0x05, 0x06])) continue;
    const size = u32(bytes, eocd + 12);
    const offset = u32(bytes, eocd + 16);
    if (offset + size > eocd) return null; // zip64 (0xffffffff) or damaged: fall back to the local headers
    const names: string[] = [];
    let at = offset;
    while (at + 46 <= offset + size && names.length < limit && matchesAt(bytes, at, [0x50, 0x4b, 0x01, 0x02])) {
      const nameLength = u16(bytes, at + 28);
      names.push(asciiAt(bytes, at + 46, nameLength));
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
    return names;
  }
  return null;
}

function localHeaderNames(bytes: Uint8Array, limit: number): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && names.length < limit && matchesAt(bytes, at, ZIP_LOCAL)) {
    const nameLength = u16(bytes, at + 26);
    names.push(asciiAt(bytes, at + 30, nameLength));
    const usesDataDescriptor = (u16(bytes, at + 6) & 0x08) !== 0;
    if (usesDataDescriptor) break; // the entry's size is only known after its data: stop here
    at += 30 + nameLength + u16(bytes, at + 28) + u32(bytes, at + 18);
  }
  return names;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return matchesAt(bytes, 0, signature);
}

function matchesAt(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (offset < 0 || offset + signature.length > bytes.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  return asciiAt(bytes, 0, text.length) === text;
}

/** `length` bytes at `offset` as Latin-1 text; shorter when the buffer ends first. */
function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  let text = '';
  for (let at = Math.max(0, offset); at < Math.min(bytes.length, offset + length); at++) {
    text += String.fromCharCode(bytes[at]!);
  }
  return text;
}

function u16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (u16(bytes, offset) | (u16(bytes, offset + 2) << 16)) >>> 0;
}
