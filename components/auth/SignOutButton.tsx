'use client';

import { signOut } from 'next-auth/react';
import { useLocale } from 'next-intl';
import { getPathname } from '@/lib/i18n/navigation';

/** Ends the session on the server (next-auth's sign-out event revokes it) and returns to the sign-in page. */
export function SignOutButton({ label }: { label: string }) {
  const locale = useLocale();
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      onClick={() => void signOut({ callbackUrl: getPathname({ href: '/sign-in', locale }) })}
    >
      {label}
    </button>
  );
}
