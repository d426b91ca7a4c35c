/**
 * A cell starting with = + - @ tab or CR would run as a formula in Excel or LibreOffice; it is prefixed with an
 * apostrophe, which spreadsheets show as text. Kept apart from lib/csv.ts (Node streams) so that client components
 * (the chart CSV export) can import it.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
