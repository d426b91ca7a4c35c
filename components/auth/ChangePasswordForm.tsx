'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { changeOwnPasswordAction } from '@/lib/actions/users';
import { initialFormState } from '@/lib/actions/form-state';

/**
 * The password change form. `offerSignOut` shows the "also sign out other sessions and revoke API tokens" choice
 * (ticked by default); while a one-time password is pending it is not offered, since that happens anyway.
 */
export function ChangePasswordForm({ continueHref, offerSignOut }: { continueHref: string; offerSignOut: boolean }) {
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
      {offerSignOut && (
        <label className="checkbox">
          <input type="checkbox" name="signOutOthers" defaultChecked /> {t('signOutOthers')}
        </label>
      )}
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('saving')}>{t('change')}</SubmitButton>
    </form>
  );
}
