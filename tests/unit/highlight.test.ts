import { describe, expect, it } from 'vitest';
import { segmentParagraph } from '@/lib/statement/highlight';

describe('segmentParagraph', () => {
  const text = 'ABCDEFGHIJ';

  it('returns the whole text as one plain run when nothing is quoted', () => {
    expect(segmentParagraph(text, [])).toEqual([{ text, codes: [] }]);
  });

  it('highlights separate quotes in order of appearance, whatever order they come in', () => {
    expect(
      segmentParagraph(text, [
        { code: 'b', quote: 'HI' },
        { code: 'a', quote: 'BC' },
      ]),
    ).toEqual([
      { text: 'A', codes: [] },
      { text: 'BC', codes: ['a'] },
      { text: 'DEFG', codes: [] },
      { text: 'HI', codes: ['b'] },
      { text: 'J', codes: [] },
    ]);
  });

  it('merges overlapping and nested quotes into one run naming every commitment', () => {
    expect(
      segmentParagraph(text, [
        { code: 'outer', quote: 'BCDEF' },
        { code: 'inner', quote: 'CD' },
        { code: 'tail', quote: 'EFGH' },
      ]),
    ).toEqual([
      { text: 'A', codes: [] },
      { text: 'BCDEFGH', codes: ['outer', 'inner', 'tail'] },
      { text: 'IJ', codes: [] },
    ]);
  });

  it('keeps every character exactly once', () => {
    const runs = segmentParagraph(text, [
      { code: 'x', quote: 'A' },
      { code: 'y', quote: 'J' },
      { code: 'missing', quote: 'not in the text' },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs.flatMap((run) => run.codes)).toEqual(['x', 'y']);
  });
});
