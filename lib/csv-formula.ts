/**
 * Spreadsheet safety: a cell starting with = + - @ tab or CR would run as a formula in Excel or LibreOffice, so it
 * is prefixed with an apostrophe, which spreadsheets show as text. So that the prefix can be told from an
 * apostrophe the text itself starts with, a cell made of apostrophes followed by such a character gets one more
 * apostrophe too; `restoreFormula` removes exactly that one on import, which makes
 * restoreFormula(neutraliseFormula(x)) = x for every string x. Kept apart from lib/csv.ts (Node streams) so that
 * client components (the chart CSV export) can import it.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseFormula, for imported cells. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && NEEDS_PREFIX.test(value.slice(1)) ? value.slice(1) : value;
}
