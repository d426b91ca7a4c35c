import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { actorScope, scopeSql, type ScopeFilter } from '@/lib/dashboard/scope';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import { emptyCounts, type StatusCounts } from '@/lib/status/constants';
import { progressRank, REGIONAL_GROUPS, type ImplementationStatus, type RegionalGroup } from '@/lib/vocabulary';
import { queryRows, Column } from '@/lib/raw-sql';
import { currentStatusSource, names, type Audience, type Db } from '@/lib/status/sql';

/** The countries × commitments matrix. */

export interface MatrixColumn {
  code: string;
  /** Paragraph number and, where a paragraph has several commitments, a letter: "P12c". */
  shortCode: string;
  title: string;
  themeCode: string;
}

export interface MatrixRow {
  code: string;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
  /** Commitment code → status; absent means no information. */
  cells: Record<string, ImplementationStatus>;
}

export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Cells per status over the rows and columns shown. */
  counts: StatusCounts;
}

/** Row orders of the matrix: by name, by regional group, or by progress (most advanced first). */
export const MATRIX_SORTS = ['name', 'group', 'progress'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

export interface MatrixFilter extends ScopeFilter {
  /** 'YYYY-MM': the statuses at the end of that month; absent means today. */
  asOf?: string;
}

const StateRow = z.object({ code: z.string(), name: z.unknown(), regionalGroup: z.enum(REGIONAL_GROUPS).nullable() });
const CellRow = z.object({ actor: z.string(), commitment: z.string(), status: Column.status });

/**
 * Member states × commitments on member states with each cell's status, today (CurrentStatus) or at the end of a
 * past month (the latest StatusChange by then). One row per cell with information is read; counts are taken from
 * those cells, so they always match what the matrix shows.
 */
export async function statusMatrix(
  prisma: Db,
  filter: MatrixFilter,
  sort: MatrixSort,
  locale: Locale,
  audience: Audience,
): Promise<Matrix> {
  const [year, month] = (filter.asOf ?? '').split('-').map(Number);
  const cellSource = filter.asOf
    ? Prisma.sql`(
        SELECT DISTINCT ON (sc."actorId", sc."commitmentId") sc."actorId", sc."commitmentId", sc."toStatus" AS status
        FROM "StatusChange" sc
        WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${new Date(Date.UTC(year!, month!, 1))}
        ORDER BY sc."actorId", sc."commitmentId", sc.month DESC
      )`
    : currentStatusSource(audience);
  const [commitments, states, cells] = await Promise.all([
    prisma.commitment
      .findMany({
        where: { addressee: 'MEMBER_STATES' },
        orderBy: [{ document: { adoptedOn: 'asc' } }, { sortOrder: 'asc' }],
        select: { code: true, title: true, theme: { select: { code: true } }, paragraph: { select: { number: true } } },
      })
      .then((rows) =>
        rows.map(({ theme, paragraph, ...row }) => ({ ...row, themeCode: theme.code, paragraph: paragraph.number })),
      ),
    queryRows(
      prisma,
      StateRow,
      Prisma.sql`
      SELECT a.code, a.name, a."regionalGroup"::text AS "regionalGroup"
      FROM "Actor" a WHERE ${actorScope(filter)}`,
    ),
    queryRows(
      prisma,
      CellRow,
      Prisma.sql`
      SELECT a.code AS actor, c.code AS commitment, cs.status::text AS status
      FROM ${cellSource} cs
      JOIN "Actor" a ON a.id = cs."actorId"
      JOIN "Commitment" c ON c.id = cs."commitmentId"
      JOIN "Theme" t ON t.id = c."themeId"
      WHERE ${scopeSql(filter)}`,
    ),
  ]);

  // Short codes are given over all commitments, so that a column keeps its code whatever the filter.
  const perParagraph = new Map<number, number>();
  for (const commitment of commitments) {
    perParagraph.set(commitment.paragraph, (perParagraph.get(commitment.paragraph) ?? 0) + 1);
  }
  const seen = new Map<number, number>();
  const columns: MatrixColumn[] = [];
  for (const commitment of commitments) {
    const index = seen.get(commitment.paragraph) ?? 0;
    seen.set(commitment.paragraph, index + 1);
    const suffix = perParagraph.get(commitment.paragraph)! > 1 ? String.fromCharCode(97 + index) : '';
    if (filter.theme && commitment.themeCode !== filter.theme) continue;
    if (filter.commitment && commitment.code !== filter.commitment) continue;
    columns.push({
      code: commitment.code,
      shortCode: `P${commitment.paragraph}${suffix}`,
      title: localize(commitment.title, locale),
      themeCode: commitment.themeCode,
    });
  }

  const byState = new Map<string, Record<string, ImplementationStatus>>();
  const counts = emptyCounts();
  for (const cell of cells) {
    let row = byState.get(cell.actor);
    if (!row) byState.set(cell.actor, (row = {}));
    row[cell.commitment] = cell.status;
    counts[cell.status] += 1;
  }
  counts.NO_INFORMATION += states.length * columns.length - cells.length;

  const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : 'en');
  const nameOf = (row: MatrixRow) => (locale === 'zh' ? row.nameZh : row.nameEn);
  const progress = (row: MatrixRow) =>
    Object.values(row.cells).reduce((sum, status) => sum + (progressRank(status) ?? 0), 0);
  const order: Record<MatrixSort, (a: MatrixRow, b: MatrixRow) => number> = {
    name: () => 0,
    group: (a, b) => (a.regionalGroup ?? '').localeCompare(b.regionalGroup ?? ''),
    progress: (a, b) => progress(b) - progress(a),
  };
  const rows = states
    .map(({ name, ...state }) => ({ ...state, ...names(name), cells: byState.get(state.code) ?? {} }))
    .sort((a, b) => order[sort](a, b) || collator.compare(nameOf(a), nameOf(b)));
  return { columns, rows, counts };
}
