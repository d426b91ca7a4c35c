import { formatCell, isNumericKind } from '@/lib/charts/format';
import type { ChartColumn, ChartTable } from '@/lib/charts/types';

/**
 * The table alternative of a chart: a real <table>, caption = the chart title, the first column as row headers,
 * numbers and percents right-aligned, months and dates formatted per locale (dates inside <time>).
 * Kept lean, as a month series has hundreds of rows: body cells are right-aligned by the table's CSS
 * (.chart-table td) and only text cells carry a class; months are plain text (a <time> per row of a 20-year series
 * was a tenth of the overview's HTML).
 */
export function ChartDataTable({ table, caption, locale }: { table: ChartTable; caption: string; locale: string }) {
  const [first, ...rest] = table.columns;
  return (
    // Focusable so that keyboard users can scroll a long or wide table (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={isNumericKind(column.kind) ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {first && (
                <th scope="row" className={isNumericKind(first.kind) ? 'num' : undefined}>
                  <Cell column={first} value={row[first.key]} locale={locale} />
                </th>
              )}
              {rest.map((column) => (
                <td key={column.key} className={isNumericKind(column.kind) ? undefined : 'text'}>
                  <Cell column={column} value={row[column.key]} locale={locale} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({
  column,
  value,
  locale,
}: {
  column: ChartColumn;
  value: string | number | null | undefined;
  locale: string;
}) {
  const text = formatCell(locale, column.kind, value ?? null);
  if (column.kind === 'date' && typeof value === 'string' && text !== value) {
    return <time dateTime={value}>{text}</time>;
  }
  return <>{text}</>;
}
