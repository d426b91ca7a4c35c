import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isStorableText } from '@/lib/validation/primitives';
import { requireReader } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import type { Locale } from '@/lib/i18n/config';
import { localize, LocalizedTextSchema } from '@/lib/i18n/localized';
import type { CommitmentFilter } from '@/lib/validation/filters';
import type { Addressee, Strength } from '@/lib/vocabulary';
import { findCommitmentDetail, findCommitments } from '@/lib/queries/commitments';

export interface ThemeOption {
  code: string;
  name: string;
  commitmentCount: number;
}

export interface CommitmentListItem {
  code: string;
  title: string;
  paragraph: number;
  documentSymbol: string;
  theme: { code: string; name: string };
  addressee: Addressee;
  strength: Strength;
}

export interface CommitmentLinkView {
  kind: 'RESOLUTION' | 'INSTRUMENT' | 'DOCUMENT';
  reference: string;
  /** The instrument's short name in the reader's language, for instrument links. */
  label: string | null;
}

export interface CommitmentView extends CommitmentListItem {
  quote: string;
  /** Title, summary and guidance in every stored language, so the page can show both zh and en. */
  titles: Record<string, string>;
  summaries: Record<string, string>;
  summary: string;
  guidance: string;
  guidances: Record<string, string>;
  version: number;
  paragraphText: string;
  documentSlug: string;
  documentLanguage: string;
  links: CommitmentLinkView[];
}

export async function listThemes(locale: Locale): Promise<ThemeOption[]> {
  await requireReader();
  const prisma = await requestPrisma();
  const rows = await prisma.theme.findMany({
    orderBy: { sortOrder: 'asc' },
    include: { _count: { select: { commitments: true } } },
  });
  return rows.map((row) => ({
    code: row.code,
    name: localize(row.name, locale),
    commitmentCount: row._count.commitments,
  }));
}

export async function listCommitments(filter: CommitmentFilter, locale: Locale): Promise<CommitmentListItem[]> {
  await requireReader();
  return queryCommitments(await requestPrisma(), filter, locale);
}

/** listCommitments without the page guard, for callers that checked access themselves (the commitments CSV). */
export async function queryCommitments(
  prisma: PrismaClient,
  filter: CommitmentFilter,
  locale: Locale,
): Promise<CommitmentListItem[]> {
  const rows = await findCommitments(prisma, filter);
  return rows.map((row) => ({
    code: row.code,
    title: localize(row.title, locale),
    paragraph: row.paragraph.number,
    documentSymbol: row.document.symbol,
    theme: { code: row.theme.code, name: localize(row.theme.name, locale) },
    addressee: row.addressee,
    strength: row.strength,
  }));
}

export async function getCommitment(code: string, locale: Locale): Promise<CommitmentView | null> {
  await requireReader();
  if (!isStorableText(code)) return null;
  const row = await findCommitmentDetail(await requestPrisma(), code);
  if (!row) return null;
  const titles = LocalizedTextSchema.parse(row.title);
  const summaries = LocalizedTextSchema.parse(row.summary);
  return {
    code: row.code,
    title: localize(row.title, locale),
    titles,
    summaries,
    summary: localize(row.summary, locale),
    guidance: localize(row.guidance, locale),
    guidances: LocalizedTextSchema.parse(row.guidance),
    version: row.version,
    quote: row.quote,
    paragraph: row.paragraph.number,
    paragraphText: row.paragraph.text,
    documentSymbol: row.document.symbol,
    documentSlug: row.document.slug,
    documentLanguage: row.document.language,
    theme: { code: row.theme.code, name: localize(row.theme.name, locale) },
    addressee: row.addressee,
    strength: row.strength,
    links: row.links.map((link) => ({
      kind: link.kind,
      reference: link.reference,
      label: link.instrument ? localize(link.instrument.shortName, locale) : null,
    })),
  };
}
