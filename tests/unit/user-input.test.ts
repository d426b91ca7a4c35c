import { describe, expect, it } from 'vitest';
import { CreateUserInput, UpdateUserInput } from '@/lib/validation/users';

/** The admin user form's country scope (lib/validation/users.ts): a field message naming each bad code. */
const base = { email: 'analyst@example.org', name: 'Analyst', role: 'EDITOR' };

function countryErrors(countryCodes: string): string[] {
  const result = CreateUserInput.safeParse({ ...base, countryCodes });
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join('.') === 'countryCodes').map((issue) => issue.message);
}

describe('country scope input', () => {
  it('accepts codes in any case, separated by commas, spaces, Chinese commas or semicolons', () => {
    const parsed = CreateUserInput.parse({ ...base, countryCodes: 'ken, uga；tza，ETH、 gha ken' });
    expect(parsed.countryCodes).toEqual(['KEN', 'UGA', 'TZA', 'ETH', 'GHA']);
    expect(
      UpdateUserInput.parse({ id: '1', version: '1', name: 'A', role: 'EDITOR', countryCodes: '' }).countryCodes,
    ).toEqual([]);
  });

  it('names every code that is not three letters, on the field itself', () => {
    expect(countryErrors('KEN, Kenya, K1, UGA')).toEqual(['countryCodesInvalid:KENYA, K1']);
    expect(countryErrors('12')).toEqual(['countryCodesInvalid:12']);
  });

  it('reports no error for well-formed codes (membership is checked by the operation)', () => {
    expect(countryErrors('XXX, KEN')).toEqual([]);
  });
});
