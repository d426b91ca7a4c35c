'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { changeOwnPasswordAction } from '@/lib/actions/users';
import { initialFormState } from '@/lib/actions/form-state';

export function ChangePasswordForm({ continueHref }: { continueHref: string }) {
  const t = useTranslations('account');
  const [state, action] = useActionState(changeOwnPasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  if (state.status === 'ok') {
    return (
      <div>
        <FormMessage state={state} />
        <p>
          <a className="button" href={continueHref}>
            {t('continue')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="stack" noValidate>
      <Field name="currentPassword" label={t('currentPassword')} errors={errors.currentPassword}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required maxLength={1024} />}
      </Field>
      <Field name="newPassword" label={t('newPassword')} hint={t('passwordRules')} errors={errors.newPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required maxLength={1024} />}
      </Field>
      <Field name="confirmPassword" label={t('confirmPassword')} errors={errors.confirmPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required maxLength={1024} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('saving')}>{t('change')}</SubmitButton>
    </form>
  );
}
