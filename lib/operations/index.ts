import { createApiToken, revokeApiToken } from '@/lib/operations/api-tokens';
import { updateCommitment } from '@/lib/operations/commitments';
import {
  createEvidence,
  deleteEvidence,
  reviewEvidence,
  submitEvidence,
  unpublishEvidence,
  updateEvidence,
  withdrawEvidence,
} from '@/lib/operations/evidence';
import { updateRatification } from '@/lib/operations/ratification';
import { setPublicView } from '@/lib/operations/settings';
import {
  confirmTotpEnrolment,
  disableOwnSecondFactor,
  regenerateRecoveryCodes,
  resetUserSecondFactor,
  revokeOtherSessions,
  revokeOwnSession,
} from '@/lib/operations/two-factor';
import { importEvidence } from '@/lib/operations/transfer';
import { changeOwnPassword, createUser, resetUserPassword, setUserDisabled, updateUser } from '@/lib/operations/users';

/**
 * Every operation that changes data. Server actions and API routes call these and nothing else; the permission
 * table test runs each one as every role and fails when an operation here has no row in its table.
 */
export const operations = {
  createUser,
  updateUser,
  setUserDisabled,
  resetUserPassword,
  changeOwnPassword,
  setPublicView,
  updateRatification,
  createEvidence,
  updateEvidence,
  submitEvidence,
  reviewEvidence,
  unpublishEvidence,
  deleteEvidence,
  withdrawEvidence,
  updateCommitment,
  createApiToken,
  revokeApiToken,
  importEvidence,
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  disableOwnSecondFactor,
  resetUserSecondFactor,
  revokeOwnSession,
  revokeOtherSessions,
};
export type OperationName = keyof typeof operations;
