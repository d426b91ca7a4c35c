'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/actions/form-state';

/**
 * The outcome of the last submission, announced to screen readers. When the session has ended (`sessionEnded`,
 * lib/actions/run.ts) it links to sign-in in a new tab, so that the form and everything typed into it stay here
 * to be saved once signed in again.
 */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations('outcomes');
  const locale = useLocale();
  if (state.status === 'idle' || !state.message) return <p className="form-message" role="status" aria-live="polite" />;
  const text = t.has(state.message) ? t(state.message) : state.message;
  return (
    <p className={`form-message form-message--${state.status}`} role={state.status === 'error' ? 'alert' : 'status'}>
      {text}
      {state.message === 'sessionEnded' && (
        <>
          {' '}
          <a
            href={`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/sign-in/done`)}`}
            target="_blank"
            rel="noopener"
          >
            {t('signInAgain')}
          </a>
        </>
      )}
    </p>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  className = 'button',
}: {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** The one-time password after creating a user or resetting one: shown once, never stored in clear. */
export function OneTimePassword({ value }: { value?: string }) {
  const t = useTranslations('admin');
  if (!value) return null;
  return (
    <div className="one-time-password" role="status">
      <p>{t('oneTimePassword')}</p>
      <code>{value}</code>
    </div>
  );
}
