import { describe, expect, it, vi } from 'vitest';
import {
  ACCEPT_ATTRIBUTE,
  CSV,
  DOC,
  DOCX,
  GIF,
  JPEG,
  MARKDOWN,
  ODP,
  ODS,
  ODT,
  PDF,
  PNG,
  PPT,
  PPTX,
  TXT,
  WEBP,
  XLS,
  XLSX,
  detectContentType,
  zipEntryNames,
} from '@/lib/attachments/detect';
import { checkFile, checkUpload, maxAttachmentMb, sanitizeFileName } from '@/lib/attachments/store';

const ascii = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((part) => (typeof part === 'string' ? ascii(part) : Uint8Array.from(part)));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};
const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];

/** A zip archive of stored (uncompressed) entries; CRCs are left 0, which no check here reads. */
function zip(entries: { name: string; data?: string }[], { centralDirectory = true } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data = '' } of entries) {
    const nameBytes = ascii(name);
    const dataBytes = ascii(data);
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0)]; // version, flags, method, time, date
    const sizes = [...u32(0), ...u32(dataBytes.length), ...u32(dataBytes.length), ...u16(nameBytes.length)];
    const local = bytesOf([0x50, 0x4b, 0x03, 0x04], common, sizes, u16(0), nameBytes, dataBytes);
    centrals.push(
      bytesOf([0x50, 0x4b, 0x01, 0x02], u16(20), common, sizes, u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset)),
      nameBytes,
    );
    locals.push(local);
    offset += local.length;
  }
  if (!centralDirectory) return bytesOf(...locals);
  const directory = bytesOf(...centrals);
  const end = bytesOf(
    [0x50, 0x4b, 0x05, 0x06],
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  );
  return bytesOf(...locals, directory, end);
}

const ooxml = (folder: string, main: string) =>
  zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: `${folder}${main}`, data: '<document/>' },
  ]);
const openDocument = (mimetype: string) =>
  zip([
    { name: 'mimetype', data: mimetype },
    { name: 'content.xml', data: '<office:document-content/>' },
  ]);
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0];

