'use client';

import { signOut } from 'next-auth/react';

/** Ends the session on the server (next-auth's sign-out event revokes it) and returns to the sign-in page. */
export function SignOutButton({ label, signInPath }: { label: string; signInPath: string }) {
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      onClick={() => void signOut({ callbackUrl: signInPath })}
    >
      {label}
    </button>
  );
}
