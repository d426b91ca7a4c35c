import { afterEach, describe, expect, it, vi } from 'vitest';

process.env.AUTH_SECRET ??= 'a unit-test secret of more than thirty-two characters';
const totp = await import('@/lib/auth/totp');

afterEach(() => {
  vi.useRealTimers();
});

describe('TOTP', () => {
  it('encodes base32 as RFC 4648 does', () => {
    expect(totp.base32Encode(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(totp.newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('checks codes against the RFC 6238 test vector, once per time step', async () => {
    // RFC 6238 appendix B: key "12345678901234567890", T = 59 s, SHA-1 → 94287082 (six digits: 287082).
    const secret = totp.base32Encode(new TextEncoder().encode('12345678901234567890'));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(59_000);
    expect(await totp.checkTotpCode(secret, '287 082', null)).toBe(1);
    expect(await totp.checkTotpCode(secret, '287082', 1)).toBeNull();
    expect(await totp.checkTotpCode(secret, '287083', null)).toBeNull();
    expect(await totp.checkTotpCode(secret, 'abcdef', null)).toBeNull();
    // RFC 6238: T = 1111111109 s → 07081804; one step later it is still accepted (clock drift), two not.
    vi.setSystemTime(1_111_111_109_000 + 30_000);
    expect(await totp.checkTotpCode(secret, '081804', null)).toBe(37_037_036);
    vi.setSystemTime(1_111_111_109_000 + 60_000);
    expect(await totp.checkTotpCode(secret, '081804', null)).toBeNull();
  });

  it('encrypts secrets bound to their context, and refuses tampering', () => {
    const sealed = totp.encryptSecret('JBSWY3DPEHPK3PXP', 'user:7');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(totp.decryptSecret(sealed, 'user:7')).toBe('JBSWY3DPEHPK3PXP');
    expect(totp.decryptSecret(sealed, 'user:8')).toBeNull();
    const [version, iv, body, tag] = sealed.split('.');
    const flipped = (body!.startsWith('A') ? 'B' : 'A') + body!.slice(1);
    expect(totp.decryptSecret([version, iv, flipped, tag].join('.'), 'user:7')).toBeNull();
    expect(totp.decryptSecret('garbage', 'user:7')).toBeNull();
  });

  it('makes ten distinct recovery codes that match however they are typed', () => {
    const codes = totp.newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(totp.hashRecoveryCode(codes[0]!.toUpperCase().replace('-', ' '))).toBe(totp.hashRecoveryCode(codes[0]!));
  });
});
