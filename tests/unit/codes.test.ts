import { describe, expect, it } from 'vitest';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import { EvidenceQuery, ProgressQuery } from '@/lib/validation/api';
import { actorCode, commitmentCode, countryCode, themeCode } from '@/lib/validation/codes';
import { parseReviewFilter } from '@/lib/validation/evidence-filters';
import { parseCommitmentFilter } from '@/lib/validation/filters';
import { parseEvidenceExportFilter } from '@/lib/validation/transfer';

describe('codes are case-insensitive wherever they are parsed', () => {
  it('folds each kind of code to its canonical case', () => {
    expect(countryCode().parse(' ken ')).toBe('KEN');
    expect(actorCode().parse('unodc')).toBe('UNODC');
    expect(commitmentCode().parse('p12-CONVENTIONS')).toBe('P12-conventions');
    expect(themeCode().parse('Prevention')).toBe('prevention');
    expect(countryCode().safeParse('KENY').success).toBe(false);
    expect(commitmentCode().safeParse('X12-conventions').success).toBe(false);
  });

  it('reads page, export and review filters in any case', () => {
    expect(parseDashboardFilter({ country: 'ken', commitment: 'p12-Conventions', theme: 'PREVENTION' })).toMatchObject({
      country: 'KEN',
      commitment: 'P12-conventions',
      theme: 'prevention',
    });
    expect(parseCommitmentFilter({ theme: 'Prevention' }).theme).toBe('prevention');
    expect(parseReviewFilter({ country: 'ken', commitment: 'P12-CONVENTIONS' })).toMatchObject({
      country: 'KEN',
      commitment: 'P12-conventions',
    });
    expect(
      parseEvidenceExportFilter({ country: 'ken', commitment: 'p12-conventions', theme: 'Prevention' }),
    ).toMatchObject({ country: 'KEN', commitment: 'P12-conventions', theme: 'prevention' });
  });

  it('reads API filters in any case', () => {
    expect(EvidenceQuery.parse({ actor: 'ken', commitment: 'p12-conventions', theme: 'PREVENTION' })).toMatchObject({
      actor: 'KEN',
      commitment: 'P12-conventions',
      theme: 'prevention',
    });
    expect(ProgressQuery.parse({ commitment: 'P12-CONVENTIONS', country: 'ken' })).toMatchObject({
      commitment: 'P12-conventions',
      country: 'KEN',
    });
  });
});
