import type { Locale } from '@/lib/i18n/config';
import { localize, LocalizedTextSchema } from '@/lib/i18n/localized';
import { findActors } from '@/lib/queries/actors';
import { findInstruments } from '@/lib/queries/instruments';
import { statusMatrix, type MatrixFilter, type MatrixSort } from '@/lib/status/matrix';
import type { Audience, Db } from '@/lib/status/sql';
import { codeWords, translator } from '@/lib/transfer/tables';
import { isPartyStatus, type RegionalGroup } from '@/lib/vocabulary';

/**
 * The status matrix (member states × commitments) and the ratification table (member states × instruments) as
 * CSV rows: one row per state, names in both languages, one column per commitment or instrument, headed by its
 * stable code. Both are at most 193 rows, so each is read with the page's own query.
 *
 * With `words` (the people's file, `?labels=words`), the same rows and columns in the reader's language: headings
 * as on the site (the state columns as on the countries page, each commitment by its title and each instrument by
 * its short name), statuses and regional groups as words through the one code map (lib/i18n/codes.ts).
 */

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
  // The instruments and states in the order of their own pages (lib/queries), so the columns and rows match them.
  const [instruments, states, statuses] = await Promise.all([
    findInstruments(prisma),
    findActors(prisma, { kind: 'MEMBER_STATE', group: filter.group }),
    prisma.instrumentStatus.findMany({
      where: { actor: { kind: 'MEMBER_STATE', ...(filter.group ? { regionalGroup: filter.group } : {}) } },
      select: { status: true, actor: { select: { code: true } }, instrument: { select: { code: true } } },
    }),
  ]);
  const byPair = new Map(statuses.map((row) => [`${row.actor.code}:${row.instrument.code}`, row.status]));
  const rows = states.map((state) => {
    const name = LocalizedTextSchema.parse(state.name);
    const cells = instruments.map((instrument) => byPair.get(`${state.code}:${instrument.code}`) ?? null);
    const partyTo = cells.filter((cell) => cell !== null && isPartyStatus(cell)).length;
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
