import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { loadMessages, type Messages } from '@/lib/i18n/messages';

/**
 * The message catalogues (messages/*.json, messages/{en,zh}/*.json): the same keys and the same ICU arguments in
 * both languages, and counts written with ICU plurals ("1 instrument", "2 instruments"), never "{total} instruments".
 */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object')
      for (const entry of flatten(value as Messages, path)) out.set(...entry);
  }
  return out;
}

/** Argument names of an ICU message: `{name}` or `{name, type, …}`, not the text of a plural branch (`one {it}`). */
function argumentsOf(message: string): string[] {
  const names = [...message.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z_]\w*)\s*[,}]/g)];
  return [...new Set(names.map((match) => match[1]!))].sort();
}

// English nouns that a bare number may not precede: "{total} instruments" reads "1 instruments" for one.
const COUNTED =
  /\{\s*\w+\s*\}\s+(?:[\w×-]+\s+){0,3}?(instruments|commitments|records|rows|days|problems|duplicates|paragraphs|pairs|member states|states|users|events|codes|sources|tokens|devices|files|revisions)\b/;

describe('message catalogues', async () => {
  const en = flatten(await loadMessages('en'));
  const zh = flatten(await loadMessages('zh'));

  it('have the same keys and the same ICU arguments in English and Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, english] of en) {
      // An ordinal ("6765th") is English grammar: Chinese writes the number as it is ("第 6765 次").
      const ordinals = [...english.matchAll(/\{\s*(\w+)\s*,\s*selectordinal/g)].map((match) => match[1]);
      const expected = argumentsOf(english).filter((name) => !ordinals.includes(name));
      expect(argumentsOf(zh.get(key)!), key).toEqual(expected);
    }
  });

  it('write every count of a countable thing with a plural (English)', () => {
    const bare = [...en].filter(([, message]) => COUNTED.test(message.replace(/\{[^{}]*\{[^{}]*\}[^{}]*\}/g, '')));
    expect(bare.map(([key, message]) => `${key}: ${message}`)).toEqual([]);
  });
});

describe('plural forms', async () => {
  const messages = { en: await loadMessages('en'), zh: await loadMessages('zh') };
  type Translate = (key: string, values?: Record<string, string | number>) => string;
  const t = (locale: Locale, namespace: string) =>
    createTranslator({ locale, messages: messages[locale], namespace }) as unknown as Translate;

  it('say "1 instrument" and "2 instruments"', () => {
    const ratification = t('en', 'ratification');
    expect(ratification('summaryShort', { party: 1, total: 1 })).toBe('Party to 1 of 1 instrument.');
    expect(ratification('summaryShort', { party: 0, total: 2 })).toBe('Party to 0 of 2 instruments.');
    expect(ratification('summaryShort', { party: 3, total: 1234 })).toBe('Party to 3 of 1,234 instruments.');
    const tokens = t('en', 'apiTokens');
    expect(tokens('days', { count: 1 })).toBe('1 day');
    expect(tokens('days', { count: 30 })).toBe('30 days');
  });

  it('count in Chinese with the same arguments', () => {
    const ratification = t('zh', 'ratification');
    expect(ratification('summaryShort', { party: 1, total: 1 })).toBe('已加入 1 项文书中的 1 项。');
    expect(ratification('summaryShort', { party: 2, total: 19 })).toBe('已加入 19 项文书中的 2 项。');
    expect(t('zh', 'apiTokens')('days', { count: 1 })).toBe('1 天');
  });
});