describe('detectContentType accepts', () => {
  it.each([
    ['report.pdf', bytesOf('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), PDF],
    ['REPORT.PDF', bytesOf('%PDF-2.0\n'), PDF],
    ['chart.png', bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), PNG],
    ['photo.jpg', bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), JPEG],
    ['photo.jpeg', bytesOf([0xff, 0xd8, 0xff, 0xe1, 0, 16], 'Exif'), JPEG],
    ['anim.gif', bytesOf('GIF89a', [1, 0, 1, 0]), GIF],
    ['old.gif', bytesOf('GIF87a', [1, 0, 1, 0]), GIF],
    ['image.webp', bytesOf('RIFF', u32(20), 'WEBPVP8 '), WEBP],
    ['letter.docx', ooxml('word/', 'document.xml'), DOCX],
    ['table.xlsx', ooxml('xl/', 'workbook.xml'), XLSX],
    ['slides.pptx', ooxml('ppt/', 'presentation.xml'), PPTX],
    ['letter.doc', bytesOf(OLE2), DOC],
    ['table.xls', bytesOf(OLE2), XLS],
    ['slides.ppt', bytesOf(OLE2), PPT],
    ['letter.odt', openDocument(ODT), ODT],
    ['table.ods', openDocument(ODS), ODS],
    ['slides.odp', openDocument(ODP), ODP],
    ['notes.txt', ascii('Plain notes.\r\nSecond line.\n'), TXT],
    ['notes.txt', bytesOf([0xef, 0xbb, 0xbf], '安全理事会第 1373(2001)号决议'), TXT],
    ['data.csv', ascii('country,status\nKEN,ratified\n'), CSV],
    ['readme.md', ascii('# Heading\n\n* item\n'), MARKDOWN],
  ])('%s as %s', (fileName, bytes, expected) => {
    expect(detectContentType(bytes, fileName)).toBe(expected);
  });

  it('finds the Office Open XML entries by walking the local headers when there is no central directory', () => {
    const bytes = zip(
      [
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w/>' },
      ],
      { centralDirectory: false },
    );
    expect(zipEntryNames(bytes)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(detectContentType(bytes, 'letter.docx')).toBe(DOCX);
  });

  it('lists every accepted extension for a file input', () => {
    expect(ACCEPT_ATTRIBUTE.split(',')).toEqual(expect.arrayContaining(['.pdf', '.docx', '.odt', '.txt', '.jpeg']));
    expect(ACCEPT_ATTRIBUTE).not.toMatch(/html|svg|exe|zip/);
  });
});

describe('detectContentType refuses', () => {
  it.each([
    ['an HTML page renamed .pdf', 'report.pdf', ascii('<!DOCTYPE html><html><script>alert(1)</script>')],
    ['an HTML page', 'page.html', ascii('<!DOCTYPE html><html></html>')],
    ['an SVG image', 'logo.svg', ascii('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['a Windows executable', 'setup.exe', bytesOf('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
    ['a Windows executable renamed .pdf', 'report.pdf', bytesOf('MZ', [0x90, 0, 3, 0])],
    ['a Windows executable renamed .txt', 'notes.txt', bytesOf('MZ', [0x90, 0, 3, 0])],
    ['an ELF binary renamed .doc', 'letter.doc', bytesOf([0x7f], 'ELF', [2, 1, 1, 0])],
    ['invalid UTF-8 text', 'notes.txt', bytesOf('caf', [0xe9], ' au lait')],
    ['text with a NUL byte', 'notes.txt', bytesOf('abc', [0], 'def')],
    ['UTF-16 text', 'notes.txt', bytesOf([0xff, 0xfe, 0x61, 0, 0x62, 0])],
    ['an empty file', 'empty.txt', new Uint8Array()],
    ['an empty PDF', 'empty.pdf', new Uint8Array()],
    ['a PDF named .png', 'chart.png', ascii('%PDF-1.7\n')],
    ['a PNG named .html', 'chart.html', bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a PDF without an extension', 'report', ascii('%PDF-1.7\n')],
    ['a plain zip archive', 'archive.zip', zip([{ name: 'a.txt', data: 'a' }])],
    ['a plain zip archive renamed .docx', 'letter.docx', zip([{ name: 'a.txt', data: 'a' }])],
    ['a spreadsheet renamed .docx', 'letter.docx', ooxml('xl/', 'workbook.xml')],
    ['a zip without [Content_Types].xml', 'letter.docx', zip([{ name: 'word/document.xml', data: '<w/>' }])],
    ['an OpenDocument text named .ods', 'table.ods', openDocument(ODT)],
    ['an OpenDocument template', 'letter.odt', openDocument('application/vnd.oasis.opendocument.text-template')],
    ['an OLE2 file named .msi', 'setup.msi', bytesOf(OLE2)],
    ['a truncated WebP header', 'image.webp', ascii('RIFF\0\0')],
  ])('%s', (_label, fileName, bytes) => {
    expect(detectContentType(bytes, fileName)).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it('keeps only the last path segment, without control and direction-override characters', () => {
    expect(sanitizeFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('  annual\treport\n2012.pdf  ')).toBe('annualreport2012.pdf');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('报告 2012.pdf')).toBe('报告 2012.pdf');
  });

  it('shortens long names to 200 characters before the extension', () => {
    const long = sanitizeFileName(`${'长'.repeat(300)}.docx`)!;
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('长.docx')).toBe(true);
    expect(sanitizeFileName(`${'a'.repeat(199)}.pdf`)).toHaveLength(200);
  });

  it('finds nothing usable in empty names, dots and bare folders', () => {
    for (const name of ['', '   ', '.', '..', 'folder/', '\u0000\u0001']) expect(sanitizeFileName(name)).toBeNull();
  });
});

describe('checkUpload', () => {
  const pdf = ascii('%PDF-1.7\n');

  it('accepts a valid file and returns its type, cleaned name and bytes', async () => {
    await expect(checkUpload({ fileName: 'dir/report.pdf', size: pdf.length, bytes: pdf })).resolves.toEqual({
      ok: true,
      contentType: PDF,
      fileName: 'report.pdf',
      bytes: pdf,
    });
  });

  it('refuses a file over the limit from its declared size, without reading it', async () => {
    const read = vi.fn(async () => pdf);
    const result = await checkUpload({ fileName: 'big.pdf', size: 2 * 1024 * 1024 + 1, bytes: read }, { maxMb: 2 });
    expect(result).toEqual({ ok: false, error: 'fileTooLarge:2' });
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a file larger than its declared size claimed', async () => {
    const bytes = bytesOf('%PDF-1.7\n', new Array<number>(1024 * 1024).fill(0x20));
    expect(await checkUpload({ fileName: 'big.pdf', size: 10, bytes }, { maxMb: 1 })).toEqual({
      ok: false,
      error: 'fileTooLarge:1',
    });
  });

  it('uses ATTACHMENT_MAX_MB (default 20) as the limit, and accepts a file of exactly the limit', async () => {
    const limit = maxAttachmentMb() * 1024 * 1024;
    expect(await checkUpload({ fileName: 'big.pdf', size: limit + 1, bytes: pdf })).toEqual({
      ok: false,
      error: `fileTooLarge:${maxAttachmentMb()}`,
    });
    const exact = await checkUpload(
      { fileName: 'exact.txt', size: 1024 * 1024, bytes: ascii('x'.repeat(1024 * 1024)) },
      { maxMb: 1 },
    );
    expect(exact).toMatchObject({ ok: true, contentType: TXT });
  });

  it('gives empty files, unusable names and refused types each their own error', async () => {
    expect(await checkUpload({ fileName: 'empty.pdf', size: 0, bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: 'fileEmpty',
    });
    expect(await checkUpload({ fileName: 'lying.pdf', size: 5, bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: 'fileEmpty',
    });
    expect(await checkUpload({ fileName: '..', size: pdf.length, bytes: pdf })).toEqual({
      ok: false,
      error: 'fileNameInvalid',
    });
    const html = ascii('<html></html>');
    expect(await checkUpload({ fileName: 'page.pdf', size: html.length, bytes: html })).toEqual({
      ok: false,
      error: 'fileTypeNotAllowed',
    });
  });

  it('checks a File from a form', async () => {
    const file = new File([pdf], 'report.pdf', { type: 'text/html' });
    expect(await checkFile(file)).toMatchObject({ ok: true, contentType: PDF, fileName: 'report.pdf' });
    const disguised = new File([ascii('<script>')], 'report.pdf', { type: 'application/pdf' });
    expect(await checkFile(disguised)).toEqual({ ok: false, error: 'fileTypeNotAllowed' });
  });
});
