import { describe, expect, it } from 'vitest';
import { pageOf, STATES_PAGE_SIZE } from '@/lib/status/paging';
import { parseStatesPage } from '@/lib/validation/status';

const states = Array.from({ length: 193 }, (_, index) => `S${index + 1}`);

describe('pageOf (lib/status/paging.ts)', () => {
  it('cuts 193 states into pages of 50', () => {
    expect(STATES_PAGE_SIZE).toBe(50);
    const first = pageOf(states, 1);
    expect(first).toMatchObject({ page: 1, pages: 4, first: 1, last: 50, total: 193 });
    expect(first.items).toEqual(states.slice(0, 50));
    const second = pageOf(states, 2);
    expect(second).toMatchObject({ page: 2, first: 51, last: 100 });
    expect(second.items[0]).toBe('S51');
    const last = pageOf(states, 4);
    expect(last).toMatchObject({ page: 4, first: 151, last: 193 });
    expect(last.items).toHaveLength(43);
  });

  it('shows the last page for a page past the end and the first for one below 1', () => {
    expect(pageOf(states, 9).page).toBe(4);
    expect(pageOf(states, 0).page).toBe(1);
    expect(pageOf(states, 1.5).page).toBe(1);
  });

  it('keeps a short list on one page, and an empty list as one empty page', () => {
    expect(pageOf(states.slice(0, 29), 1)).toMatchObject({ pages: 1, first: 1, last: 29, total: 29 });
    expect(pageOf([], 3)).toEqual({ items: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => pageOf(states, 1, 0)).toThrow(RangeError);
  });
});

describe('parseStatesPage (lib/validation/status.ts)', () => {
  it('reads ?page= and falls back to 1 for anything else', () => {
    expect(parseStatesPage({ page: '3' })).toBe(3);
    expect(parseStatesPage({ page: ['2', '5'] })).toBe(2);
    for (const page of [undefined, '', '0', '-1', '2.5', 'abc', '99999999']) expect(parseStatesPage({ page })).toBe(1);
  });
});
