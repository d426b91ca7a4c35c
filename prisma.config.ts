import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs through the CLI here; migrations are applied by lib/migrate (see README).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
