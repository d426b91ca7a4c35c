import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { RegionalGroupValue } from '@/lib/data/labels';
import { LocalizedTextSchema } from '@/lib/i18n/localized';
import { PARTY_STATUSES } from '@/lib/status/constants';
import { statusMatrix, type Audience, type MatrixFilter, type MatrixSort } from '@/lib/status/queries';

/**
 * The status matrix (member states × commitments) and the ratification table (member states × instruments) as
 * CSV rows: one row per state, names in both languages, one column per commitment or instrument, headed by its
 * stable code. Both are at most 193 rows, so each is read with the page's own query.
 */
type Db = Pick<PrismaClient, '$queryRaw'>;

const STATE_COLUMNS = ['country_code', 'name_en', 'name_zh', 'regional_group'];

export async function matrixCsv(
  prisma: Db,
  filter: MatrixFilter,
  sort: MatrixSort,
  audience: Audience,
): Promise<{ header: string[]; rows: (string | null)[][] }> {
  const matrix = await statusMatrix(prisma, filter, sort, 'en', audience);
  return {
    header: [...STATE_COLUMNS, ...matrix.columns.map((column) => column.code)],
    rows: matrix.rows.map((row) => [
      row.code,
      row.nameEn,
      row.nameZh,
      row.regionalGroup,
      ...matrix.columns.map((column) => row.cells[column.code] ?? 'NO_INFORMATION'),
    ]),
  };
}

/** Empty cell: nothing recorded for the pair. The last column counts the instruments the state is party to. */
export async function ratificationCsv(
  prisma: Db,
  filter: { group?: RegionalGroupValue },
): Promise<{ header: string[]; rows: (string | number | null)[][] }> {
  const groupSql = filter.group ? Prisma.sql`AND a."regionalGroup" = ${filter.group}::"RegionalGroup"` : Prisma.empty;
  const [instruments, states, statuses] = await Promise.all([
    prisma.$queryRaw<{ id: number; code: string }[]>`
      SELECT id, code FROM "Instrument" ORDER BY "adoptedOn", "sortOrder"`,
    prisma.$queryRaw<{ id: number; code: string; name: unknown; regionalGroup: string | null }[]>`
      SELECT a.id, a.code, a.name, a."regionalGroup"::text AS "regionalGroup"
      FROM "Actor" a WHERE a.kind = 'MEMBER_STATE' ${groupSql} ORDER BY a.code`,
    prisma.$queryRaw<{ actorId: number; instrumentId: number; status: string }[]>`
      SELECT s."actorId", s."instrumentId", s.status::text AS status
      FROM "InstrumentStatus" s JOIN "Actor" a ON a.id = s."actorId"
      WHERE a.kind = 'MEMBER_STATE' ${groupSql}`,
  ]);
  const byPair = new Map(statuses.map((row) => [`${row.actorId}:${row.instrumentId}`, row.status]));
  const party = new Set<string>(PARTY_STATUSES);
  return {
    header: [...STATE_COLUMNS, ...instruments.map((instrument) => instrument.code), 'party_to'],
    rows: states.map((state) => {
      const name = LocalizedTextSchema.parse(state.name);
      const cells = instruments.map((instrument) => byPair.get(`${state.id}:${instrument.id}`) ?? null);
      return [
        state.code,
        name.en,
        name.zh,
        state.regionalGroup,
        ...cells,
        cells.filter((cell) => cell !== null && party.has(cell)).length,
      ];
    }),
  };
}
