import { recordAudit } from '@/lib/audit';
import { generateOneTimePassword, hashPassword, NewPasswordSchema } from '@/lib/auth/password';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { runTransaction } from '@/lib/transaction';

/**
 * No account ships. At first start, when the database has no user, the first admin is created from
 * ADMIN_EMAIL / ADMIN_PASSWORD, or with a one-time password printed once, to be changed at first sign-in.
 */
export async function ensureFirstAdmin(
  prisma: PrismaClient,
  config: { email?: string; password?: string },
  log: (line: string) => void,
): Promise<void> {
  if ((await prisma.user.count()) > 0) return;
  const email = (config.email ?? 'admin@localhost').toLowerCase();
  let password = config.password;
  if (password) {
    const parsed = NewPasswordSchema.safeParse(password);
    if (!parsed.success) {
      const reasons: Record<string, string> = {
        passwordTooShort: 'it has fewer than 8 characters',
        passwordTooLong: 'it has more than 128 characters',
        passwordCommon: 'it is on the list of commonly used passwords',
      };
      const why = parsed.error.issues.map((issue) => reasons[issue.message] ?? issue.message).join('; ');
      throw new Error(`ADMIN_PASSWORD is not acceptable: ${why}. Choose another and start again.`);
    }
    password = parsed.data;
  }
  const oneTime = password ? null : generateOneTimePassword();
  await runTransaction(prisma, async (tx) => {
    if ((await tx.user.count()) > 0) return;
    const admin = await tx.user.create({
      data: {
        email,
        name: 'Administrator',
        role: 'ADMIN',
        passwordHash: await hashPassword(password ?? oneTime!),
        mustChangePassword: oneTime !== null,
      },
    });
    await recordAudit(
      tx,
      { userId: null, role: null, requestId: null },
      {
        action: 'user.create',
        entityType: 'User',
        entityId: admin.id,
        after: { id: admin.id, email, role: 'ADMIN', source: oneTime ? 'generated' : 'ADMIN_PASSWORD' },
      },
    );
  });
  if (oneTime) {
    log(
      `\n  First admin created: ${email}\n  One-time password (shown only now; you must change it at first sign-in): ${oneTime}\n`,
    );
  } else {
    log(`First admin created: ${email} (password from ADMIN_PASSWORD).`);
  }
}
