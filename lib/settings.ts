import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/** Admin settings stored in the Setting table. */
export const PUBLIC_VIEW_KEY = 'publicView';

type Reader = Pick<PrismaClient, 'setting'> | Pick<Prisma.TransactionClient, 'setting'>;

/** Whether anonymous visitors may read the dashboard, statement, commitments, countries and public evidence. */
export async function isPublicViewEnabled(prisma: Reader): Promise<boolean> {
  const row = await prisma.setting.findUnique({ where: { key: PUBLIC_VIEW_KEY } });
  return row?.value === true;
}

/** On a new database, PUBLIC_VIEW gives the setting its first value; afterwards only the admin changes it. */
export async function initializeSettings(prisma: PrismaClient, publicView: boolean): Promise<void> {
  await prisma.setting.upsert({
    where: { key: PUBLIC_VIEW_KEY },
    create: { key: PUBLIC_VIEW_KEY, value: publicView },
    update: {},
  });
}
