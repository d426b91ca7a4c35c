'use client';

import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/actions/form-state';

/** The outcome of the last submission, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations('outcomes');
  if (state.status === 'idle' || !state.message) return <p className="form-message" role="status" aria-live="polite" />;
  const text = t.has(state.message) ? t(state.message) : state.message;
  return (
    <p className={`form-message form-message--${state.status}`} role={state.status === 'error' ? 'alert' : 'status'}>
      {text}
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
