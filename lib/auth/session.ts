import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import type { CurrentUser } from '@/lib/auth/current-user';
import { authOptions } from '@/lib/auth/options';
import { resolveSession } from '@/lib/auth/sessions';
import { requestPrisma } from '@/lib/data/request-db';

/**
 * The user of this request's session, checked against the database once per request, including a session
 * whose second factor is still pending. Only the guard, the form-action runner (whose operations refuse
 * pending sessions) and the second-factor pages read this; everything else uses getCurrentUser.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const prisma = await requestPrisma();
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  return resolveSession(prisma, session.sid);
});

/** The signed-in user of this request; null for no session and for one whose second factor is not done. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSessionUser();
  return user && !user.pendingSecondFactor ? user : null;
});
