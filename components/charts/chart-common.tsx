import type { ReactNode } from 'react';
import { HatchPattern } from '@/components/charts/ChartLegend';
import { STATUS_COLORS, STATUS_PATTERNS, statusPatternId } from '@/lib/charts/palette';
import { IMPLEMENTATION_STATUSES, type ImplementationStatusValue } from '@/lib/status/constants';

/** Shared look of the recharts charts; colours as attributes so the SVG export keeps them. */
export const AXIS_INK = '#4c5a69';
export const GRID_LINE = '#d5dbe1';
export const AXIS_TICK = { fill: AXIS_INK, fontSize: 12 } as const;

/** Margins that leave room for the last tick label on the right. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 } as const;

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

export function statusCountsTotal(row: Partial<Record<ImplementationStatusValue, unknown>>): number {
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
