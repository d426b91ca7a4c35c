'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { reviewEvidenceAction, submitEvidenceAction, unpublishEvidenceAction } from '@/lib/actions/evidence';
import { initialFormState } from '@/lib/actions/form-state';

export function SubmitForReviewForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations('evidence');
  const [state, action] = useActionState(submitEvidenceAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingLabel={t('saving')}>{t('submitForReview')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Verify, or return with a comment the author will see. */
export function ReviewForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(reviewEvidenceAction, initialFormState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field
        name="comment"
        label={t('reviewComment')}
        hint={t('reviewCommentHint')}
        errors={state.fieldErrors?.comment}
      >
        {(props) => <textarea {...props} rows={3} maxLength={2000} />}
      </Field>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" name="decision" value="verify" className="button" disabled={pending}>
          {t('verify')}
        </button>
        <button type="submit" name="decision" value="return" className="button button--quiet" disabled={pending}>
          {t('return')}
        </button>
      </div>
    </form>
  );
}

/** Withdraws a public record from the public view at once (every revision becomes internal; audited). */
export function UnpublishForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations('evidence');
  const [state, action] = useActionState(unpublishEvidenceAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingLabel={t('saving')}>{t('unpublish')}</SubmitButton>
      <span className="muted">{t('unpublishHint')}</span>
      <FormMessage state={state} />
    </form>
  );
}
