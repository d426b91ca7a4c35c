import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getCurrentUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { roleCan } from '@/lib/permissions';
import { isPublicViewEnabled } from '@/lib/settings';

/**
 * Who may download the CSV exports: signed-in readers see everything internal; with the public view on,
 * anonymous visitors get the public data only (verified public evidence). `null`: refuse with 401 or 403.
 */
export type ExportReader =
  | { ok: true; user: CurrentUser | null; publicOnly: boolean }
  | { ok: false; status: 401 | 403; code: string; message: string };

export async function exportReader(): Promise<ExportReader> {
  const user = await getCurrentUser();
  if (user) {
    if (user.mustChangePassword || !roleCan(user.role, 'read:internal')) {
      return { ok: false, status: 403, code: 'forbidden', message: 'Your account may not read this.' };
    }
    return { ok: true, user, publicOnly: false };
  }
  if (await isPublicViewEnabled(await requestPrisma())) return { ok: true, user: null, publicOnly: true };
  return { ok: false, status: 401, code: 'unauthenticated', message: 'Sign in first.' };
}

export async function exportPrisma() {
  return requestPrisma();
}
