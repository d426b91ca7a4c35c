import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getSessionUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { redirect } from '@/lib/i18n/navigation';
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
  const href = from ? { pathname: '/sign-in', query: { callbackUrl: from } } : '/sign-in';
  redirect({ href, locale: await getLocale() });
}

async function passwordChangeRedirect(): Promise<never> {
  redirect({ href: '/account/password', locale: await getLocale() });
}

async function secondFactorRedirect(step: 'verify' | 'enrol'): Promise<never> {
  const locale = await getLocale();
  if (step === 'enrol') redirect({ href: '/account/two-factor', locale });
  const from = (await headers()).get('x-pathname');
  const known = from && from.startsWith('/') && !from.startsWith('//');
  redirect({ href: known ? { pathname: '/sign-in/code', query: { callbackUrl: from } } : '/sign-in/code', locale });
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
