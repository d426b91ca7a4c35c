import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinLines, parseStatement } from '@/lib/statement/parse';

const raw = readFileSync('prisma/seed/data/S-PRST-2012-17.zh.txt', 'utf8');

describe('parseStatement on S/PRST/2012/17', () => {
  const statement = parseStatement(raw);

  it('finds the heading, the chapeau and 28 paragraphs', () => {
    expect(statement.heading).toBe('安全理事会主席声明');
    expect(statement.chapeau).toBe(
      '安全理事会主席在 2012 年 5 月 4 日安全理事会第 6765 次会议上，就安理会审议的题为“恐怖行为对国际和平与安全造成的威胁”的项目，代表安理会发表声明如下：',
    );
    expect(statement.paragraphs).toHaveLength(28);
  });

  it('opens every paragraph with “安全理事会 and keeps no line breaks', () => {
    for (const paragraph of statement.paragraphs) {
      expect(paragraph.startsWith('“安全理事会')).toBe(true);
      expect(paragraph).not.toMatch(/\n/);
    }
  });

  it('joins Chinese lines without spaces and puts back the space before a number split onto a new line', () => {
    expect(statement.paragraphs[0]).toBe('“安全理事会重申其根据《联合国宪章》承担的维护国际和平与安全的首要责任。');
    expect(statement.paragraphs[11]).toContain(
      '尤其是第 1267(1999)号和第 1989(2011)号、第 1373(2001)号、第 1540(2004)号和第 1624(2005)号决议',
    );
  });

  it('ends with the closing quotation mark of the statement', () => {
    expect(statement.paragraphs[27]?.endsWith('鼓励论坛继续同联合国实体和附属机构密切合作。”')).toBe(true);
  });
});

describe('joinLines', () => {
  it('adds a space only between Han characters and Latin letters or digits', () => {
    expect(joinLines(['决议第', '1373 号'])).toBe('决议第 1373 号');
    expect(joinLines(['(A/RES/60/288)', '所述'])).toBe('(A/RES/60/288)所述');
    expect(joinLines(['反恐执行局', '(反恐执行局)'])).toBe('反恐执行局(反恐执行局)');
    expect(joinLines(['section', '2'])).toBe('section2');
  });
});

describe('parseStatement on bad input', () => {
  it('refuses an empty text', () => {
    expect(() => parseStatement('\n \n')).toThrow(/empty/);
  });
  it('refuses a text without numbered paragraphs, saying what it looked for', () => {
    expect(() => parseStatement('标题\n正文')).toThrow(/“安全理事会/);
  });
});
