import { describe, expect, it } from 'vitest';
import {
  generateOneTimePassword,
  hashPassword,
  isCommonPassword,
  NewPasswordSchema,
  verifyPassword,
} from '@/lib/auth/password';

const problems = (password: string) => {
  const result = NewPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the password policy', () => {
  it('wants at least 8 characters, counting characters rather than bytes', () => {
    expect(problems('short1!')).toEqual(['passwordTooShort']);
    expect(problems('安全理事会主席声')).toEqual([]);
    expect(problems('🔐🔐🔐🔐🔐🔐🔐')).toEqual(['passwordTooShort']);
  });

  it('allows 128 characters of any script and refuses more', () => {
    expect(problems('ж'.repeat(64) + 'x'.repeat(64))).toEqual([]);
    expect(problems('x'.repeat(129))).toEqual(['passwordTooLong']);
  });

  it('refuses common passwords whatever their letter case', () => {
    expect(isCommonPassword('Password1')).toBe(true);
    expect(problems('qwertyuiop')).toEqual(['passwordCommon']);
    expect(problems('correct horse battery staple 2026')).toEqual([]);
  });
});

describe('hashing', () => {
  it('uses argon2id and verifies the same password however its Unicode is composed', async () => {
    const hash = await hashPassword('Cafe\u0301 au lait 42');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Café au lait 42')).toBe(true);
    expect(await verifyPassword(hash, 'cafe au lait 42')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('makes one-time passwords of 20 unpredictable characters', () => {
    const passwords = new Set(Array.from({ length: 50 }, generateOneTimePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });
});
