'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { FormState } from '@/lib/actions/form-state';
import { redirectDone } from '@/lib/actions/done';
import { redirect } from '@/lib/i18n/navigation';
import { runFormAction } from '@/lib/actions/run';
import { operations } from '@/lib/operations';
import { nestFormValues } from '@/lib/validation/evidence';

/**
 * Text fields nested ("sources.0.url" → sources[0].url), plus the chosen files as bytes. Only the empty part a
 * browser sends for a file field with nothing chosen (no name, no bytes) is left out: a chosen empty file goes on
 * to be refused by name (`fileEmpty`), never silently dropped.
 */
async function evidenceInput(values: Record<string, string | string[]>, formData: FormData) {
  const files = formData
    .getAll('attachments')
    // (It arrives without a name: a Blob, or a File whose name is empty.)
    .filter((file): file is File => file instanceof Blob && (file.size > 0 || Boolean((file as Partial<File>).name)));
  const attachments = await Promise.all(
    files.map(async (file) => ({
      fileName: file.name ?? '',
      size: file.size,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  const removeAttachmentIds = formData.getAll('removeAttachmentIds').map(String);
  return { ...nestFormValues(values), attachments, removeAttachmentIds };
}

/**
 * Shows the record after a change. `done` (a key of "outcomes") is the confirmation the record page shows
 * (components/forms/DoneMessage.tsx): the form that ran the action is gone once the record's state changed, and a
 * message kept in it would vanish with it. Statuses and public rollups may have changed: the locale is revalidated.
 */
async function goToRecord(
  id: number,
  done?: 'evidenceSubmitted' | 'evidenceVerified' | 'evidenceReturned' | 'evidenceUnpublished' | 'evidenceWithdrawn',
): Promise<never> {
  revalidatePath('/[locale]', 'layout');
  if (done) return redirectDone(`/evidence/${id}`, done);
  redirect({ href: `/evidence/${id}`, locale: await getLocale() });
}

/** A save that also submitted (intent "submit") confirms it as submitting a saved draft does. */
const savedDone = (state: string) => (state === 'SUBMITTED' ? ('evidenceSubmitted' as const) : undefined);

export async function createEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    operations.createEvidence,
    formData,
    (value) => goToRecord(value.id, savedDone(value.state)),
    evidenceInput,
  );
}

export async function updateEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    operations.updateEvidence,
    formData,
    (value) => goToRecord(value.id, savedDone(value.state)),
    evidenceInput,
  );
}

export async function submitEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.submitEvidence, formData, (value) => goToRecord(value.id, 'evidenceSubmitted'));
}

export async function reviewEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.reviewEvidence, formData, (value) =>
    goToRecord(value.id, value.state === 'VERIFIED' ? 'evidenceVerified' : 'evidenceReturned'),
  );
}

export async function unpublishEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.unpublishEvidence, formData, (value) => goToRecord(value.id, 'evidenceUnpublished'));
}

/** Deletes a draft (operation `deleteEvidence`); on success goes to My evidence, where it is gone. */
export async function deleteEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.deleteEvidence, formData, async () => {
    revalidatePath('/[locale]/evidence', 'layout');
    redirect({ href: { pathname: '/evidence', query: { mine: '1' } }, locale: await getLocale() });
  });
}

/**
 * Takes a submission back to draft (operation `withdrawEvidence`). The withdraw form is gone once the record is a
 * draft again, so the page confirms it (and no longer says "Submitted for review." from the submit before it).
 */
export async function withdrawEvidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(operations.withdrawEvidence, formData, (value) => goToRecord(value.id, 'evidenceWithdrawn'));
}
