import 'server-only';
import { isStorableText } from '@/lib/validation/primitives';
import { requireReader } from '@/lib/auth/guard';
import { aggregate } from '@/lib/data/dashboard';
import { requestPrisma } from '@/lib/data/request-db';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { Addressee, Strength } from '@/lib/vocabulary';

export interface DocumentSummary {
  slug: string;
  symbol: string;
  title: string;
  agendaItem: string;
  adoptedOn: Date;
  meeting: number | null;
  paragraphCount: number;
  commitmentCount: number;
}

export interface ParagraphCommitment {
  code: string;
  title: string;
  quote: string;
  strength: Strength;
  addressee: Addressee;
}

export interface DocumentView extends DocumentSummary {
  language: string;
  heading: string;
  chapeau: string;
  paragraphs: { number: number; text: string; commitments: ParagraphCommitment[] }[];
}

/** The tracked documents, oldest first, cached with the dashboard's aggregates (documents change with the seed). */
export function listDocuments(locale: Locale): Promise<DocumentSummary[]> {
  return aggregate('documents', [locale], async ({ prisma }) => {
    const rows = await prisma.document.findMany({
      orderBy: { adoptedOn: 'asc' },
      include: { _count: { select: { paragraphs: true, commitments: true } } },
    });
    return rows.map((row) => ({
      slug: row.slug,
      symbol: row.symbol,
      title: localize(row.title, locale),
      agendaItem: localize(row.agendaItem, locale),
      adoptedOn: row.adoptedOn,
      meeting: row.meeting,
      paragraphCount: row._count.paragraphs,
      commitmentCount: row._count.commitments,
    }));
  });
}

export async function getDocument(slug: string, locale: Locale): Promise<DocumentView | null> {
  await requireReader();
  if (!isStorableText(slug)) return null;
  const prisma = await requestPrisma();
  const row = await prisma.document.findUnique({
    where: { slug },
    include: {
      paragraphs: {
        orderBy: { number: 'asc' },
        include: {
          commitments: {
            orderBy: { sortOrder: 'asc' },
            select: { code: true, title: true, quote: true, strength: true, addressee: true },
          },
        },
      },
    },
  });
  if (!row) return null;
  const paragraphs = row.paragraphs.map((paragraph) => ({
    number: paragraph.number,
    text: paragraph.text,
    commitments: paragraph.commitments.map((c) => ({ ...c, title: localize(c.title, locale) })),
  }));
  return {
    slug: row.slug,
    symbol: row.symbol,
    language: row.language,
    heading: row.heading,
    chapeau: row.chapeau,
    title: localize(row.title, locale),
    agendaItem: localize(row.agendaItem, locale),
    adoptedOn: row.adoptedOn,
    meeting: row.meeting,
    paragraphCount: paragraphs.length,
    commitmentCount: paragraphs.reduce((sum, p) => sum + p.commitments.length, 0),
    paragraphs,
  };
}
