import 'server-only';
import { otherCountryNames } from '@/lib/countries/search';
import type { CurrentUser } from '@/lib/auth/current-user';
import { requirePermission } from '@/lib/auth/guard';
import { browseEvidenceIds } from '@/lib/evidence/browse';
import { previewVerification, type VerificationEffect } from '@/lib/evidence/rollups';
import { requestPrisma } from '@/lib/data/request-db';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { EvidenceFilter } from '@/lib/validation/evidence-filters';
import { readAudience } from '@/lib/permissions';

export interface EvidenceListItem {
  id: number;
  actor: { code: string; name: string };
  commitment: { code: string; title: string };
  state: string;
  /** Null only in a draft saved before these were filled in. */
  observedOn: Date | null;
  status: string | null;
  author: string;
  updatedAt: Date;
  submittedAt: Date | null;
  reviewComment: string | null;
  /** Who created the record and who wrote its latest revision (user ids), for `isOwnRecord`. */
  createdById: number;
  latestAuthorId: number;
}

const listInclude = {
  actor: { select: { code: true, name: true } },
  commitment: { select: { code: true, title: true } },
  revisions: {
    orderBy: { number: 'desc' },
    take: 1,
    select: {
      observedOn: true,
      status: true,
      submittedAt: true,
      reviewComment: true,
      author: { select: { id: true, email: true } },
    },
  },
} as const satisfies Prisma.EvidenceInclude;

function toListItem(row: Prisma.EvidenceGetPayload<{ include: typeof listInclude }>, locale: Locale): EvidenceListItem {
  const latest = row.revisions[0]!;
  return {
    id: row.id,
    actor: { code: row.actor.code, name: localize(row.actor.name, locale) },
    commitment: { code: row.commitment.code, title: localize(row.commitment.title, locale) },
    state: row.state,
    observedOn: latest.observedOn,
    status: latest.status,
    author: latest.author.email,
    updatedAt: row.updatedAt,
    submittedAt: latest.submittedAt,
    reviewComment: latest.reviewComment,
    createdById: row.createdById,
    latestAuthorId: latest.author.id,
  };
}

export interface ReviewFilter {
  country?: string;
  commitment?: string;
  author?: string;
  olderThanDays?: number;
}

export async function reviewQueue(filter: ReviewFilter, locale: Locale) {
  const user = await requirePermission('review:evidence');
  const prisma = await requestPrisma();
  const where: Prisma.EvidenceWhereInput = {
    state: 'SUBMITTED',
    actor: filter.country ? { code: filter.country } : undefined,
    commitment: filter.commitment ? { code: filter.commitment } : undefined,
    revisions: {
      some: {
        state: 'SUBMITTED',
        author: filter.author ? { email: filter.author } : undefined,
        submittedAt: filter.olderThanDays
          ? { lte: new Date(Date.now() - filter.olderThanDays * 86_400_000) }
          : undefined,
      },
    },
  };
  const [rows, authors] = await Promise.all([
    prisma.evidence.findMany({ where, orderBy: { updatedAt: 'asc' }, take: 200, include: listInclude }),
    prisma.user.findMany({
      where: { revisionsAuthored: { some: { state: 'SUBMITTED' } } },
      select: { email: true },
      orderBy: { email: 'asc' },
    }),
  ]);
  return { user, items: rows.map((row) => toListItem(row, locale)), authors: authors.map((a) => a.email) };
}

const detailInclude = {
  actor: { select: { code: true, name: true } },
  commitment: { select: { code: true, title: true } },
  createdBy: { select: { email: true } },
  revisions: {
    orderBy: { number: 'desc' },
    include: {
      author: { select: { id: true, email: true } },
      reviewer: { select: { email: true } },
      sources: { orderBy: { sortOrder: 'asc' } },
      attachments: {
        orderBy: { id: 'asc' },
        select: { id: true, fileName: true, contentType: true, size: true, sha256: true },
      },
    },
  },
} as const satisfies Prisma.EvidenceInclude;

export type EvidenceDetail = NonNullable<Awaited<ReturnType<typeof getEvidence>>>;

/** One record with every revision, newest first, for its page, its edit form and its history. */
export async function getEvidence(id: number, locale: Locale) {
  const user = await requirePermission('read:internal');
  const record = await evidenceDetail(await requestPrisma(), id, locale);
  return record ? { user, ...record } : null;
}

