import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import type { CurrentUser } from '@/lib/auth/current-user';
import { authOptions } from '@/lib/auth/options';
import { resolveSession } from '@/lib/auth/sessions';
import { requestPrisma } from '@/lib/data/request-db';

/** The signed-in user of this request, checked against the database once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const prisma = await requestPrisma();
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  return resolveSession(prisma, session.sid);
});
