// npm run user:create -- --email <e> --role <admin|reviewer|editor|viewer> [--name <n>] [--countries KEN,UGA]
// The password comes from USER_PASSWORD or standard input (first line); none given means a one-time password
// is generated and printed. Either way the user chooses their own password at first sign-in.
import { parseArgs } from 'node:util';
import { recordAudit } from '@/lib/audit';
import { openDatabase } from '@/lib/db';
import { env } from '@/lib/env';
import { applyMigrations } from '@/lib/migrate';
import { DomainError, fieldErrorsOf } from '@/lib/operations/define';
import { insertUser } from '@/lib/operations/users';
import { runTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/primitives';
import { CreateUserInput } from '@/lib/validation/users';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      countries: { type: 'string' },
    },
  });
  if (!values.email || !values.role) {
    console.error(
      'Usage: npm run user:create -- --email <email> --role <admin|reviewer|editor|viewer> [--name <name>] [--countries KEN,UGA]',
    );
    return 2;
  }
  const parsed = parseInput(CreateUserInput, {
    email: values.email,
    name: values.name ?? values.email.split('@')[0],
    role: values.role.toUpperCase(),
    countryCodes: values.countries ?? '',
    password: env().USER_PASSWORD || (await readStdin()),
  });
  if (!parsed.success) {
    for (const [field, problems] of Object.entries(fieldErrorsOf(parsed.issues)))
      console.error(`${field}: ${problems.join(', ')}`);
    return 2;
  }
  const db = await openDatabase();
  try {
    await applyMigrations(db.adapterFactory);
    const { user, oneTimePassword } = await runTransaction(db.prisma, (tx) =>
      insertUser(tx, parsed.data, (entry) =>
        recordAudit(tx, { userId: null, role: null, requestId: 'cli:user:create' }, entry),
      ),
    );
    console.log(`Created ${user.role.toLowerCase()} ${user.email}.`);
    if (oneTimePassword)
      console.log(`One-time password (shown only now; to be changed at first sign-in): ${oneTimePassword}`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.fieldErrors?.email ? `A user with the email ${parsed.data.email} exists.` : error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

try {
  process.exit(await main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
