'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import {
  confirmTotpEnrolmentAction,
  disableOwnSecondFactorAction,
  regenerateRecoveryCodesAction,
  resetUserSecondFactorAction,
  revokeOtherSessionsAction,
  revokeOwnSessionAction,
} from '@/lib/actions/two-factor';
import { verifySecondFactorAction } from '@/lib/auth/second-factor-action';

/** Recovery codes, shown once right after they were made. */
export function RecoveryCodes({ codes }: { codes?: string[] }) {
  const t = useTranslations('twoFactor');
  if (!codes?.length) return null;
  return (
    <div className="one-time-password" role="status">
      <p>{t('recoveryCodesOnce')}</p>
      <ul className="recovery-codes" aria-label={t('recoveryCodes')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The second step of sign-in: a code from the app or a recovery code, and "remember this device". */
export function VerifyCodeForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState(verifySecondFactorAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="code" label={t('code')} hint={t('codeHint')}>
        {(props) => (
          <input {...props} inputMode="text" autoComplete="one-time-code" required maxLength={64} autoFocus />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="remember" /> {t('remember')}
      </label>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('checking')}>{t('verify')}</SubmitButton>
    </form>
  );
}

/** Confirms a new key with a first code; then shows the recovery codes once. */
export function EnrolForm({ offer, continueHref }: { offer: string; continueHref: string }) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState(confirmTotpEnrolmentAction, initialFormState);
  if (state.status === 'ok') {
    return (
      <div className="stack">
        <FormMessage state={state} />
        <RecoveryCodes codes={state.recoveryCodes} />
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
      <input type="hidden" name="offer" value={offer} />
      <Field name="code" label={t('firstCode')} errors={state.fieldErrors?.code}>
        {(props) => <input {...props} inputMode="numeric" autoComplete="one-time-code" required maxLength={12} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('checking')}>{t('confirm')}</SubmitButton>
    </form>
  );
}

function OneButtonForm({
  action: serverAction,
  label,
  hidden = {},
  quiet = false,
  showCodes = false,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  hidden?: Record<string, string | number>;
  quiet?: boolean;
  showCodes?: boolean;
}) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState(serverAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={quiet ? 'button button--quiet button--small' : 'button'} pendingLabel={t('checking')}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
      {showCodes && <RecoveryCodes codes={state.recoveryCodes} />}
    </form>
  );
}

export const RegenerateCodesForm = ({ label }: { label: string }) => (
  <OneButtonForm action={regenerateRecoveryCodesAction} label={label} showCodes />
);
export const DisableSecondFactorForm = ({ label }: { label: string }) => (
  <OneButtonForm action={disableOwnSecondFactorAction} label={label} quiet />
);
export const RevokeOtherSessionsForm = ({ label }: { label: string }) => (
  <OneButtonForm action={revokeOtherSessionsAction} label={label} />
);
export const RevokeSessionForm = ({ label, session }: { label: string; session: string }) => (
  <OneButtonForm action={revokeOwnSessionAction} label={label} hidden={{ session }} quiet />
);
export const ResetSecondFactorForm = ({ label, userId }: { label: string; userId: number }) => (
  <OneButtonForm action={resetUserSecondFactorAction} label={label} hidden={{ id: userId }} quiet />
);
