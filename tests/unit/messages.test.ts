import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { loadMessages, type Messages } from '@/lib/i18n/messages';

/**
 * The message catalogues (messages/*.json, messages/{en,zh}/*.json): every message is ICU (next-intl formats each
 * one with intl-messageformat, also the API docs' text, whose literal braces and "<token>" are quoted: '{', '<'),
 * with the same keys and the same ICU arguments in both languages; counts written with ICU plurals ("1
 * instrument", "2 instruments"), never "{total} instruments"; and quantities formatted by the locale ("12,345").
 * No catalogue is skipped, since none is read other than as ICU: the charts' tooltip pattern, read raw (t.raw), is
 * formatted with ICU on the client (lib/charts/format.ts's formatPattern), and lib/api/errors.ts's English outcome
 * texts, read raw for API errors, are ICU messages too (the forms format the same keys with next-intl).
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

/** How a message uses an argument: plain `{name}`, `{name, number}`, a plural, an ordinal, a select, a date/time. */
type ArgumentKind = 'plain' | 'number' | 'plural' | 'selectordinal' | 'select' | 'date';

/** Every argument of a parsed ICU message with how it is used, also those inside plural/select branches and tags. */
function argumentUses(elements: MessageFormatElement[]): { name: string; kind: ArgumentKind }[] {
  return elements.flatMap((element) => {
    if (isArgumentElement(element)) return [{ name: element.value, kind: 'plain' as const }];
    if (isNumberElement(element)) return [{ name: element.value, kind: 'number' as const }];
    if (isDateElement(element) || isTimeElement(element)) return [{ name: element.value, kind: 'date' as const }];
    if (isPluralElement(element) || isSelectElement(element)) {
      const kind = isSelectElement(element) ? 'select' : element.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
      return [
        { name: element.value, kind },
        ...Object.values(element.options).flatMap((option) => argumentUses(option.value)),
      ];
    }
    if (isTagElement(element)) return argumentUses(element.children);
    return [];
  });
}

/** The argument names of a parsed message, sorted, each once. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return [...new Set(argumentUses(elements).map((use) => use.name))].sort();
}

/**
 * Arguments that receive a quantity (a count, a size, a position in a list): written `{name, number}` or as a
 * plural (`#`), so that 12345 reads "12,345" in English, never the "12345" a plain `{name}` gives a number.
 */
const QUANTITIES = [
  'count',
  'total',
  'shown',
  'page',
  'pages',
  'party',
  'existing',
  'partyOfExisting',
  'created',
  'updated',
  'unchanged',
  'skipped',
  'states',
  'first',
  'last',
  'line',
  'limit',
  'days',
  'mb',
  'maxMb',
  'maxRows',
  'pairs',
];

/**
 * Arguments that receive a number that names something (an evidence record's id, a record's version, a paragraph,
 * revision or source number, a meeting's label): written plain, as it is ("revision 1234", not "revision 1,234").
 */
const IDENTIFIERS = ['id', 'version', 'number', 'label'];

/** The kinds of argument that format a number by the locale. */
const NUMERIC: ArgumentKind[] = ['number', 'plural', 'selectordinal'];

// English nouns that a bare number may not precede: "{total} instruments" reads "1 instruments" for one.
const COUNTED =
  /^\s+(?:[\w×-]+\s+){0,3}?(instruments|commitments|records|rows|days|problems|duplicates|paragraphs|pairs|member states|states|users|events|codes|sources|tokens|devices|files|revisions)\b/;

describe('message catalogues', async () => {
  const en = flatten(await loadMessages('en'));
  const zh = flatten(await loadMessages('zh'));
  const parsed = (catalogue: Map<string, string>) =>
    new Map([...catalogue].map(([key, message]) => [key, parse(message)] as const));

  it('are ICU messages that parse', () => {
    for (const [key, message] of [...en, ...zh]) expect(() => parse(message), key).not.toThrow();
  });

  it('have the same keys and the same ICU arguments in English and Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    const chinese = parsed(zh);
    for (const [key, english] of parsed(en)) {
      // An ordinal ("6765th") is English grammar: Chinese writes the number as it is ("第 6765 次").
      const ordinals = argumentUses(english).filter((use) => use.kind === 'selectordinal');
      const expected = argumentsOf(english).filter((name) => !ordinals.some((use) => use.name === name));
      expect(argumentsOf(chinese.get(key)!), key).toEqual(expected);
    }
  });

  it('format every quantity by the locale and leave identifiers as they are (both languages)', () => {
    const chinese = parsed(zh);
    const wrong = [...parsed(en)].flatMap(([key, english]) => {
      const uses = { en: argumentUses(english), zh: argumentUses(chinese.get(key)!) };
      // A name that is a number or a plural in one language receives a number: the other may not print it plain.
      const numeric = new Set(
        [...uses.en, ...uses.zh].filter((use) => NUMERIC.includes(use.kind)).map((use) => use.name),
      );
      return (['en', 'zh'] as const).flatMap((locale) =>
        uses[locale]
          .filter(({ name, kind }) =>
            QUANTITIES.includes(name) || numeric.has(name)
              ? !NUMERIC.includes(kind)
              : IDENTIFIERS.includes(name) && kind === 'number',
          )
          .map(({ name, kind }) => `${locale} ${key}: ${name} (${kind})`),
      );
    });
    expect(wrong).toEqual([]);
  });

  it('write every count of a countable thing with a plural (English)', () => {
    // A number or argument at the top level (not in a plural's branch) followed by a counted noun.
    const bare = [...parsed(en)].filter(([, elements]) =>
      elements.some((element, index) => {
        const next = elements[index + 1];
        return (
          (isArgumentElement(element) || isNumberElement(element)) &&
          next !== undefined &&
          isLiteralElement(next) &&
          COUNTED.test(next.value)
        );
      }),
    );
    expect(bare.map(([key]) => `${key}: ${en.get(key)}`)).toEqual([]);
  });
});

describe('formatted messages', async () => {
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

  it('group the digits of a quantity by the locale ("12,345")', () => {
    const cell = { party: 12345, total: 23456, partyOfExisting: 1000, existing: 1001 };
    expect(t('en', 'status')('partyCell', cell)).toBe('12,345 of 23,456; 1,000 of 1,001');
    expect(t('zh', 'status')('partyCell', cell)).toBe('23,456 项中 12,345 项；1,001 项中 1,000 项');
    expect(t('en', 'audit')('pageOf', { page: 12345, pages: 12346 })).toBe('Page 12,345 of 12,346');
    expect(t('en', 'transfer')('applied', { created: 12345, updated: 0, unchanged: 1, skipped: 2 })).toBe(
      'Imported: 12,345 new, 0 updated, 1 unchanged, 2 duplicates skipped.',
    );
  });

  it('leave an identifier as it is ("revision 12345")', () => {
    expect(t('en', 'evidence')('verifiedStillCounts', { number: 12345 })).toBe(
      'Revision 12345 is verified and keeps counting until this one is verified.',
    );
  });

  it('show quoted ICU syntax as text (the API docs)', () => {
    expect(t('en', 'apiDocs')('pagingText')).toContain('Lists return { data, nextCursor }.');
    expect(t('en', 'apiDocs')('authText')).toContain('“Authorization: Bearer <token>”');
    expect(t('zh', 'apiTokens')('intro')).toContain('“Authorization: Bearer <令牌>”');
  });
});