/** One record with every revision, newest first: the record page's facts and history, and its history's CSV. */
export async function evidenceDetail(prisma: PrismaClient, id: number, locale: Locale) {
  const row = await prisma.evidence.findUnique({ where: { id }, include: detailInclude });
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    state: row.state,
    createdById: row.createdById,
    createdBy: row.createdBy.email,
    actor: { code: row.actor.code, name: localize(row.actor.name, locale) },
    commitment: { code: row.commitment.code, title: localize(row.commitment.title, locale) },
    revisions: row.revisions.map((revision) => ({
      ...revision,
      summary: revision.summary as { zh?: string; en?: string },
    })),
  };
}

/** Options for the entry form's search-as-you-type lists. */
export async function evidenceFormOptions(locale: Locale) {
  const user = await requirePermission('write:evidence');
  const prisma = await requestPrisma();
  const [actors, commitments] = await Promise.all([
    prisma.actor.findMany({
      where: user.countryScope.length > 0 ? { code: { in: user.countryScope } } : {},
      select: { code: true, name: true, kind: true },
      orderBy: { code: 'asc' },
    }),
    prisma.commitment.findMany({ select: { code: true, title: true, addressee: true }, orderBy: { sortOrder: 'asc' } }),
  ]);
  const other = locale === 'zh' ? 'en' : 'zh';
  return {
    // The label carries the other names too, as the browser's picker matches what is typed against it:
    // "Turkey" or "Cote d'Ivoire" find their country.
    actors: actors.map((a) => {
      const names = { en: localize(a.name, 'en'), zh: localize(a.name, 'zh') };
      const more = a.kind === 'MEMBER_STATE' ? otherCountryNames(a.code, names) : [];
      return {
        code: a.code,
        label: [localize(a.name, locale), localize(a.name, other), ...more].join(' · '),
        kind: a.kind,
      };
    }),
    commitments: commitments.map((c) => ({ code: c.code, label: localize(c.title, locale), addressee: c.addressee })),
  };
}

/**
 * The evidence browser: a page of every record the signed-in reader may see that matches `filter`, with the number
 * matching. Any signed-in user; the anonymous public has no browser (it reads verified evidence on the dashboard).
 */
export async function browseEvidence(
  filter: EvidenceFilter,
  page: number,
  locale: Locale,
): Promise<{ user: CurrentUser; items: EvidenceListItem[]; total: number; page: number; hasMore: boolean }> {
  const user = await requirePermission('read:internal');
  const prisma = await requestPrisma();
  const found = await browseEvidenceIds(prisma, filter, readAudience(user), page);
  const rows = await prisma.evidence.findMany({ where: { id: { in: found.ids } }, include: listInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = found.ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toListItem(row, locale)] : [];
  });
  return { user, items, total: found.total, page: found.page, hasMore: found.hasMore };
}

/** Authors and reviewers of any record, for the browser's choices (e-mail addresses, sorted). */
export async function evidencePeople(): Promise<{ authors: string[]; reviewers: string[] }> {
  await requirePermission('read:internal');
  const prisma = await requestPrisma();
  const [authors, reviewers] = await Promise.all([
    prisma.user.findMany({
      where: { revisionsAuthored: { some: {} } },
      select: { email: true },
      orderBy: { email: 'asc' },
    }),
    prisma.user.findMany({
      where: { revisionsReviewed: { some: {} } },
      select: { email: true },
      orderBy: { email: 'asc' },
    }),
  ]);
  return { authors: authors.map((a) => a.email), reviewers: reviewers.map((r) => r.email) };
}

/**
 * The return the editor is answering, while they fix the record: the newest revision that went through review, when
 * it was returned (revisions newest first; the drafts saved since the return are skipped). Null once the record
 * has been submitted again or verified, or was never returned.
 */
export function pendingReturn(record: Pick<EvidenceDetail, 'revisions'>): { reviewer: string; comment: string } | null {
  const reviewed = record.revisions.find((revision) => revision.state !== 'DRAFT');
  if (!reviewed || reviewed.state !== 'RETURNED' || !reviewed.reviewComment) return null;
  return { reviewer: reviewed.reviewer?.email ?? '?', comment: reviewed.reviewComment };
}

/** What verifying a submitted revision would do to its pair's status (lib/evidence/rollups.ts); for reviewers. */
export async function previewRecordVerification(revisionId: number): Promise<VerificationEffect | null> {
  await requirePermission('review:evidence');
  return previewVerification(await requestPrisma(), revisionId);
}
