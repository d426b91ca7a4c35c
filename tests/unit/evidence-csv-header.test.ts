import { describe, expect, it } from 'vitest';
import { evidenceHeader, readHeader, spreadsheetColumn } from '@/lib/transfer/evidence-csv';

/** The evidence CSV header: each problem named as found, never as a different one. */
function problems(cells: string[]) {
  const read = readHeader(cells);
  return read.ok ? [] : read.problems.map(({ column, reason }) => `${column} ${reason}`);
}

describe('evidence CSV header', () => {
  it('accepts the export format with any number of source groups, in any column order', () => {
    for (const groups of [1, 2, 20]) {
      const read = readHeader(evidenceHeader(groups));
      expect(read.ok && read.header.sourceGroups).toEqual(Array.from({ length: groups }, (_, index) => index));
    }
    const shuffled = [...evidenceHeader(2)].reverse().map((name) => ` ${name.toUpperCase()} `);
    const read = readHeader(shuffled);
    expect(read.ok && read.header.index.get('id')).toBe(shuffled.length - 1);
  });

  it('names an extra column as unexpected, not as a missing one', () => {
    const header = evidenceHeader(1);
    expect(problems([...header.slice(0, 4), 'comment', ...header.slice(4)])).toEqual([
      'comment importColumnUnexpected',
    ]);
    expect(problems([...header, 'notes'])).toEqual(['notes importColumnUnexpected']);
  });

  it('names each missing column', () => {
    const header = evidenceHeader(1).filter((name) => name !== 'actor_code' && name !== 'tags');
    expect(problems(header)).toEqual(['actor_code importColumnMissing', 'tags importColumnMissing']);
    expect(problems(evidenceHeader(1).slice(0, 12))).toEqual([
      'source_1_type importColumnMissing',
      'source_1_url importColumnMissing',
      'source_1_reference importColumnMissing',
      'source_1_title importColumnMissing',
      'source_1_published_on importColumnMissing',
    ]);
  });

  it('names a duplicated column once, an incomplete source group and source groups beyond 20', () => {
    expect(problems([...evidenceHeader(1), 'status', 'status'])).toEqual(['status importColumnDuplicated']);
    const partial = [...evidenceHeader(1), 'source_2_type', 'source_2_url'];
    expect(problems(partial)).toEqual([
      'source_2_reference importSourceGroupIncomplete',
      'source_2_title importSourceGroupIncomplete',
      'source_2_published_on importSourceGroupIncomplete',
    ]);
    const tooMany = [...evidenceHeader(20), ...evidenceHeader(21).slice(-5)];
    expect(problems(tooMany)).toEqual(
      ['type', 'url', 'reference', 'title', 'published_on'].map((f) => `source_21_${f} importTooManySourceGroups:20`),
    );
  });

  it('reads a header a semicolon file yields with a comma parser as missing columns plus one unexpected one', () => {
    // Only a fallback: the importer sniffs the separator first and says "separated by semicolons".
    expect(problems([evidenceHeader(1).join(';')])[0]).toMatch(/importColumnUnexpected$/);
  });

  it('allows unnamed (empty) header cells, which spreadsheets keep for cleared columns', () => {
    const read = readHeader([...evidenceHeader(1), '', ' ']);
    expect(read.ok && read.header.unnamed).toEqual([17, 18]);
    expect([0, 25, 26, 701, 702].map(spreadsheetColumn)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
