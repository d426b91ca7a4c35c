import type { ReactNode } from 'react';
import { HatchPattern } from '@/components/charts/ChartLegend';
import { formatNumber, formatPattern } from '@/lib/charts/format';
import { STATUS_COLORS, STATUS_PATTERNS, statusPatternId } from '@/lib/charts/palette';
import type { ChartStrings, LegendEntry } from '@/lib/charts/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/** Shared look of the recharts charts; colours as attributes so the SVG export keeps them. */
export const AXIS_INK = '#4c5a69';
export const GRID_LINE = '#d5dbe1';
export const AXIS_TICK = { fill: AXIS_INK, fontSize: 12 } as const;

/** Margins that leave room for the last tick label on the right. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 } as const;

/** Rough width of a character of the 12 px tick font: latin ~7 px, CJK ~12 px. */
const charWidth = (char: string) => (/[\u2E80-\uFFEF]/.test(char) ? 12 : 7);

/** An axis label cut to fit `width` CSS pixels of the 12 px tick font, ending with "…" when cut. */
export function shortenLabel(text: string, width: number): string {
  let used = 0;
  const chars = Array.from(text);
  for (let index = 0; index < chars.length; index++) {
    used += charWidth(chars[index] ?? '');
    if (used > width - 8) return `${chars.slice(0, Math.max(index - 1, 1)).join('')}…`;
  }
  return text;
}

/** <defs> with the hatch patterns of the statuses that have one (NOT_APPLICABLE), ids unique per chart. */
export function StatusPatternDefs({ chartId }: { chartId: string }) {
  const patterned = IMPLEMENTATION_STATUSES.filter((status) => STATUS_PATTERNS[status]);
  return (
    <defs>
      {patterned.map((status) => (
        <HatchPattern key={status} id={statusPatternId(chartId, status)} color={STATUS_COLORS[status]} />
      ))}
    </defs>
  );
}

export function statusCountsTotal(row: Partial<Record<ImplementationStatus, unknown>>): number {
  return IMPLEMENTATION_STATUSES.reduce((sum, status) => {
    const value = row[status];
    return sum + (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  }, 0);
}

/** The box recharts shows on hover and on keyboard focus: a heading and rows of swatch, label, value. */
export function TooltipBox({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__heading">{heading}</p>
      <table className="chart-tooltip__rows">
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function TooltipRow({
  color,
  hatch,
  label,
  value,
}: {
  color?: string;
  hatch?: boolean;
  label: ReactNode;
  value: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">
        {color && (
          <span
            className={hatch ? 'chart-tooltip__swatch chart-tooltip__swatch--hatch' : 'chart-tooltip__swatch'}
            style={{ backgroundColor: color }}
            aria-hidden="true"
          />
        )}
        {label}
      </th>
      <td>{value}</td>
    </tr>
  );
}

/** The legend of the implementation statuses: a square swatch per status (hatched where the status is). */
export function statusLegendEntries(
  labels: Record<ImplementationStatus, string>,
  colors: Record<ImplementationStatus, string> = STATUS_COLORS,
): LegendEntry[] {
  return IMPLEMENTATION_STATUSES.map((status) => ({
    key: status,
    label: labels[status],
    color: colors[status],
    hatch: Boolean(STATUS_PATTERNS[status]),
    shape: 'square' as const,
  }));
}

/** The tooltip of a stacked row of status counts: each status's share and count, in `order`, then the total. */
export function StatusShareTooltip({
  heading,
  row,
  order,
  labels,
  strings,
  locale,
}: {
  heading: ReactNode;
  row: Record<ImplementationStatus, number>;
  order: readonly ImplementationStatus[];
  labels: Record<ImplementationStatus, string>;
  strings: ChartStrings;
  locale: string;
}) {
  const total = statusCountsTotal(row);
  return (
    <TooltipBox heading={heading}>
      {order.map((status) => (
        <TooltipRow
          key={status}
          color={STATUS_COLORS[status]}
          hatch={Boolean(STATUS_PATTERNS[status])}
          label={labels[status]}
          value={formatPattern(locale, strings.shareAndCount, {
            share: total ? row[status] / total : 0,
            count: row[status],
          })}
        />
      ))}
      <TooltipRow label={strings.total} value={formatNumber(locale, total)} />
    </TooltipBox>
  );
}
