'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { deleteEvidenceAction, withdrawEvidenceAction } from '@/lib/actions/evidence';
import { initialFormState } from '@/lib/actions/form-state';

/**
 * A button that asks before it acts: the first press shows the question with "Yes, continue" (which submits the
 * form) and "Cancel". Used for deleting a draft and withdrawing a submission, both by the record's author.
 */
function ConfirmedAction({
  id,
  version,
  action: serverAction,
  label,
  hint,
  question,
}: {
  id: number;
  version: number;
  action: typeof deleteEvidenceAction;
  label: string;
  hint: string;
  question: string;
}) {
  const t = useTranslations('evidence');
  const [state, action] = useActionState(serverAction, initialFormState);
  const [asking, setAsking] = useState(false);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {asking ? (
        <span role="alertdialog" aria-label={question} className="confirm">
          <strong>{question}</strong> <SubmitButton pendingLabel={t('saving')}>{t('confirm')}</SubmitButton>{' '}
          <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </span>
      ) : (
        <>
          <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
            {label}
          </button>{' '}
          <span className="muted">{hint}</span>
        </>
      )}
      <FormMessage state={state} />
    </form>
  );
}

/** Deletes a draft that never entered review, after asking (operation `deleteEvidence`). */
export function DeleteDraftForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations('evidence');
  return (
    <ConfirmedAction
      id={id}
      version={version}
      action={deleteEvidenceAction}
      label={t('deleteDraft')}
      hint={t('deleteDraftHint')}
      question={t('deleteDraftConfirm')}
    />
  );
}

/** Takes the author's submission back to draft before review, after asking (operation `withdrawEvidence`). */
export function WithdrawForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations('evidence');
  return (
    <ConfirmedAction
      id={id}
      version={version}
      action={withdrawEvidenceAction}
      label={t('withdraw')}
      hint={t('withdrawHint')}
      question={t('withdrawConfirm')}
    />
  );
}
