import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/config';
import { localize, LocalizedTextSchema } from '@/lib/i18n/localized';
import { statusMatrix, type MatrixFilter, type MatrixSort } from '@/lib/status/matrix';
import type { Audience } from '@/lib/status/sql';
import { codeWords, translator } from '@/lib/transfer/tables';
import { PARTY_STATUSES, type RegionalGroup } from '@/lib/vocabulary';

/**
 * The status matrix (member states × commitments) and the ratification table (member states × instruments) as
 * CSV rows: one row per state, names in both languages, one column per commitment or instrument, headed by its
 * stable code. Both are at most 193 rows, so each is read with the page's own query.
 *
 * With `words` (the people's file, `?labels=words`), the same rows and columns in the reader's language: headings
 * as on the site (the state columns as on the countries page, each commitment by its title and each instrument by
 * its short name), statuses and regional groups as words through the one code map (lib/i18n/codes.ts).
 */
type Db = Pick<PrismaClient, '$queryRaw'>;

const STATE_COLUMNS = ['country_code', 'name_en', 'name_zh', 'regional_group'];

/** The people's headings of the state columns (STATE_COLUMNS), as the countries page heads them. */
async function stateHeadings(locale: Locale): Promise<string[]> {
  const t = await translator(locale, 'countries');
  return [t('code'), t('nameEn'), t('nameZh'), t('group')];
}

export async function matrixCsv(
  prisma: Db,
  filter: MatrixFilter,
  sort: MatrixSort,
  audience: Audience,
  words?: { locale: Locale },
): Promise<{ header: string[]; rows: (string | null)[][] }> {
  // The people's file sorts names and titles as the page does in their language; the code file stays in English.
  const matrix = await statusMatrix(prisma, filter, sort, words?.locale ?? 'en', audience);
  if (words) {
    const [states, label] = await Promise.all([stateHeadings(words.locale), codeWords(words.locale)]);
    const noGroup = (await translator(words.locale, 'status'))('noGroup');
    return {
      header: [...states, ...matrix.columns.map((column) => `${column.title} (${column.shortCode})`)],
      rows: matrix.rows.map((row) => [
        row.code,
        row.nameEn,
        row.nameZh,
        row.regionalGroup ? label(row.regionalGroup) : noGroup,
        ...matrix.columns.map((column) => label(row.cells[column.code] ?? 'NO_INFORMATION')),
      ]),
    };
  }
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
  filter: { group?: RegionalGroup },
  words?: { locale: Locale },
): Promise<{ header: string[]; rows: (string | number | null)[][] }> {
  const groupSql = filter.group ? Prisma.sql`AND a."regionalGroup" = ${filter.group}::"RegionalGroup"` : Prisma.empty;
  const [instruments, states, statuses] = await Promise.all([
    prisma.$queryRaw<{ id: number; code: string; shortName: unknown }[]>`
      SELECT id, code, "shortName" FROM "Instrument" ORDER BY "adoptedOn", "sortOrder"`,
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
  const rows = states.map((state) => {
    const name = LocalizedTextSchema.parse(state.name);
    const cells = instruments.map((instrument) => byPair.get(`${state.id}:${instrument.id}`) ?? null);
    const partyTo = cells.filter((cell) => cell !== null && party.has(cell)).length;
    return { code: state.code, name, regionalGroup: state.regionalGroup, cells, partyTo };
  });
  if (words) {
    const [headings, label, status] = await Promise.all([
      stateHeadings(words.locale),
      codeWords(words.locale),
      translator(words.locale, 'status'),
    ]);
    return {
      header: [
        ...headings,
        ...instruments.map((instrument) => localize(instrument.shortName, words.locale)),
        status('partyTo'),
      ],
      rows: rows.map((row) => [
        row.code,
        row.name.en,
        row.name.zh,
        row.regionalGroup ? label(row.regionalGroup) : status('noGroup'),
        ...row.cells.map((cell) => (cell === null ? null : label(cell))),
        row.partyTo,
      ]),
    };
  }
  return {
    header: [...STATE_COLUMNS, ...instruments.map((instrument) => instrument.code), 'party_to'],
    rows: rows.map((row) => [row.code, row.name.en, row.name.zh, row.regionalGroup, ...row.cells, row.partyTo]),
  };
}
