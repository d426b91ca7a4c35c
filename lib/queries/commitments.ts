import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Addressee, Strength } from '@/lib/vocabulary';

/**
 * The Prisma reads of commitments, as functions of a client: the commitments page and its CSV (lib/data), the API
 * (lib/api/reference.ts) and the status matrix's API read the same rows in the same order and only map them to
 * their shape. Text columns (title, summary, guidance, theme name) are the stored JSON in every language.
 */

/** Which commitments to read; an absent field does not filter. */
export interface CommitmentWhere {
  code?: string;
  theme?: string;
  addressee?: Addressee;
  strength?: Strength;
}

const commitmentInclude = {
  document: { select: { symbol: true, adoptedOn: true } },
  paragraph: { select: { number: true } },
  theme: { select: { code: true, name: true } },
  links: { orderBy: { sortOrder: 'asc' }, select: { kind: true, reference: true } },
} as const satisfies Prisma.CommitmentInclude;

/** A commitment with its document, paragraph number, theme and links (in the statement's order). */
export type CommitmentRow = Prisma.CommitmentGetPayload<{ include: typeof commitmentInclude }>;

/** The commitments matching `where`, in the order of the statements: document adoption date, then the seed's order. */
export async function findCommitments(prisma: PrismaClient, where: CommitmentWhere = {}): Promise<CommitmentRow[]> {
  return prisma.commitment.findMany({
    where: {
      ...(where.code !== undefined ? { code: where.code } : {}),
      ...(where.theme ? { theme: { code: where.theme } } : {}),
      ...(where.addressee ? { addressee: where.addressee } : {}),
      ...(where.strength ? { strength: where.strength } : {}),
    },
    include: commitmentInclude,
    orderBy: [{ document: { adoptedOn: 'asc' } }, { sortOrder: 'asc' }],
  });
}

const commitmentDetailInclude = {
  theme: { select: { code: true, name: true } },
  paragraph: { select: { number: true, text: true } },
  document: { select: { symbol: true, slug: true, language: true } },
  // Instruments by adoption date, as on the instruments page; resolutions (no instrument) after them.
  links: {
    orderBy: [{ instrument: { adoptedOn: 'asc' } }, { sortOrder: 'asc' }],
    select: { kind: true, reference: true, instrument: { select: { shortName: true } } },
  },
} as const satisfies Prisma.CommitmentInclude;

/** A commitment with what its page shows: paragraph text, document, theme, links with their instrument's name. */
export type CommitmentDetailRow = Prisma.CommitmentGetPayload<{ include: typeof commitmentDetailInclude }>;

/** The commitment with this code (exact, canonical case), or null. */
export async function findCommitmentDetail(prisma: PrismaClient, code: string): Promise<CommitmentDetailRow | null> {
  return prisma.commitment.findUnique({ where: { code }, include: commitmentDetailInclude });
}

/** Every commitment's title in every stored language, by code (e.g. "P12-conventions" → { zh, en }). */
export async function commitmentTitles(prisma: PrismaClient): Promise<Map<string, Prisma.JsonValue>> {
  const rows = await prisma.commitment.findMany({ select: { code: true, title: true } });
  return new Map(rows.map((row) => [row.code, row.title]));
}
