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

/** One point in time ('YYYY-MM' or 'YYYY-MM-DD'; 'YYYY' with period="year") and the value of each series then. */
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
  /** Shown inside the plot at the line's left end, above it (below it for the lower of two lines), e.g.
   * "All 19 instruments"; inside the plot so that no width of screen cuts it. */
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
  /** 'year': each row's date is a year ('YYYY') and its values hold for that whole year (a count by the year's
   * end, as a table by year shows it): the step rises at the year's start and the last year is drawn to its end. */
  period?: 'date' | 'year';
  strings: ChartStrings;
  locale: string;
  title?: string;
}

const DAY = 86_400_000;

/** 1 January of a year ('YYYY') as a UTC timestamp; NaN when malformed. */
function yearStart(year: string): number {
  return /^\d{4}$/.test(year) ? Date.UTC(Number(year), 0, 1) : Number.NaN;
}

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
  period = 'date',
  strings,
  locale,
  title,
}: CountLineChartProps) {
  const points = useMemo(() => {
    const time = (date: string) => (period === 'year' ? yearStart(date) : chartTime(date));
    const placed = data.map((row) => ({ ...row, time: time(row.date) })).filter((row) => Number.isFinite(row.time));
    const last = placed.at(-1);
    // The last year's count holds to that year's end: a closing point (same row, so the same tooltip) there.
    if (period === 'year' && last) placed.push({ ...last, time: yearStart(String(Number(last.date) + 1)) });
    return placed;
  }, [data, period]);
  const { domain, ticks, unit } = useMemo(() => {
    const first = points[0]?.time ?? 0;
    const last = points.at(-1)?.time ?? 0;
    // A single point still needs a time span to be drawn: a fortnight either side.
    const span: [number, number] = first === last ? [first - 15 * DAY, last + 15 * DAY] : [first, last];
    return { domain: span, ...timeTicks(span[0], span[1]) };
  }, [points]);
  const maxReference = Math.max(0, ...max.map((line) => line.value));
  const highest = max.findIndex((line) => line.value === maxReference);
  const colored = series.map((entry, index) => ({
    ...entry,
    color: entry.color ?? seriesColor(index),
    dash: seriesDash(index),
  }));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as (CountLineRow & { time: number }) | undefined;
    if (!active || !row) return null;
    return (
      <TooltipBox heading={period === 'year' ? formatYear(locale, row.time) : formatPeriod(locale, row.date)}>
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
            // Room above the highest reference line for its label.
            margin={{ ...CHART_MARGIN, top: max.length > 0 ? 22 : CHART_MARGIN.top }}
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
            {max.map((line, index) => (
              <ReferenceLine
                key={`${line.value}-${line.label}`}
                y={line.value}
                stroke={AXIS_INK}
                strokeDasharray="4 4"
                label={{
                  value: line.label,
                  // The highest line's label above it, the others' below theirs, so two close lines (19 and 18)
                  // keep their labels apart. On a line (no height) recharts puts "insideBottom" above it.
                  position: index === highest ? 'insideBottomLeft' : 'insideTopLeft',
                  fill: AXIS_INK,
                  fontSize: 12,
                }}
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
