'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { acceptFormData } from '@/lib/actions/arguments';
import { failureFormState, type FormState } from '@/lib/actions/form-state';
import { getCurrentUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { redirect } from '@/lib/i18n/navigation';
import { getRequestId } from '@/lib/http/request-id';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { operations } from '@/lib/operations';
import { claimImport, importsDir } from '@/lib/transfer/import-store';
import { importWasApplied } from '@/lib/operations/transfer';

export interface ImportApplyState extends FormState {
  result?: { created: number; updated: number; unchanged: number; skipped: number };
}

/**
 * Applies a previewed import: the file stays on the server between preview and apply (by its token), is claimed
 * by exactly one apply, and is deleted once applied or put back when the import is refused.
 */
export async function importEvidenceAction(_state: ImportApplyState, formData: FormData): Promise<ImportApplyState> {
  acceptFormData(formData);
  if (!isSameOriginRequest(await headers())) return { status: 'error', message: 'crossSite' };
  const user = await getCurrentUser();
  if (!user) redirect({ href: '/sign-in', locale: await getLocale() });
  const token = String(formData.get('token') ?? '');
  const intent = String(formData.get('intent') ?? 'draft');
  // Duplicates are skipped unless the user chose on the preview to create them.
  const duplicates = String(formData.get('duplicates') ?? 'skip');
  const prisma = await requestPrisma();
  const claimed = await claimImport(token, user.id, importsDir(), (stored) => importWasApplied(prisma, stored));
  if (!claimed) return { status: 'error', message: 'importGone' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(claimed.bytes);
  } catch {
    await claimed.release();
    return { status: 'error', message: 'importNotUtf8' };
  }
  const outcome = await operations.importEvidence.run(
    { user, requestId: await getRequestId(), prisma },
    { csv: text, intent, duplicates, fileName: claimed.meta.fileName, token: claimed.meta.token },
  );
  if (!outcome.ok) {
    await claimed.release();
    return failureFormState(outcome);
  }
  await claimed.done();
  revalidatePath('/[locale]', 'layout');
  const { created, updated, unchanged, duplicates: found, duplicatesCreated } = outcome.value;
  const skipped = found - duplicatesCreated;
  return { status: 'ok', message: 'importApplied', result: { created, updated, unchanged, skipped } };
}
