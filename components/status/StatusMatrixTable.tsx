'use client';

import type { MouseEvent } from 'react';
import { STATUS_CLASS } from '@/components/status/StatusTag';
import { getPathname, useRouter } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/config';
import { statusOfCell } from '@/lib/status/matrix-cells';
import type { ImplementationStatus } from '@/lib/vocabulary';

export interface StatusMatrixColumn {
  code: string;
  shortCode: string;
  title: string;
}

export interface StatusMatrixRow {
  code: string;
  name: string;
  /** One character per column, in column order (lib/status/matrix-cells.ts). */
  cells: string;
}

/**
 * The countries × commitments table. A client component so that the page sends its ~5,600 cells once, as one
 * character each (the rendered HTML is all that repeats per cell): as a server component every cell would be sent
 * twice, as HTML and again in the React payload, and with a link each the matrix page weighed 1.5 MB.
 * Each cell is a plain cell, not a link: a click (or Enter on the row's country link) opens the country's row for
 * that commitment, `/<locale>/countries/<code>#c-<commitment>`, the one link pattern of the table.
 */
export function StatusMatrixTable({
  locale,
  caption,
  stateHeading,
  columns,
  rows,
  shortLabels,
}: {
  locale: Locale;
  caption: string;
  stateHeading: string;
  columns: StatusMatrixColumn[];
  rows: StatusMatrixRow[];
  /** Short label per status ("IP"), shown in each cell. */
  shortLabels: Record<ImplementationStatus, string>;
}) {
  const router = useRouter();
  // Plain links and a window.open need the full path; router.push takes it without the locale.
  const cellPath = (row: number, column: number) => `/countries/${rows[row]!.code}#c-${columns[column]!.code}`;
  const full = (href: string) => getPathname({ href, locale });

  function openCell(event: MouseEvent<HTMLTableSectionElement>) {
    const cell = (event.target as HTMLElement).closest('td');
    const row = cell?.parentElement as HTMLTableRowElement | null | undefined;
    if (!cell || !row || event.button === 2) return;
    const href = cellPath(row.sectionRowIndex, cell.cellIndex - 1);
    if (event.ctrlKey || event.metaKey || event.button === 1) window.open(full(href), '_blank', 'noopener');
    else router.push(href);
  }

  return (
    <table className="matrix">
      <caption id="matrix-caption" className="muted">
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{stateHeading}</th>
          {columns.map((column) => (
            <th scope="col" key={column.code}>
              <a
                href={full(`/commitments/${column.code}`)}
                aria-label={`${column.shortCode}: ${column.title} (${column.code})`}
              >
                <abbr title={`${column.title} (${column.code})`}>{column.shortCode}</abbr>
              </a>
            </th>
          ))}
        </tr>
      </thead>
      <tbody onClick={openCell} onAuxClick={openCell}>
        {rows.map((row) => (
          <tr key={row.code}>
            <th scope="row">
              <a href={full(`/countries/${row.code}`)}>{row.name}</a>
            </th>
            {Array.from(row.cells, (cell, index) => {
              const status = statusOfCell(cell);
              return (
                <td key={index} className={STATUS_CLASS[status]}>
                  {shortLabels[status]}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
