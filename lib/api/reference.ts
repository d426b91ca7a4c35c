import type { z } from 'zod';
import type { ActorSchema, CommitmentSchema, InstrumentSchema } from '@/lib/api/schemas';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ActorQuery, CommitmentQuery } from '@/lib/validation/api';
import { isoDay, isoDayOrNull } from '@/lib/dates';

/** The reference data as the API shows it: commitments, actors, instruments (all public once the view is on). */
type Text = Record<string, string>;

export async function listCommitments(
  prisma: PrismaClient,
  filter: z.output<typeof CommitmentQuery>,
  code?: string,
): Promise<z.input<typeof CommitmentSchema>[]> {
  const rows = await prisma.commitment.findMany({
    where: {
      ...(code !== undefined ? { code } : {}),
      ...(filter.theme ? { theme: { code: filter.theme } } : {}),
      ...(filter.addressee ? { addressee: filter.addressee } : {}),
      ...(filter.strength ? { strength: filter.strength } : {}),
    },
    include: {
      document: { select: { symbol: true, adoptedOn: true } },
      paragraph: { select: { number: true } },
      theme: { select: { code: true } },
      links: { orderBy: { sortOrder: 'asc' }, select: { kind: true, reference: true } },
    },
    orderBy: [{ document: { adoptedOn: 'asc' } }, { sortOrder: 'asc' }],
  });
  return rows.map((row) => ({
    code: row.code,
    document: row.document.symbol,
    paragraph: row.paragraph.number,
    quote: row.quote,
    title: row.title as Text,
    summary: row.summary as Text,
    guidance: row.guidance as Text,
    theme: row.theme.code,
    addressee: row.addressee,
    strength: row.strength,
    links: row.links,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function listActors(
  prisma: PrismaClient,
  filter: z.output<typeof ActorQuery>,
  code?: string,
): Promise<z.input<typeof ActorSchema>[]> {
  const rows = await prisma.actor.findMany({
    where: {
      ...(code !== undefined ? { code } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.group ? { regionalGroup: filter.group } : {}),
    },
    orderBy: [{ kind: 'asc' }, { code: 'asc' }],
  });
  return rows.map((row) => ({
    code: row.code,
    kind: row.kind,
    alpha2: row.alpha2,
    name: row.name as Text,
    regionalGroup: row.regionalGroup,
  }));
}

export async function listInstruments(prisma: PrismaClient): Promise<z.input<typeof InstrumentSchema>[]> {
  const rows = await prisma.instrument.findMany({ orderBy: [{ adoptedOn: 'asc' }, { sortOrder: 'asc' }] });
  return rows.map((row) => ({
    code: row.code,
    year: row.year,
    adoptedOn: isoDay(row.adoptedOn),
    entryIntoForceOn: isoDayOrNull(row.entryIntoForceOn),
    shortName: row.shortName as Text,
    title: row.title as Text,
    depositary: row.depositary as Text,
  }));
}
