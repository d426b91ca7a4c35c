'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { runFormAction } from '@/lib/actions/run';
import { operations } from '@/lib/operations';

// One server action per operation; each is a thin shell over lib/operations (see lib/actions/run.ts).

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.createUser, formData, ({ user, oneTimePassword }) => {
    revalidatePath('/[locale]/admin/users', 'page');
    return {
      status: 'ok',
      message: 'userCreated',
      oneTimePassword: oneTimePassword ?? undefined,
      values: { email: user.email },
    };
  });
}

export async function updateUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.updateUser, formData, () => {
    revalidatePath('/[locale]/admin/users', 'layout');
    return { status: 'ok', message: 'saved' };
  });
}

export async function setUserDisabledAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.setUserDisabled, formData, ({ disabled }) => {
    revalidatePath('/[locale]/admin/users', 'layout');
    return { status: 'ok', message: disabled ? 'userDisabled' : 'userEnabled' };
  });
}

export async function resetUserPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.resetUserPassword, formData, ({ oneTimePassword }) => {
    revalidatePath('/[locale]/admin/users', 'layout');
    return { status: 'ok', message: 'passwordReset', oneTimePassword };
  });
}

export async function changeOwnPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.changeOwnPassword, formData, ({ signedOutOthers }) => ({
    status: 'ok',
    message: signedOutOthers ? 'passwordChangedSignedOut' : 'passwordChanged',
  }));
}

export async function setPublicViewAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.setPublicView, formData, ({ publicView }) => {
    revalidatePath('/', 'layout');
    return { status: 'ok', message: publicView ? 'publicViewOn' : 'publicViewOff' };
  });
}
