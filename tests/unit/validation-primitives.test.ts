import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Day,
  DateTime,
  findUnstorableText,
  Id,
  isStorableText,
  MAX_INT4,
  parseId,
  parseInput,
} from '@/lib/validation/primitives';
import fc from '../support/fast-check';

describe('the shared validation primitives', () => {
  it('text: refuse NUL and unpaired surrogates anywhere, accept every other string', () => {
    for (const bad of ['\u0000', 'a\u0000', '\ud800', 'x\udfff', '\udbff\ud800', '\ud83d']) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(isStorableText(text.replaceAll('\u0000', ''))).toBe(true);
      }),
    );
    expect(isStorableText('🙂 中文 \u200b\t\r\n')).toBe(true);
  });

  it('text: find the paths of unstorable strings in any input, keys included, bytes skipped', () => {
    const input = {
      fine: 'ok',
      nested: [{ title: 'a\u0000' }, 'ok'],
      ['key\u0000']: 1,
      bytes: new Uint8Array(1_000_000),
    };
    expect(findUnstorableText(input)).toEqual([['nested', 0, 'title'], ['key\u0000']]);
  });

  it('input: unstorable text is the one reason given for its field, whatever the field rule says; other fields still checked', () => {
    const schema = z.object({
      code: z.string().regex(/^[A-Z]{3}$/, 'unknownCountry'),
      count: z.number('countInvalid'),
    });
    expect(parseInput(schema, { code: 'KE\u0000', count: 'x' })).toEqual({
      success: false,
      issues: [
        { path: ['code'], message: 'textInvalidCharacters' },
        { path: ['count'], message: 'countInvalid' },
      ],
    });
    expect(parseInput(schema, { code: 'KEN', count: 1 })).toEqual({ success: true, data: { code: 'KEN', count: 1 } });
  });

  it('ids: only 1 to the int4 maximum', () => {
    expect(parseId(String(MAX_INT4))).toBe(MAX_INT4);
    for (const bad of [String(MAX_INT4 + 1), '0', '-1', '01', '1e3', '9007199254740993', '', ' 1', '1.0']) {
      expect(parseId(bad), bad).toBeNull();
    }
    expect(Id.safeParse(MAX_INT4 + 1).success).toBe(false);
    expect(Id.safeParse('2147483647').success).toBe(true);
  });

  it('dates: only 1900 to 2999, in UTC', () => {
    expect(Day.safeParse('2012-05-04').success).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '3000-01-01', '10000-01-01', '2024-02-30']) {
      expect(Day.safeParse(bad).success, bad).toBe(false);
    }
    const Offset = DateTime({ offset: true });
    expect(Offset.safeParse('2024-01-01T00:00:00+14:00').success).toBe(true);
    for (const bad of ['0000-01-01T00:00:00Z', '2999-12-31T23:59:59-14:00', '+275760-09-13T00:00:00Z']) {
      expect(Offset.safeParse(bad).success, bad).toBe(false);
    }
  });
});
