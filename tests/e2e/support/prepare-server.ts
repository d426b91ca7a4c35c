// Before the browser tests' server starts: migrate, seed and create the first admin exactly as `npm start`
// does (ADMIN_EMAIL / ADMIN_PASSWORD), then add one account per other role, as an admin would, and the verified
// evidence the dashboard tests read.
import { recordAudit } from '@/lib/audit';
import { encryptSecret } from '@/lib/auth/totp';
import { openDatabase } from '@/lib/db';
import { insertUser } from '@/lib/operations/users';
import { prepareDatabase } from '../../../scripts/lib/prepare-database';
import { insertDashboardEvidence } from './dashboard-data';
import { E2E_ENROLLED, E2E_TOTP_SECRET, E2E_USERS } from './users';
import type { Role } from '@/lib/vocabulary';

await prepareDatabase();
const db = await openDatabase();
try {
  for (const [key, account] of Object.entries(E2E_USERS)) {
    if (key === 'admin') continue;
    await db.prisma.$transaction(async (tx) => {
      const { user } = await insertUser(
        tx,
        {
          email: account.email,
          name: `E2E ${key}`,
          role: account.role as Role,
          countryCodes: [],
          password: account.password,
        },
        (entry) => recordAudit(tx, { userId: null, role: null, requestId: 'e2e-setup' }, entry),
      );
      // These accounts sign straight in; the forced password change has its own test.
      await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    });
  }
  // Admins and reviewers must have a second factor: these two get a known key, as if they had enrolled.
  for (const key of E2E_ENROLLED) {
    const { id } = await db.prisma.user.findUniqueOrThrow({
      where: { email: E2E_USERS[key as keyof typeof E2E_USERS].email },
    });
    await db.prisma.user.update({
      where: { id },
      data: { totpSecret: encryptSecret(E2E_TOTP_SECRET, `user:${id}`), totpEnabledAt: new Date() },
    });
  }
  const author = await db.prisma.user.findUniqueOrThrow({ where: { email: E2E_USERS.editor.email } });
  const reviewer = await db.prisma.user.findUniqueOrThrow({ where: { email: E2E_USERS.reviewer.email } });
  await insertDashboardEvidence(db, author.id, reviewer.id);
} finally {
  await db.close();
}
process.exit(0);
