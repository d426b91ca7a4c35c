'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { runFormAction } from '@/lib/actions/run';
import { operations } from '@/lib/operations';

// One server action per operation; each is a thin shell over lib/operations (see lib/actions/run.ts).

export async function createApiTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.createApiToken, formData, ({ secret }) => {
    revalidatePath('/[locale]/account', 'layout');
    revalidatePath('/[locale]/admin/users', 'layout');
    // The secret goes back once, to be shown once; it is stored nowhere but as its hash.
    return { status: 'ok', message: 'tokenCreated', apiTokenSecret: secret };
  });
}

export async function revokeApiTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.revokeApiToken, formData, () => {
    revalidatePath('/[locale]/account', 'layout');
    revalidatePath('/[locale]/admin/users', 'layout');
    return { status: 'ok', message: 'tokenRevoked' };
  });
}
