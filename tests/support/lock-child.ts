// A separate process for the lock tests of tests/integration/embedded-database.test.ts.
//   hold <dir>        takes the lock as npm start does, says "held" (or "refused"), starts `open <dir>` as its
//                     own child (as npm start starts the server), relays what it says, then waits to be killed.
//   open <dir>        opens the embedded database, says "opened" (or "refused") and exits.
import { spawn } from 'node:child_process';
import { openDatabase } from '@/lib/db';
import { DatabaseInUseError, holdEmbeddedDatabase } from '@/lib/db-target';

const [mode, dir] = process.argv.slice(2);
const target = { kind: 'pglite' as const, dir: dir! };

if (mode === 'hold') {
  try {
    holdEmbeddedDatabase(target);
    console.log('held');
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.log('refused');
    process.exit(0);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/lock-child.ts', 'open', dir!], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (data: Buffer) => process.stdout.write(`child ${data.toString()}`));
  setInterval(() => {}, 60_000);
} else if (mode === 'open') {
  try {
    const db = await openDatabase(target);
    console.log('opened');
    await db.close();
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.log('refused');
  }
}
