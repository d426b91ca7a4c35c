'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps, YAxisTickContentProps } from 'recharts';
import { ChartLegend } from '@/components/charts/ChartLegend';
import {
  AXIS_INK,
  AXIS_TICK,
  CHART_MARGIN,
  GRID_LINE,
  shortenLabel,
  StatusPatternDefs,
  StatusShareTooltip,
  statusLegendEntries,
} from '@/components/charts/chart-common';
import { formatPercent } from '@/lib/charts/format';
import { statusFill } from '@/lib/charts/palette';
import { chartDomId } from '@/lib/charts/layout';
import type { ChartStrings } from '@/lib/charts/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/** One bar: a group (theme, UN regional group...) and its counts per status. */
export type StatusBarRow = { key: string; label: string } & Record<ImplementationStatus, number>;

export interface StatusBarChartProps {
  /** The same id as the ChartFrame around it. */
  id: string;
  /** One row per bar, top to bottom. */
  data: StatusBarRow[];
  labels: Record<ImplementationStatus, string>;
  strings: ChartStrings;
  locale: string;
  title?: string;
  /** Optional link per bar key: the bar's label becomes a link (keyboard focusable, full page navigation). */
  hrefs?: Record<string, string>;
  /** Width of the label column in CSS pixels (default 160); labels longer than it are shortened with "…". */
  labelWidth?: number;
}

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];
/**
 * Horizontal bars stacked to 100 % (shares of each status within a group), counts in the tooltip. With `hrefs`,
 * each bar label is an SVG link (in the tab order) to that group's page.
 */
export function StatusBarChart({
  id,
  data,
  labels,
  strings,
  locale,
  title,
  hrefs,
  labelWidth = 160,
}: StatusBarChartProps) {
  const byKey = new Map(data.map((row) => [row.key, row]));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as StatusBarRow | undefined;
    if (!active || !row) return null;
    return (
      <StatusShareTooltip
        heading={row.label}
        row={row}
        order={IMPLEMENTATION_STATUSES}
        labels={labels}
        strings={strings}
        locale={locale}
      />
    );
  };

  const renderTick = ({ x, y, payload }: YAxisTickContentProps) => {
    const row = byKey.get(String(payload.value));
    const label = row?.label ?? String(payload.value);
    const text = (
      <text x={Number(x) - 6} y={Number(y)} dy="0.35em" textAnchor="end" fill={AXIS_INK} fontSize={12}>
        <title>{label}</title>
        {shortenLabel(label, labelWidth)}
      </text>
    );
    const href = row && hrefs?.[row.key];
    return href ? (
      <a href={href} className="chart-link">
        {text}
      </a>
    ) : (
      text
    );
  };

  return (
    <div className="chart">
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            stackOffset="expand"
            margin={CHART_MARGIN}
            barCategoryGap="20%"
            accessibilityLayer
            title={title}
            aria-labelledby={title ? undefined : `${chartDomId(id)}-title`}
          >
            <StatusPatternDefs chartId={id} />
            <CartesianGrid stroke={GRID_LINE} horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 1]}
              ticks={PERCENT_TICKS}
              tick={AXIS_TICK}
              stroke={AXIS_INK}
              tickFormatter={(value: number) => formatPercent(locale, value, true)}
            />
            <YAxis type="category" dataKey="key" width={labelWidth} stroke={AXIS_INK} tick={renderTick} interval={0} />
            <Tooltip content={renderTooltip} isAnimationActive={false} cursor={{ fill: 'rgba(0, 0, 0, 0.06)' }} />
            {IMPLEMENTATION_STATUSES.map((status) => (
              <Bar
                key={status}
                dataKey={status}
                name={labels[status]}
                stackId="status"
                fill={statusFill(id, status)}
                stroke="#ffffff"
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend id={id} label={strings.legend} entries={statusLegendEntries(labels)} />
    </div>
  );
}
