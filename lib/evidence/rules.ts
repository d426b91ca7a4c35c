import { roleCan } from '@/lib/permissions';
import type { Role } from '@/lib/vocabulary';

/**
 * The business rules of evidence, in one place for every door: the entry form and the JSON API (both through
 * lib/operations/evidence.ts) and the CSV import (lib/transfer/evidence-import.ts). Pure functions over plain
 * data — the acting user, the actor and commitment a record is about, the state and authorship of the record as
 * it is — so the import can apply them row by row to what it loaded in bulk, without a query per row.
 *
 * A rule answers with violations. Each names the field it is about, a `reason` (a key of both the "validation"
 * and the "outcomes" message namespaces, the same text whatever the door) and the status and code an operation
 * fails with (`violationFailure`). The zod schemas in lib/validation/evidence.ts check the shape of the fields;
 * these rules check what the shape cannot: the database's actors and commitments, scope, state and authorship.
 */

export interface RuleUser {
  id: number;
  role: Role;
  /** ISO alpha-3 codes the user is limited to; empty means no limit. */
  countryScope: readonly string[];
}

export interface RuleActor {
  code: string;
  /** 'MEMBER_STATE' or 'UN_ENTITY' (enum ActorKind). */
  kind: string;
}

export interface RuleCommitment {
  /** 'MEMBER_STATES' or 'UN_SYSTEM' (enum Addressee). */
  addressee: string;
}

/** An existing record as the rules need it: its latest state, its actor and who made it. */
export interface RuleRecord {
  /** 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED' (enum ReviewState). */
  state: string;
  actorCode: string;
  createdById: number;
  /** The author of its latest revision. */
  latestAuthorId: number;
}

/** The review state a write puts a record in. */
export type WriteState = 'DRAFT' | 'SUBMITTED' | 'VERIFIED';

/** The field a violation is about; `record` is the record as a whole (an id in the import, the URL in the API). */
export type RuleField = 'actorCode' | 'commitmentCode' | 'record';

export type RuleReason =
  | 'unknownCountry'
  | 'unknownCommitment'
  | 'commitmentNotForStates'
  | 'commitmentNotForUnSystem'
  | 'outsideCountryScope'
  | 'evidenceInReview'
  | 'evidenceNotDraft'
  | 'evidenceNotSubmitted'
  | 'reviewNeedsReviewer'
  | 'cannotReviewOwn'
  | 'notYourRecord'
  | 'evidenceHasHistory';

export interface RuleViolation {
  field: RuleField;
  reason: RuleReason;
  /** How an operation fails for it: 400 is a field error, 403 a role, 409 a state that forbids the change. */
  status: 400 | 403 | 409;
  code: 'invalid' | 'forbidden' | 'out_of_scope' | 'in_review' | 'invalid_state' | 'own_record' | 'not_author';
}

const RULES: Record<RuleReason, Pick<RuleViolation, 'status' | 'code'>> = {
  unknownCountry: { status: 400, code: 'invalid' },
  unknownCommitment: { status: 400, code: 'invalid' },
  commitmentNotForStates: { status: 400, code: 'invalid' },
  commitmentNotForUnSystem: { status: 400, code: 'invalid' },
  outsideCountryScope: { status: 409, code: 'out_of_scope' },
  evidenceInReview: { status: 409, code: 'in_review' },
  evidenceNotDraft: { status: 409, code: 'invalid_state' },
  evidenceNotSubmitted: { status: 409, code: 'invalid_state' },
  reviewNeedsReviewer: { status: 403, code: 'forbidden' },
  cannotReviewOwn: { status: 409, code: 'own_record' },
  notYourRecord: { status: 403, code: 'not_author' },
  evidenceHasHistory: { status: 409, code: 'invalid_state' },
};

const violation = (field: RuleField, reason: RuleReason): RuleViolation => ({ field, reason, ...RULES[reason] });

/** Whether the user may act on evidence about this actor (their country scope is empty or includes it). */
export function inCountryScope(user: Pick<RuleUser, 'countryScope'>, actorCode: string): boolean {
  return user.countryScope.length === 0 || user.countryScope.includes(actorCode);
}

/** Whether the user created the record or wrote its latest revision: then someone else must review it. */
export function isOwnRecord(user: Pick<RuleUser, 'id'>, record: Pick<RuleRecord, 'createdById' | 'latestAuthorId'>) {
  return record.createdById === user.id || record.latestAuthorId === user.id;
}

/**
 * What a record may be about. `null` is a code that names no actor or commitment; `undefined` one that was not
 * checked (its field already failed the schema), so nothing more is said about it. A member state takes the
 * commitments addressed to member states, a UN entity those addressed to the UN system; and the user's country
 * scope must include the actor.
 */
export function targetViolations(
  user: RuleUser,
  actor: RuleActor | null | undefined,
  commitment: RuleCommitment | null | undefined,
): RuleViolation[] {
  const found: RuleViolation[] = [];
  if (actor === null) found.push(violation('actorCode', 'unknownCountry'));
  else if (actor && !inCountryScope(user, actor.code)) found.push(violation('actorCode', 'outsideCountryScope'));
  if (commitment === null) found.push(violation('commitmentCode', 'unknownCommitment'));
  else if (actor && commitment && (actor.kind === 'MEMBER_STATE') !== (commitment.addressee === 'MEMBER_STATES')) {
    found.push(
      violation(
        'commitmentCode',
        actor.kind === 'MEMBER_STATE' ? 'commitmentNotForStates' : 'commitmentNotForUnSystem',
      ),
    );
  }
  return found;
}

