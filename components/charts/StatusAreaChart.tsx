'use client';

import { useMemo } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { ChartLegend } from '@/components/charts/ChartLegend';
import {
  AXIS_INK,
  AXIS_TICK,
  CHART_MARGIN,
  GRID_LINE,
  StatusPatternDefs,
  StatusShareTooltip,
  statusLegendEntries,
} from '@/components/charts/chart-common';
import { formatMonth, formatPercent, formatYear } from '@/lib/charts/format';
import { statusFill } from '@/lib/charts/palette';
import { chartTime, monthTicks } from '@/lib/charts/ticks';
import { chartDomId } from '@/lib/charts/layout';
import type { ChartStrings } from '@/lib/charts/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/** Counts of actor x commitment pairs at each status at the end of a month ('YYYY-MM'). */
export type StatusMonthRow = { month: string } & Record<ImplementationStatus, number>;

export interface StatusAreaChartProps {
  /** The same id as the ChartFrame around it (hatch pattern ids derive from it). */
  id: string;
  /** Months in ascending order. */
  data: StatusMonthRow[];
  /** Status labels in the reader's language (getStatusLabels()). */
  labels: Record<ImplementationStatus, string>;
  strings: ChartStrings;
  locale: string;
  /** Accessible name of the focusable chart; without it the chart is named by the heading of the ChartFrame
   *  with the same id. */
  title?: string;
}

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The share of actor x commitment pairs at each status over time: areas stacked to 100 % (stackOffset "expand"),
 * fully implemented at the bottom; the tooltip gives share and count of each status and the total. A single month
 * has no width for an area to cover, so it is drawn as one stacked bar.
 */
export function StatusAreaChart({ id, data, labels, strings, locale, title }: StatusAreaChartProps) {
  const { ticks, unit } = useMemo(() => monthTicks(data.map((row) => row.month)), [data]);
  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as StatusMonthRow | undefined;
    if (!active || !row) return null;
    return (
      <StatusShareTooltip
        heading={formatMonth(locale, row.month)}
        row={row}
        order={[...IMPLEMENTATION_STATUSES].reverse()}
        labels={labels}
        strings={strings}
        locale={locale}
      />
    );
  };

  const single = data.length < 2;
  const Chart = single ? BarChart : AreaChart;
  return (
    <div className="chart">
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <Chart
            data={data}
            stackOffset="expand"
            margin={CHART_MARGIN}
            maxBarSize={single ? 96 : undefined}
            accessibilityLayer
            title={title}
            aria-labelledby={title ? undefined : `${chartDomId(id)}-title`}
          >
            <StatusPatternDefs chartId={id} />
            <CartesianGrid stroke={GRID_LINE} vertical={false} />
            <XAxis
              dataKey="month"
              tick={AXIS_TICK}
              stroke={AXIS_INK}
              ticks={ticks}
              interval="preserveStartEnd"
              minTickGap={8}
              tickFormatter={(month: string) =>
                unit === 'year' ? formatYear(locale, chartTime(month)) : formatMonth(locale, month)
              }
            />
            <YAxis
              tick={AXIS_TICK}
              stroke={AXIS_INK}
              ticks={PERCENT_TICKS}
              domain={[0, 1]}
              tickFormatter={(value: number) => formatPercent(locale, value, true)}
              width={48}
            />
            <Tooltip content={renderTooltip} isAnimationActive={false} />
            {IMPLEMENTATION_STATUSES.map((status) =>
              single ? (
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
              ) : (
                <Area
                  key={status}
                  dataKey={status}
                  name={labels[status]}
                  stackId="status"
                  type="linear"
                  stroke="#ffffff"
                  strokeWidth={0.5}
                  fill={statusFill(id, status)}
                  fillOpacity={1}
                  isAnimationActive={false}
                  dot={false}
                  activeDot={false}
                />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      <ChartLegend id={id} label={strings.legend} entries={statusLegendEntries(labels)} />
    </div>
  );
}
