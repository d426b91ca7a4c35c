'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
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

export async function disableOwnSecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.disableOwnSecondFactor, formData, () => {
    refreshAccount();
    return { status: 'ok', message: 'secondFactorDisabled' };
  });
}

export async function resetUserSecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.resetUserSecondFactor, formData, () => {
    revalidatePath('/[locale]/admin/users', 'layout');
    return { status: 'ok', message: 'secondFactorReset' };
  });
}

export async function revokeOwnSessionAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.revokeOwnSession, formData, () => {
    refreshAccount();
    return { status: 'ok', message: 'sessionRevoked' };
  });
}

export async function revokeOtherSessionsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.revokeOtherSessions, formData, () => {
    refreshAccount();
    return { status: 'ok', message: 'otherSessionsRevoked' };
  });
}
