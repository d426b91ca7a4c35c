import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getSessionUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { safeRedirectPath } from '@/lib/http/redirect-target';
import { roleCan, type Permission } from '@/lib/permissions';
import { isPublicViewEnabled } from '@/lib/settings';

/**
 * The one guard for pages. Anonymous visitors are sent to sign in (or, for readable pages with the public view
 * on, let through as the public); signed-in users without the permission get 403. A user who must change a
 * one-time password is sent to do that first. A session whose second factor is pending is sent to enter the code
 * (before anything else) or, when the role requires one and none is enrolled, to enrol it (after a pending
 * password change).
 */
async function signInRedirect(): Promise<never> {
  // proxy.ts passes the requested path on, so that signing in leads back to it.
  const from = safeRedirectPath((await headers()).get('x-pathname'), '');
  const query = from ? `?callbackUrl=${encodeURIComponent(from)}` : '';
  redirect(`/${await getLocale()}/sign-in${query}`);
}

async function passwordChangeRedirect(): Promise<never> {
  redirect(`/${await getLocale()}/account/password`);
}

async function secondFactorRedirect(step: 'verify' | 'enrol'): Promise<never> {
  const locale = await getLocale();
  if (step === 'enrol') redirect(`/${locale}/account/two-factor`);
  const from = (await headers()).get('x-pathname');
  const query =
    from && from.startsWith('/') && !from.startsWith('//') ? `?callbackUrl=${encodeURIComponent(from)}` : '';
  redirect(`/${locale}/sign-in/code${query}`);
}

/** Sends a session with unfinished steps to the next one; `allow` names the step the calling page is for. */
async function finishSteps(user: CurrentUser, allow: 'password' | 'verify' | 'enrol' | null): Promise<void> {
  if (user.pendingSecondFactor === 'verify') {
    if (allow !== 'verify') await secondFactorRedirect('verify');
    return;
  }
  if (user.mustChangePassword) {
    if (allow !== 'password') await passwordChangeRedirect();
    return;
  }
  if (user.pendingSecondFactor === 'enrol' && allow !== 'enrol') await secondFactorRedirect('enrol');
}

export async function requireUser(
  options: { allowPendingPasswordChange?: boolean; allowSecondFactorStep?: 'verify' | 'enrol' } = {},
): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) return signInRedirect();
  await finishSteps(user, options.allowSecondFactorStep ?? (options.allowPendingPasswordChange ? 'password' : null));
  return user;
}

export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roleCan(user.role, permission)) forbidden();
  return user;
}

/**
 * For the reading pages: a signed-in user with read access, or an anonymous visitor while the public view is on.
 * `null` means "the public": callers then show only verified public data.
 */
export const requireReader = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSessionUser();
  if (user) {
    await finishSteps(user, null);
    if (!roleCan(user.role, 'read:internal')) forbidden();
    return user;
  }
  if (await isPublicViewEnabled(await requestPrisma())) return null;
  return signInRedirect();
});
