'use server';

import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { acceptFormData } from '@/lib/actions/arguments';
import type { FormState } from '@/lib/actions/form-state';
import { getSessionUser } from '@/lib/auth/session';
import { TRUSTED_DEVICE_COOKIE, TRUSTED_DEVICE_DAYS, verifySecondFactor } from '@/lib/auth/two-factor';
import { nextAuthUrl } from '@/lib/env';
import { requestPrisma } from '@/lib/data/request-db';
import { getPathname, redirect, redirectToLocalPath } from '@/lib/i18n/navigation';
import { clientAddress } from '@/lib/http/client-address';
import { getRequestId } from '@/lib/http/request-id';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { safeRedirectPath } from '@/lib/http/redirect-target';

/**
 * The form action of the sign-in code page (not an operation: like the password step it completes a session
 * rather than acting as one). On success it sets the remembered-device cookie when asked, then redirects.
 */
export async function verifySecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  acceptFormData(formData);
  const requestHeaders = await headers();
  if (!isSameOriginRequest(requestHeaders)) return { status: 'error', message: 'crossSite' };
  const locale = await getLocale();
  const user = await getSessionUser();
  if (!user) redirect({ href: '/sign-in', locale });
  const code = formData.get('code');
  const result = await verifySecondFactor(await requestPrisma(), {
    user,
    code: typeof code === 'string' ? code : '',
    ip: clientAddress(requestHeaders),
    remember: formData.get('remember') === 'on',
    userAgent: requestHeaders.get('user-agent'),
    requestId: await getRequestId(),
  });
  if (!result.ok) {
    if (result.reason === 'not_pending') redirect({ href: '/', locale });
    return { status: 'error', message: result.reason === 'rate_limited' ? 'codeRateLimited' : 'codeWrong' };
  }
  if (result.deviceToken) {
    (await cookies()).set(TRUSTED_DEVICE_COOKIE, result.deviceToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: nextAuthUrl()?.startsWith('https://') ?? false,
      path: '/',
      maxAge: TRUSTED_DEVICE_DAYS * 86_400,
    });
  }
  redirectToLocalPath(safeRedirectPath(formData.get('callbackUrl'), getPathname({ href: '/', locale })));
}
