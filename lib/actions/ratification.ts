'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { runFormAction } from '@/lib/actions/run';
import { operations } from '@/lib/operations';

// One server action per operation; each is a thin shell over lib/operations (see lib/actions/run.ts).

export async function updateRatificationAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.updateRatification, formData, () => {
    // The country page shows the row, its count and its history; commitment pages show the counts per state.
    revalidatePath('/[locale]/countries/[code]', 'page');
    revalidatePath('/[locale]/commitments/[code]', 'page');
    return { status: 'ok', message: 'ratificationSaved' };
  });
}
