import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/http/redirect-target';

/** The one check of redirect targets taken from requests (lib/http/redirect-target.ts). */
const FALLBACK = '/en';

describe('safeRedirectPath', () => {
  it('keeps paths on this site, with query and fragment', () => {
    expect(safeRedirectPath('/en/evidence?state=DRAFT#list', FALLBACK)).toBe('/en/evidence?state=DRAFT#list');
    expect(safeRedirectPath('/zh', FALLBACK)).toBe('/zh');
    expect(safeRedirectPath(['/en/map', '//evil.example'], FALLBACK)).toBe('/en/map');
  });

  it.each([
    ['tab between the slashes (browsers strip it)', '/\t/evil.example/path'],
    ['newline between the slashes', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['a C1 control', '/\u0085/evil.example'],
    ['backslash after the slash', '/\\evil.example'],
    ['backslashes', '\\\\evil.example'],
    ['protocol-relative', '//evil.example/path'],
    ['absolute URL elsewhere', 'https://evil.example/'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['relative without a slash', 'evil.example'],
    ['a dot segment that resolves to two slashes', '/.//evil.example'],
    ['empty', ''],
    ['not a string', 42],
    ['undefined', undefined],
    ['too long', `/${'a'.repeat(2100)}`],
  ])('refuses %s', (_name, value) => {
    expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it('accepts an absolute URL only on the given site origin', () => {
    expect(safeRedirectPath('http://localhost:3000/en/matrix', FALLBACK, 'http://localhost:3000')).toBe('/en/matrix');
    expect(safeRedirectPath('http://localhost:3001/en/matrix', FALLBACK, 'http://localhost:3000')).toBe(FALLBACK);
    expect(safeRedirectPath('http://localhost:3000/en/matrix', FALLBACK)).toBe(FALLBACK);
    expect(safeRedirectPath('/\t/evil.example', FALLBACK, 'http://localhost:3000')).toBe(FALLBACK);
  });
});
