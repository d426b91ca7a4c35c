import { describe, expect, it } from 'vitest';
import {
  attachmentHeaders,
  contentDisposition,
  decideAttachmentAccess,
  needsPublicViewSetting,
  parseAttachmentId,
} from '@/lib/attachments/access';
import { ROLES } from '@/lib/vocabulary';

const verifiedPublic = { state: 'VERIFIED', visibility: 'PUBLIC', recordPublic: true } as const;
const internalStates = [
  { state: 'VERIFIED', visibility: 'INTERNAL', recordPublic: true },
  // A public revision of a record whose newest verified revision is internal, or that was unpublished.
  { state: 'VERIFIED', visibility: 'PUBLIC', recordPublic: false },
  { state: 'DRAFT', visibility: 'PUBLIC', recordPublic: true },
  { state: 'SUBMITTED', visibility: 'PUBLIC', recordPublic: true },
  { state: 'RETURNED', visibility: 'PUBLIC', recordPublic: true },
  { state: 'DRAFT', visibility: 'INTERNAL', recordPublic: true },
] as const;
const reader = (role: (typeof ROLES)[number], mustChangePassword = false) => ({ role, mustChangePassword });

describe('decideAttachmentAccess', () => {
  it('lets every signed-in role with read:internal read every attachment, public view on or off', () => {
    for (const role of ROLES) {
      for (const revision of [verifiedPublic, ...internalStates]) {
        for (const publicView of [true, false]) {
          expect(decideAttachmentAccess(reader(role), publicView, revision)).toEqual({ allowed: true });
        }
      }
      expect(needsPublicViewSetting(reader(role))).toBe(false);
    }
  });

  it('lets the public read verified public evidence only while the public view is on', () => {
    expect(decideAttachmentAccess(null, true, verifiedPublic)).toEqual({ allowed: true });
    expect(decideAttachmentAccess(null, false, verifiedPublic)).toMatchObject({ allowed: false, status: 401 });
    for (const revision of internalStates) {
      expect(decideAttachmentAccess(null, true, revision)).toMatchObject({
        allowed: false,
        status: 401,
        code: 'unauthenticated',
      });
    }
    expect(needsPublicViewSetting(null)).toBe(true);
  });

  it('sends a user who must change a one-time password to do that first, except for public evidence', () => {
    const pending = reader('VIEWER', true);
    expect(needsPublicViewSetting(pending)).toBe(true);
    expect(
      decideAttachmentAccess(pending, false, { state: 'DRAFT', visibility: 'INTERNAL', recordPublic: true }),
    ).toMatchObject({
      allowed: false,
      status: 403,
      code: 'password_change_required',
    });
    expect(decideAttachmentAccess(pending, true, verifiedPublic)).toEqual({ allowed: true });
  });
});

describe('parseAttachmentId', () => {
  it('takes positive 32-bit decimal integers only', () => {
    expect(parseAttachmentId('1')).toBe(1);
    expect(parseAttachmentId('2147483647')).toBe(2147483647);
    for (const raw of ['0', '-1', '01', '1.0', '1e3', ' 1', 'abc', '', '2147483648', '99999999999', '0x10']) {
      expect(parseAttachmentId(raw)).toBeNull();
    }
  });
});

describe('download headers', () => {
  it('encodes the file name for filename* and gives an ASCII fallback', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('报告 (2012) "final".pdf')).toBe(
      `attachment; filename="__ (2012) _final_.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%282012%29%20%22final%22.pdf`,
    );
    expect(contentDisposition("it's 100%\\.txt")).toBe(
      `attachment; filename="it's 100__.txt"; filename*=UTF-8''it%27s%20100%25%5C.txt`,
    );
  });

  it('serves a download that the browser never renders or caches, with its checksum', () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const headers = attachmentHeaders({ fileName: 'notes.txt', contentType: 'text/plain', size: 0, sha256 });
    expect(Object.fromEntries(headers)).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'content-length': '0',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      etag: `"sha256-${sha256}"`,
      digest: 'sha-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
      'repr-digest': 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
    });
    expect(headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(
      attachmentHeaders({ fileName: 'a.pdf', contentType: 'application/pdf', size: 3, sha256 }).get('content-type'),
    ).toBe('application/pdf');
  });
});
