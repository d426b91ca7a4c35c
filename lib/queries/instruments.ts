import type { Instrument, PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The Prisma reads of the international instruments, as functions of a client: the instruments page and its CSV
 * (lib/data/instruments.ts) and the API (lib/api/reference.ts) read the same rows in the same order.
 */

/** Every instrument (19 in the seed) by adoption date, then the seed's order; names in every stored language. */
export async function findInstruments(prisma: Pick<PrismaClient, 'instrument'>): Promise<Instrument[]> {
  return prisma.instrument.findMany({ orderBy: [{ adoptedOn: 'asc' }, { sortOrder: 'asc' }] });
}
