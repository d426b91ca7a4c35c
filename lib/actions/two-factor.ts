'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { redirectDone } from '@/lib/actions/done';
import { runFormAction } from '@/lib/actions/run';
import { operations } from '@/lib/operations';

// One server action per operation; each is a thin shell over lib/operations (see lib/actions/run.ts).

const refreshAccount = () => revalidatePath('/[locale]/account', 'layout');

export async function confirmTotpEnrolmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.confirmTotpEnrolment, formData, ({ recoveryCodes }) => {
    refreshAccount();
    // The codes go back once, to be shown once; only their hashes are stored.
    return { status: 'ok', message: 'secondFactorEnrolled', recoveryCodes };
  });
}

export async function regenerateRecoveryCodesAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.regenerateRecoveryCodes, formData, ({ recoveryCodes }) => {
    refreshAccount();
    return { status: 'ok', message: 'recoveryCodesRegenerated', recoveryCodes };
  });
}

// The next four remove the form that ran them (the second factor's section changes, the session's row or the
// "sign out everywhere else" button goes): their confirmation is shown by the page (lib/actions/done.ts).

export async function disableOwnSecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.disableOwnSecondFactor, formData, () => {
    refreshAccount();
    return redirectDone('/account/security', 'secondFactorDisabled');
  });
}

export async function resetUserSecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.resetUserSecondFactor, formData, () => {
    revalidatePath('/[locale]/admin/users', 'layout');
    // The operation found the user by this id, so it is a valid one.
    return redirectDone(`/admin/users/${Number(formData.get('id'))}`, 'secondFactorReset');
  });
}

export async function revokeOwnSessionAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.revokeOwnSession, formData, () => {
    refreshAccount();
    return redirectDone('/account/security', 'sessionRevoked');
  });
}

export async function revokeOtherSessionsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.revokeOtherSessions, formData, () => {
    refreshAccount();
    return redirectDone('/account/security', 'otherSessionsRevoked');
  });
}
