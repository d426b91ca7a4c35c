import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getCurrentUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { safeRedirectPath } from '@/lib/http/redirect-target';
import { roleCan, type Permission } from '@/lib/permissions';
import { isPublicViewEnabled } from '@/lib/settings';

/**
 * The one guard for pages. Anonymous visitors are sent to sign in (or, for readable pages with the public view
 * on, let through as the public); signed-in users without the permission get 403. A user who must change a
 * one-time password is sent to do that first.
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

export async function requireUser(options: { allowPendingPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) return signInRedirect();
  if (user.mustChangePassword && !options.allowPendingPasswordChange) return passwordChangeRedirect();
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
  const user = await getCurrentUser();
  if (user) {
    if (user.mustChangePassword) return passwordChangeRedirect();
    if (!roleCan(user.role, 'read:internal')) forbidden();
    return user;
  }
  if (await isPublicViewEnabled(await requestPrisma())) return null;
  return signInRedirect();
});
