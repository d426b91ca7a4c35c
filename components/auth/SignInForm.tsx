'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/**
 * Email and password sign-in through next-auth. A refusal never says whether the email exists; the rate limit
 * answers 429, which next-auth reports as the RateLimited error.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  // After a refused sign-in the message takes the focus (as FormMessage does for every other form).
  const [attempt, setAttempt] = useState(0);
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (attempt > 0 && error) message.current?.focus();
  }, [attempt, error]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // A full load (the new cookie) back through the sign-in page, which forwards to the code page when a
        // second factor is due and otherwise to callbackUrl.
        window.location.search = `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
        return;
      }
      setError(result?.status === 429 || result?.error === 'RateLimited' ? 'rateLimited' : 'invalid');
    } catch {
      setError('unavailable');
    }
    setAttempt((count) => count + 1);
    setPending(false);
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor="sign-in-email">{t('email')}</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required maxLength={254} />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">{t('password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
        />
      </div>
      <p
        ref={message}
        tabIndex={error ? -1 : undefined}
        className={error ? 'form-message form-message--error' : 'form-message'}
        role="alert"
      >
        {error ? t(`errors.${error}` as 'errors.invalid') : ''}
      </p>
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
