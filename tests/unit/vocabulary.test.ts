import { describe, expect, it } from 'vitest';
import {
  ADDRESSEES,
  Addressee,
  API_TOKEN_SCOPES,
  ApiTokenScope,
  IMPLEMENTATION_STATUSES,
  ImplementationStatus,
  isPartyStatus,
  orderOf,
  PARTY_STATUSES,
  PROGRESS_STEPS,
  progressRank,
  RATIFICATION_STATUSES,
  RatificationStatus,
  REGIONAL_GROUPS,
  RegionalGroup,
  REVIEW_STATES,
  ReviewState,
  Role,
  ROLES,
  SOURCE_TYPES,
  SourceType,
  Strength,
  STRENGTHS,
} from '@/lib/vocabulary';

describe('the vocabulary', () => {
  it.each([
    ['ADDRESSEES', ADDRESSEES, Addressee],
    ['STRENGTHS', STRENGTHS, Strength],
    ['REGIONAL_GROUPS', REGIONAL_GROUPS, RegionalGroup],
    ['IMPLEMENTATION_STATUSES', IMPLEMENTATION_STATUSES, ImplementationStatus],
    ['SOURCE_TYPES', SOURCE_TYPES, SourceType],
    ['RATIFICATION_STATUSES', RATIFICATION_STATUSES, RatificationStatus],
    ['ROLES', ROLES, Role],
    ['REVIEW_STATES', REVIEW_STATES, ReviewState],
    ['API_TOKEN_SCOPES', API_TOKEN_SCOPES, ApiTokenScope],
  ] as const)('%s lists every value of its generated enum exactly once', (_, order, values) => {
    expect(new Set(order).size).toBe(order.length);
    expect([...order].sort()).toEqual(Object.values(values).sort());
  });

  it('refuses an order that misses or repeats a value, at compile time and when loaded', () => {
    // @ts-expect-error UN_SYSTEM is missing
    expect(() => orderOf(Addressee)(['MEMBER_STATES'])).toThrow(/does not list each/);
    // @ts-expect-error UN_SYSTEM is listed twice
    expect(() => orderOf(Addressee)(['MEMBER_STATES', 'UN_SYSTEM', 'UN_SYSTEM'])).toThrow(/does not list each/);
    // @ts-expect-error not a value of the enum
    expect(() => orderOf(Addressee)(['MEMBER_STATES', 'UN_SYSTEM', 'OTHERS'])).toThrow(/does not list each/);
    expect(orderOf(Addressee)(['UN_SYSTEM', 'MEMBER_STATES'])).toEqual(['UN_SYSTEM', 'MEMBER_STATES']);
  });

  it('ranks the steps of implementation from not started to fully implemented', () => {
    expect(PROGRESS_STEPS).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED']);
    expect(IMPLEMENTATION_STATUSES.map(progressRank)).toEqual([4, 3, 2, 1, null, null]);
  });

  it('counts the ways of consenting to be bound as being a party', () => {
    expect(RATIFICATION_STATUSES.filter(isPartyStatus)).toEqual(PARTY_STATUSES);
    expect(isPartyStatus('SIGNED')).toBe(false);
    expect(isPartyStatus('accession')).toBe(false);
  });
});
