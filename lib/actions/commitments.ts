'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { runFormAction } from '@/lib/actions/run';
import { operations } from '@/lib/operations';

export async function updateCommitmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.updateCommitment, formData, () => {
    revalidatePath('/[locale]/commitments', 'layout');
    return { status: 'ok', message: 'saved' };
  });
}
