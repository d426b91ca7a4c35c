import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { ActorKind } from '@/lib/generated/prisma/enums';
import type { RegionalGroup } from '@/lib/vocabulary';

/**
 * The Prisma reads of actors (member states and UN entities), as functions of a client: the countries page and its
 * CSV (lib/data/actors.ts) and the API (lib/api/reference.ts) read the same rows.
 */

/** Which actors to read; an absent field does not filter. */
export interface ActorWhere {
  code?: string;
  kind?: ActorKind;
  group?: RegionalGroup;
}

const actorSelect = {
  code: true,
  kind: true,
  alpha2: true,
  name: true,
  regionalGroup: true,
} as const satisfies Prisma.ActorSelect;

/** An actor's code, kind, ISO alpha-2 code (member states), names in every language and regional group. */
export type ActorRow = Prisma.ActorGetPayload<{ select: typeof actorSelect }>;

/** The actors matching `where`, by kind (member states first), then code. */
export async function findActors(prisma: Pick<PrismaClient, 'actor'>, where: ActorWhere = {}): Promise<ActorRow[]> {
  return prisma.actor.findMany({
    where: {
      ...(where.code !== undefined ? { code: where.code } : {}),
      ...(where.kind ? { kind: where.kind } : {}),
      ...(where.group ? { regionalGroup: where.group } : {}),
    },
    select: actorSelect,
    orderBy: [{ kind: 'asc' }, { code: 'asc' }],
  });
}

/** How many actors there are of a kind (193 member states in the seed). */
export async function countActors(prisma: PrismaClient, kind: ActorKind): Promise<number> {
  return prisma.actor.count({ where: { kind } });
}
