'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { StaleSaveNotice } from '@/components/forms/StaleSaveNotice';
import type { FormState } from '@/lib/actions/form-state';
import { getPathname } from '@/lib/i18n/navigation';

/**
 * The outcome of the last submission, announced to screen readers. When the session has ended (`sessionEnded`,
 * lib/actions/run.ts) it links to sign-in in a new tab, so that the form and everything typed into it stay here
 * to be saved once signed in again. After a refused submission (each new error state) it takes the keyboard focus,
 * so that the reader lands on what went wrong rather than on a button that may be far below or above the message;
 * the fields it names carry their own messages. A stale save also says what changed meanwhile (StaleSaveNotice).
 */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations('outcomes');
  const locale = useLocale();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status === 'error' && state.message) ref.current?.focus();
  }, [state]);
  if (state.status === 'idle' || !state.message) return <p className="form-message" role="status" aria-live="polite" />;
  const text = t.has(state.message) ? t(state.message) : state.message;
  const message = (
    <p
      ref={ref}
      tabIndex={state.status === 'error' ? -1 : undefined}
      className={`form-message form-message--${state.status}`}
      role={state.status === 'error' ? 'alert' : 'status'}
    >
      {text}
      {state.message === 'sessionEnded' && (
        <>
          {' '}
          <a
            href={getPathname({
              href: { pathname: '/sign-in', query: { callbackUrl: getPathname({ href: '/sign-in/done', locale }) } },
              locale,
            })}
            target="_blank"
            rel="noopener"
          >
            {t('signInAgain')}
          </a>
        </>
      )}
    </p>
  );
  if (!state.staleSave) return message;
  return (
    <>
      {message}
      <StaleSaveNotice staleSave={state.staleSave} />
    </>
  );
}

/**
 * A submit button that asks first: the first press shows `question` with a button that submits (`confirmLabel`)
 * and one that cancels (back to the first button, nothing sent). The open question is component state, so it
 * stays open while the page re-renders (another form on the page saved, the server sent new props); it closes
 * once its own submission has finished. For actions that are hard to undo: disabling an account, resetting a
 * password, turning the public view off.
 */
export function ConfirmSubmit({
  children,
  question,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  className = 'button',
}: {
  children: React.ReactNode;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  const [asking, setAsking] = useState(false);
  const [wasPending, setWasPending] = useState(false);
  const questionId = useId();
  const group = useRef<HTMLDivElement>(null);
  if (pending !== wasPending) {
    setWasPending(pending);
    if (!pending) setAsking(false);
  }
  useEffect(() => {
    if (asking) group.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <div ref={group} className="confirm-step" role="group" aria-labelledby={questionId} tabIndex={-1}>
      <p id={questionId} className="confirm-step__question">
        {question}
      </p>
      <div className="confirm-step__actions">
        <button type="submit" className="button button--danger" disabled={pending} aria-disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button--quiet" disabled={pending} onClick={() => setAsking(false)}>
          {cancelLabel}
        </button>
      </div>
    </div>
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