/**
 * Who may put a record in a review state. Drafts and submissions are for anyone who may write evidence; a verified
 * or returned record is a review, which needs a reviewer who neither created the record nor wrote its latest
 * revision.
 */
export function reviewStateViolations(
  user: RuleUser,
  state: WriteState | 'RETURNED',
  record: Pick<RuleRecord, 'createdById' | 'latestAuthorId'>,
): RuleViolation[] {
  if (state !== 'VERIFIED' && state !== 'RETURNED') return [];
  if (!roleCan(user.role, 'review:evidence')) return [violation('record', 'reviewNeedsReviewer')];
  if (isOwnRecord(user, record)) return [violation('record', 'cannotReviewOwn')];
  return [];
}

/**
 * The rules of a write that adds a revision: a new record (`record` null) or a new revision of `record`, entering
 * `state`. The record must be in the user's scope and not waiting for review (a submitted record changes only by
 * its review); the new target must pass `targetViolations`; and since the writer becomes the author of the new
 * revision, writing it as verified is reviewing one's own record, which nobody may. `changes: false` (an import
 * row equal to the record) checks only what the user may see and touch, as nothing would be written.
 */
export function writeViolations(input: {
  user: RuleUser;
  actor: RuleActor | null | undefined;
  commitment: RuleCommitment | null | undefined;
  record: RuleRecord | null;
  state: WriteState;
  changes?: boolean;
}): RuleViolation[] {
  const { user, record, state, changes = true } = input;
  const found = targetViolations(user, input.actor, input.commitment);
  if (record && !inCountryScope(user, record.actorCode)) found.push(violation('record', 'outsideCountryScope'));
  if (!changes) return found;
  if (record && record.state === 'SUBMITTED') found.push(violation('record', 'evidenceInReview'));
  found.push(
    ...reviewStateViolations(user, state, { createdById: record?.createdById ?? user.id, latestAuthorId: user.id }),
  );
  return found;
}

/** Submitting for review: a draft or returned record in the user's scope. */
export function submitViolations(user: RuleUser, record: RuleRecord): RuleViolation[] {
  if (!inCountryScope(user, record.actorCode)) return [violation('record', 'outsideCountryScope')];
  if (record.state !== 'DRAFT' && record.state !== 'RETURNED') return [violation('record', 'evidenceNotDraft')];
  return [];
}

/** Unpublishing (withdrawing a record from the public view): any record in the user's scope, in any state. */
export function unpublishViolations(user: RuleUser, record: Pick<RuleRecord, 'actorCode'>): RuleViolation[] {
  return inCountryScope(user, record.actorCode) ? [] : [violation('record', 'outsideCountryScope')];
}

/**
 * Deleting a draft: only a record that never left draft (`everSubmitted` false: no revision of it was ever
 * submitted, so no review, verification or status depends on it), by its author (who created it or wrote its
 * latest revision), in their scope. A record with a review history keeps it: edit it instead.
 */
export function deleteViolations(user: RuleUser, record: RuleRecord, everSubmitted: boolean): RuleViolation[] {
  if (!inCountryScope(user, record.actorCode)) return [violation('record', 'outsideCountryScope')];
  if (!isOwnRecord(user, record)) return [violation('record', 'notYourRecord')];
  if (record.state === 'SUBMITTED') return [violation('record', 'evidenceInReview')];
  if (record.state !== 'DRAFT' || everSubmitted) return [violation('record', 'evidenceHasHistory')];
  return [];
}

/**
 * Withdrawing a submission (back to draft): a record waiting for review, by its author (who created it or wrote
 * the submitted revision), in their scope, before a reviewer has decided.
 */
export function withdrawViolations(user: RuleUser, record: RuleRecord): RuleViolation[] {
  if (!inCountryScope(user, record.actorCode)) return [violation('record', 'outsideCountryScope')];
  if (!isOwnRecord(user, record)) return [violation('record', 'notYourRecord')];
  if (record.state !== 'SUBMITTED') return [violation('record', 'evidenceNotSubmitted')];
  return [];
}

/** Reviewing (verify or return): a submitted record, by a reviewer who did not make it. */
export function reviewViolations(user: RuleUser, record: RuleRecord, decision: 'verify' | 'return'): RuleViolation[] {
  if (record.state !== 'SUBMITTED') return [violation('record', 'evidenceNotSubmitted')];
  return reviewStateViolations(user, decision === 'verify' ? 'VERIFIED' : 'RETURNED', record);
}

/**
 * How an operation fails for a list of violations (none: null): the first that is not a field error decides the
 * status, code and message (a key of "outcomes"); otherwise 400 "fieldsInvalid". Every violation is listed under
 * its field (`record` as "_record"), so a form shows them all at once.
 */
export function violationFailure(violations: readonly RuleViolation[]): {
  status: 400 | 403 | 409;
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
} | null {
  if (violations.length === 0) return null;
  const fieldErrors: Record<string, string[]> = {};
  for (const { field, reason } of violations) {
    const key = field === 'record' ? '_record' : field;
    if (!(fieldErrors[key] ??= []).includes(reason)) fieldErrors[key].push(reason);
  }
  const decisive = violations.find((candidate) => candidate.status !== 400);
  if (!decisive) return { status: 400, code: 'invalid', message: 'fieldsInvalid', fieldErrors };
  return { status: decisive.status, code: decisive.code, message: decisive.reason, fieldErrors };
}
