import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@/lib/audit';
import { auditActionWords, auditEntityWords, CODE_MESSAGES, readableValue } from '@/lib/i18n/codes';

type Messages = { [key: string]: string | Messages };

/** Every message file of a locale (messages/<locale>.json and messages/<locale>/*.json), merged as next-intl does. */
function catalogue(locale: string): { merged: Messages; files: [string, Messages][] } {
  const files: [string, Messages][] = [
    [`messages/${locale}.json`, JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'))],
  ];
  for (const name of readdirSync(join('messages', locale))) {
    const path = `messages/${locale}/${name}`;
    files.push([path, JSON.parse(readFileSync(path, 'utf8'))]);
  }
  const merge = (target: Messages, source: Messages): Messages => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      target[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
    }
    return target;
  };
  return { merged: files.reduce<Messages>((all, [, messages]) => merge(all, messages), {}), files };
}

const lookup = (messages: Messages, key: string) =>
  key
    .split('.')
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      messages,
    );

/** Paths of the objects whose keys are exactly the implementation statuses. */
function statusLabelSets(messages: Messages, path = ''): string[] {
  const codes = Object.values(ImplementationStatus).sort().join();
  return Object.entries(messages).flatMap(([key, value]) => {
    if (typeof value !== 'object') return [];
    const here = path ? `${path}.${key}` : key;
    return Object.keys(value).sort().join() === codes ? [here] : statusLabelSets(value, here);
  });
}

describe('codes in the reader’s words', () => {
  for (const locale of ['en', 'zh']) {
    const { merged, files } = catalogue(locale);

    it(`names every stored code in ${locale}`, () => {
      for (const [code, key] of CODE_MESSAGES) {
        const label = lookup(merged, key);
        expect(typeof label, `${code} → ${key}`).toBe('string');
        // An abbreviation may be its own label ("NGO"); a code word may not.
        if (code.length > 3) expect(label).not.toBe(code);
      }
    });

    it(`names every audit action and entity in ${locale}, each differently`, () => {
      const t = (key: string) => {
        const label = lookup(merged, key);
        expect(typeof label, key).toBe('string');
        return String(label);
      };
      const actions = AUDIT_ACTIONS.map((action) => auditActionWords(action, t));
      expect(new Set(actions).size).toBe(AUDIT_ACTIONS.length);
      for (const [index, action] of AUDIT_ACTIONS.entries()) expect(actions[index]).not.toBe(action);
      for (const entity of AUDIT_ENTITY_TYPES) expect(auditEntityWords(entity, '7', t)).toMatch(/^\S.* #7$/);
      // An action from an older version of the code is shown as stored.
      expect(auditActionWords('legacy.thing', t)).toBe('legacy.thing');
    });

    it(`keeps one set of implementation status labels in ${locale} (beside their short forms)`, () => {
      const sets = files.flatMap(([file, messages]) => statusLabelSets(messages).map((path) => `${file}: ${path}`));
      expect(sets).toEqual([
        `messages/${locale}/status.json: status.implementation`,
        `messages/${locale}/status.json: status.short`,
      ]);
    });
  }

  it('tells codes inside stored values, and leaves other text alone', () => {
    const { merged } = catalogue('zh');
    const t = (key: string) => String(lookup(merged, key));
    expect(readableValue({ revision: 2, state: 'SUBMITTED', visibility: 'PUBLIC' }, t)).toBe(
      'revision: 2; state: 已提交; visibility: 核实后公开',
    );
    expect(readableValue({ sources: ['NATIONAL_LEGISLATION'], status: 'IN_PROGRESS', note: 'PUBLICATION' }, t)).toBe(
      'sources: 国内立法; status: 正在执行; note: PUBLICATION',
    );
    expect(readableValue(null, t)).toBe('');
    expect(readableValue('ADMIN', t)).toBe(t('roles.ADMIN'));
  });
});
