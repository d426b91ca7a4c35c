// A separate process that runs one evidence import against a database, for the crash test: the test kills it
// with SIGKILL while its transaction is writing. Usage: node --import tsx import-child.ts <url> <userId> <csv>
import { readFileSync } from 'node:fs';
import { openDatabase } from '@/lib/db';
import { importEvidence } from '@/lib/operations/transfer';

const [url, userId, csvPath] = process.argv.slice(2);
const db = await openDatabase({ kind: 'postgresql', url: url! });
const user = await db.prisma.user.findUniqueOrThrow({ where: { id: Number(userId) } });
const outcome = await importEvidence.run(
  {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      mustChangePassword: false,
      countryScope: [],
      sessionId: 'crash-test',
    },
    requestId: 'crash-test',
    prisma: db.prisma,
  },
  { csv: readFileSync(csvPath!, 'utf8'), intent: 'draft', fileName: 'crash.csv' },
);
process.stdout.write(`${JSON.stringify(outcome.ok ? { ok: true, created: outcome.value.created } : outcome)}\n`);
await db.close();
process.exit(outcome.ok ? 0 : 1);
