// Runs `prisma generate` without network access. Generation is pure wasm, but the Prisma CLI insists on
// locating a schema-engine binary first and would try to download one; any existing executable satisfies it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childProcessEnv } from '@/lib/env';

const stubDir = join(process.cwd(), 'node_modules', '.cache', 'commitment-tracker');
const stub = join(stubDir, 'schema-engine-offline-stub');
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, '#!/bin/sh\necho "offline stub: migrations run through lib/migrate"\nexit 1\n');
  chmodSync(stub, 0o755);
}
const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: childProcessEnv({ PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' }),
});
process.exit(result.status ?? 1);
