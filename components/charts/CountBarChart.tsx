'use client';

import { useMemo } from 'react';
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
  TooltipBox,
  TooltipRow,
} from '@/components/charts/chart-common';
import { formatCell, formatMonth, formatNumber, formatYear } from '@/lib/charts/format';
import { seriesColor, STATUS_COLORS, STATUS_PATTERNS, statusFill } from '@/lib/charts/palette';
import { chartDomId } from '@/lib/charts/layout';
import { chartTime, monthTicks } from '@/lib/charts/ticks';
import type { ChartStrings, ChartTable } from '@/lib/charts/types';
import type { ImplementationStatus } from '@/lib/vocabulary';

export interface CountBarSeries {
  /** Column of the table holding this series' counts. */
  key: string;
  label: string;
  /** Draw in this status's colour (and hatch); else the palette's series colours in order. */
  status?: ImplementationStatus;
}

export interface CountBarChartProps {
  /** The same id as the ChartFrame around it (hatch pattern ids derive from it). */
  id: string;
  /**
   * The chart's table, the same object as the ChartFrame's (table alternative and CSV), so the page carries the
   * data once. Rows in display order: months ascending, or categories top to bottom.
   */
  table: ChartTable;
  /** Column naming each bar: a 'YYYY-MM' month (axis "time": upright bars along a month axis) or a label
   * (axis "category": horizontal bars, one per row). */
  category: string;
  axis: 'time' | 'category';
  series: CountBarSeries[];
  /** Stack the series in one bar (parts of a whole) or set them side by side (to compare). */
  stacked: boolean;
  strings: ChartStrings;
  locale: string;
  title?: string;
  /** Width of the label column of a category axis in CSS pixels (default 160); longer labels end with "…". */
  labelWidth?: number;
}

/**
 * Counts as bars, on an axis scaled to the counts (not to 100 %), so that the first few pairs with evidence among
 * thousands show. The tooltip lists the row of the table (every column), so it says what the table says; a single
 * month still gets a bar of visible width.
 */
export function CountBarChart({
  id,
  table,
  category,
  axis,
  series,
  stacked,
  strings,
  locale,
  title,
  labelWidth = 160,
}: CountBarChartProps) {
  const rows = table.rows;
  const { ticks, unit } = useMemo(
    () => (axis === 'time' ? monthTicks(rows.map((row) => String(row[category]))) : { ticks: [], unit: 'month' }),
    [axis, rows, category],
  );
  const colored = series.map((entry, index) => ({
    ...entry,
    fill: entry.status ? statusFill(id, entry.status) : seriesColor(index),
    color: entry.status ? STATUS_COLORS[entry.status] : seriesColor(index),
    hatch: entry.status ? Boolean(STATUS_PATTERNS[entry.status]) : false,
  }));
  const swatch = new Map(colored.map((entry) => [entry.key, entry]));
  const categoryColumn = table.columns.find((column) => column.key === category);

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as ChartTable['rows'][number] | undefined;
    if (!active || !row) return null;
    return (
      <TooltipBox heading={formatCell(locale, categoryColumn?.kind ?? 'text', row[category] ?? null)}>
        {table.columns
          .filter((column) => column.key !== category)
          .map((column) => (
            <TooltipRow
              key={column.key}
              color={swatch.get(column.key)?.color}
              hatch={swatch.get(column.key)?.hatch}
              label={column.label}
              value={formatCell(locale, column.kind, row[column.key] ?? null)}
            />
          ))}
      </TooltipBox>
    );
  };

  const renderCategoryTick = ({ x, y, payload }: YAxisTickContentProps) => {
    const label = String(payload.value);
    return (
      <text x={Number(x) - 6} y={Number(y)} dy="0.35em" textAnchor="end" fill={AXIS_INK} fontSize={12}>
        <title>{label}</title>
        {shortenLabel(label, labelWidth)}
      </text>
    );
  };

  const countAxis = {
    type: 'number' as const,
    allowDecimals: false,
    tick: AXIS_TICK,
    stroke: AXIS_INK,
    tickFormatter: (value: number) => formatNumber(locale, value),
  };

  return (
    <div className="chart">
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout={axis === 'category' ? 'vertical' : 'horizontal'}
            margin={CHART_MARGIN}
            barCategoryGap={axis === 'time' ? '10%' : '20%'}
            maxBarSize={axis === 'time' ? 64 : 28}
            accessibilityLayer
            title={title}
            aria-labelledby={title ? undefined : `${chartDomId(id)}-title`}
          >
            <StatusPatternDefs chartId={id} />
            <CartesianGrid stroke={GRID_LINE} vertical={axis === 'category'} horizontal={axis === 'time'} />
            {axis === 'time' ? (
              <>
                <XAxis
                  dataKey={category}
                  tick={AXIS_TICK}
                  stroke={AXIS_INK}
                  ticks={ticks}
                  interval="preserveStartEnd"
                  minTickGap={8}
                  tickFormatter={(month: string) =>
                    unit === 'year' ? formatYear(locale, chartTime(month)) : formatMonth(locale, month)
                  }
                />
                <YAxis {...countAxis} width={48} />
              </>
            ) : (
              <>
                <XAxis {...countAxis} />
                <YAxis
                  type="category"
                  dataKey={category}
                  width={labelWidth}
                  stroke={AXIS_INK}
                  tick={renderCategoryTick}
                  interval={0}
                />
              </>
            )}
            <Tooltip content={renderTooltip} isAnimationActive={false} cursor={{ fill: 'rgba(0, 0, 0, 0.06)' }} />
            {colored.map((entry) => (
              <Bar
                key={entry.key}
                dataKey={entry.key}
                name={entry.label}
                stackId={stacked ? 'counts' : undefined}
                fill={entry.fill}
                stroke="#ffffff"
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend
        id={id}
        label={strings.legend}
        entries={colored.map((entry) => ({
          key: entry.key,
          label: entry.label,
          color: entry.color,
          hatch: entry.hatch,
          shape: 'square' as const,
        }))}
      />
    </div>
  );
}
