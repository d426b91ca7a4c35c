import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { parseCommitmentFilter, parseCountryFilter } from '@/lib/validation/filters';

describe('parseEnv', () => {
  it('defaults to the embedded database in .data on port 3000', () => {
    const defaults = parseEnv({});
    expect(defaults.DATABASE_URL).toBeUndefined();
    expect(defaults).toMatchObject({ DATA_DIR: '.data', PORT: 3000, PUBLIC_VIEW: false });
  });

  it('defaults sessions to 12 hours at most and 30 idle minutes, and reads PUBLIC_VIEW=1', () => {
    expect(parseEnv({ PUBLIC_VIEW: '1' })).toMatchObject({
      SESSION_MAX_AGE_MINUTES: 720,
      SESSION_IDLE_MINUTES: 30,
      PUBLIC_VIEW: true,
    });
    expect(() => parseEnv({ PUBLIC_VIEW: 'yes' })).toThrow(/PUBLIC_VIEW must be 1 or 0/);
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ADMIN_EMAIL: 'admin' })).toThrow(/ADMIN_EMAIL must be an email address/);
  });

  it('accepts postgres:// and postgresql:// URLs and treats an empty one as unset', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('says which variable is wrong and how to fix it', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
  });
});

describe('URL filters', () => {
  it('keeps valid commitment filters', () => {
    expect(parseCommitmentFilter({ theme: 'sanctions', addressee: 'UN_SYSTEM', strength: 'CALL' })).toEqual({
      theme: 'sanctions',
      addressee: 'UN_SYSTEM',
      strength: 'CALL',
    });
  });

  it('drops unknown values so that an old shared link still opens', () => {
    expect(
      parseCommitmentFilter({ theme: "x'; DROP TABLE", addressee: 'EVERYONE', strength: ['CALL', 'STRESS'] }),
    ).toEqual({
      theme: undefined,
      addressee: undefined,
      strength: 'CALL',
    });
  });

  it('trims the country search and ignores an empty one', () => {
    expect(parseCountryFilter({ q: '  Kenya ', group: 'AFRICAN' })).toEqual({ q: 'Kenya', group: 'AFRICAN' });
    expect(parseCountryFilter({ q: '   ' })).toEqual({ q: undefined, group: undefined });
  });
});
