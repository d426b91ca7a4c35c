'use client';

import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { ChartLegend } from '@/components/charts/ChartLegend';
import { AXIS_INK, AXIS_TICK, CHART_MARGIN, GRID_LINE, TooltipBox, TooltipRow } from '@/components/charts/chart-common';
import { formatMonthTick, formatNumber, formatPeriod, formatYear } from '@/lib/charts/format';
import { seriesColor, seriesDash } from '@/lib/charts/palette';
import { chartDomId } from '@/lib/charts/layout';
import type { ChartStrings } from '@/lib/charts/types';
import { chartTime, timeTicks } from '@/lib/charts/ticks';

/** One point in time ('YYYY-MM' or 'YYYY-MM-DD') and the value of each series then. */
export type CountLineRow = { date: string } & Record<string, number | string | null>;

export interface CountSeries {
  /** Property of the data rows holding this series' values. */
  key: string;
  label: string;
  /** Defaults to the palette's series colours in order (each also gets a dash pattern for print). */
  color?: string;
}

export interface CountReferenceLine {
  value: number;
  /** Shown at the line's right end, e.g. "of 19". */
  label: string;
}

export interface CountLineChartProps {
  id: string;
  /** Points in ascending date order; dates may be irregular (the x axis is a true time scale). */
  data: CountLineRow[];
  series: CountSeries[];
  /** Horizontal reference lines for the possible maximum (e.g. "of 19" instruments). */
  max?: CountReferenceLine[];
  /** 'step' (default): the count holds until the next point; 'linear' joins points with straight lines. */
  curve?: 'step' | 'linear';
  strings: ChartStrings;
  locale: string;
  title?: string;
}

const DAY = 86_400_000;

/**
 * Integer counts over time as step (or straight) lines, e.g. ratifications over time or instruments joined over
 * time, with optional reference lines for the maximum. The x axis is a time scale with month or year ticks.
 */
export function CountLineChart({
  id,
  data,
  series,
  max = [],
  curve = 'step',
  strings,
  locale,
  title,
}: CountLineChartProps) {
  const points = useMemo(
    () => data.map((row) => ({ ...row, time: chartTime(row.date) })).filter((row) => Number.isFinite(row.time)),
    [data],
  );
  const { domain, ticks, unit } = useMemo(() => {
    const first = points[0]?.time ?? 0;
    const last = points.at(-1)?.time ?? 0;
    // A single point still needs a time span to be drawn: a fortnight either side.
    const span: [number, number] = first === last ? [first - 15 * DAY, last + 15 * DAY] : [first, last];
    return { domain: span, ...timeTicks(span[0], span[1]) };
  }, [points]);
  const maxReference = Math.max(0, ...max.map((line) => line.value));
  const colored = series.map((entry, index) => ({
    ...entry,
    color: entry.color ?? seriesColor(index),
    dash: seriesDash(index),
  }));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as (CountLineRow & { time: number }) | undefined;
    if (!active || !row) return null;
    return (
      <TooltipBox heading={formatPeriod(locale, row.date)}>
        {colored.map((entry) => {
          const value = row[entry.key];
          return (
            <TooltipRow
              key={entry.key}
              color={entry.color}
              label={entry.label}
              value={typeof value === 'number' ? formatNumber(locale, value) : '–'}
            />
          );
        })}
      </TooltipBox>
    );
  };

  return (
    <div className="chart">
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points}
            margin={{ ...CHART_MARGIN, right: 56 }}
            accessibilityLayer
            title={title}
            aria-labelledby={title ? undefined : `${chartDomId(id)}-title`}
          >
            <CartesianGrid stroke={GRID_LINE} vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={domain}
              ticks={ticks}
              interval="preserveStartEnd"
              minTickGap={8}
              tick={AXIS_TICK}
              stroke={AXIS_INK}
              tickFormatter={(time: number) =>
                unit === 'year' ? formatYear(locale, time) : formatMonthTick(locale, time)
              }
            />
            <YAxis
              allowDecimals={false}
              domain={[0, (dataMax: number) => Math.max(dataMax, maxReference)]}
              tick={AXIS_TICK}
              stroke={AXIS_INK}
              tickFormatter={(value: number) => formatNumber(locale, value)}
              width={40}
            />
            <Tooltip content={renderTooltip} isAnimationActive={false} />
            {max.map((line) => (
              <ReferenceLine
                key={`${line.value}-${line.label}`}
                y={line.value}
                stroke={AXIS_INK}
                strokeDasharray="4 4"
                label={{ value: line.label, position: 'right', fill: AXIS_INK, fontSize: 12 }}
              />
            ))}
            {colored.map((entry) => (
              <Line
                key={entry.key}
                dataKey={entry.key}
                name={entry.label}
                type={curve === 'step' ? 'stepAfter' : 'linear'}
                stroke={entry.color}
                strokeWidth={2}
                strokeDasharray={entry.dash || undefined}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend
        id={id}
        label={strings.legend}
        entries={colored.map((entry) => ({
          key: entry.key,
          label: entry.label,
          color: entry.color,
          dash: entry.dash,
          shape: 'line' as const,
        }))}
      />
    </div>
  );
}
