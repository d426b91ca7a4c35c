import { describe, expect, it } from 'vitest';
import {
  reviewViolations,
  submitViolations,
  violationFailure,
  writeViolations,
  type RuleRecord,
  type RuleUser,
} from '@/lib/evidence/rules';

const editor: RuleUser = { id: 1, role: 'EDITOR', countryScope: [] };
const scoped: RuleUser = { id: 2, role: 'EDITOR', countryScope: ['KEN'] };
const reviewer: RuleUser = { id: 3, role: 'REVIEWER', countryScope: [] };
const state = { code: 'KEN', kind: 'MEMBER_STATE' };
const entity = { code: 'CTED', kind: 'UN_ENTITY' };
const forStates = { addressee: 'MEMBER_STATES' };
const forUn = { addressee: 'UN_SYSTEM' };
const record = (overrides: Partial<RuleRecord> = {}): RuleRecord => ({
  state: 'DRAFT',
  actorCode: 'KEN',
  createdById: 1,
  latestAuthorId: 1,
  ...overrides,
});
const reasons = (found: { reason: string }[]) => found.map((violation) => violation.reason);

describe('the evidence rules', () => {
  it('match actors to the commitments addressed to them, and unknown codes by name', () => {
    const write = (actor: typeof state | null, commitment: typeof forStates | null) =>
      reasons(writeViolations({ user: editor, actor, commitment, record: null, state: 'DRAFT' }));
    expect(write(state, forStates)).toEqual([]);
    expect(write(entity, forUn)).toEqual([]);
    expect(write(state, forUn)).toEqual(['commitmentNotForStates']);
    expect(write(entity, forStates)).toEqual(['commitmentNotForUnSystem']);
    expect(write(null, null)).toEqual(['unknownCountry', 'unknownCommitment']);
  });

  it('keep a scoped editor to their countries, for the new target and for the record as it is', () => {
    const uga = { code: 'UGA', kind: 'MEMBER_STATE' };
    expect(
      reasons(writeViolations({ user: scoped, actor: uga, commitment: forStates, record: null, state: 'DRAFT' })),
    ).toEqual(['outsideCountryScope']);
    const moving = writeViolations({
      user: scoped,
      actor: state,
      commitment: forStates,
      record: record({ actorCode: 'UGA' }),
      state: 'DRAFT',
    });
    expect(moving).toEqual([{ field: 'record', reason: 'outsideCountryScope', status: 409, code: 'out_of_scope' }]);
    expect(reasons(submitViolations(scoped, record({ actorCode: 'UGA' })))).toEqual(['outsideCountryScope']);
  });

  it('let a submitted record change only by its review, unless nothing changes', () => {
    const input = { user: editor, actor: state, commitment: forStates, record: record({ state: 'SUBMITTED' }) };
    expect(reasons(writeViolations({ ...input, state: 'DRAFT' }))).toEqual(['evidenceInReview']);
    expect(reasons(writeViolations({ ...input, state: 'DRAFT', changes: false }))).toEqual([]);
    expect(reasons(submitViolations(editor, record({ state: 'SUBMITTED' })))).toEqual(['evidenceNotDraft']);
  });

  it('never let anyone review their own record, whether they created it, wrote its latest revision or write one now', () => {
    const submitted = record({ state: 'SUBMITTED', createdById: 1, latestAuthorId: 1 });
    expect(reasons(reviewViolations(reviewer, submitted, 'verify'))).toEqual([]);
    expect(reasons(reviewViolations(reviewer, { ...submitted, createdById: 3 }, 'return'))).toEqual([
      'cannotReviewOwn',
    ]);
    expect(reasons(reviewViolations(reviewer, { ...submitted, latestAuthorId: 3 }, 'verify'))).toEqual([
      'cannotReviewOwn',
    ]);
    expect(reasons(reviewViolations(editor, submitted, 'verify'))).toEqual(['reviewNeedsReviewer']);
    expect(reasons(reviewViolations(reviewer, record(), 'verify'))).toEqual(['evidenceNotSubmitted']);
    // A write as verified: the writer is the new revision's author, so it is always a self-review.
    for (const existing of [null, record({ createdById: 1, latestAuthorId: 1 })]) {
      expect(
        reasons(
          writeViolations({ user: reviewer, actor: state, commitment: forStates, record: existing, state: 'VERIFIED' }),
        ),
      ).toEqual(['cannotReviewOwn']);
    }
  });

  it('fail an operation with the first non-field violation, listing every reason under its field', () => {
    expect(violationFailure([])).toBeNull();
    const targetOnly = writeViolations({ user: editor, actor: state, commitment: forUn, record: null, state: 'DRAFT' });
    expect(violationFailure(targetOnly)).toEqual({
      status: 400,
      code: 'invalid',
      message: 'fieldsInvalid',
      fieldErrors: { commitmentCode: ['commitmentNotForStates'] },
    });
    const mixed = writeViolations({
      user: scoped,
      actor: state,
      commitment: forUn,
      record: record({ state: 'SUBMITTED' }),
      state: 'DRAFT',
    });
    expect(violationFailure(mixed)).toEqual({
      status: 409,
      code: 'in_review',
      message: 'evidenceInReview',
      fieldErrors: { commitmentCode: ['commitmentNotForStates'], _record: ['evidenceInReview'] },
    });
  });
});
