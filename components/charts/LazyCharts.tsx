'use client';

import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { CountBarChartProps } from '@/components/charts/CountBarChart';
import type { CountLineChartProps, CountLineRow } from '@/components/charts/CountLineChart';
import type { StatusAreaChartProps, StatusMonthRow } from '@/components/charts/StatusAreaChart';
import type { StatusBarChartProps, StatusBarRow } from '@/components/charts/StatusBarChart';
import { unpackTable, type PackedChartTable } from '@/lib/charts/packed';

/**
 * The interactive (recharts) charts, loaded when they are about to be seen. recharts and its helpers are ~130 kB
 * of compressed JavaScript: in the first load of every dashboard page they were half of its script. Each chart
 * here is a placeholder of the plot's size until its box comes within reach of the viewport (or the pointer or the
 * keyboard focus enters its <figure>, e.g. on the way to the export buttons); then its code is fetched once, for
 * all charts. The data arrives packed (lib/charts/packed.ts), as the same object the ChartFrame's table
 * alternative gets, so the page carries it once.
 */

function ChartPlaceholder() {
  return <div className="chart chart--pending" data-chart-pending="" />;
}

const AreaChart = dynamic(() => import('@/components/charts/StatusAreaChart').then((m) => m.StatusAreaChart), {
  ssr: false,
  loading: ChartPlaceholder,
});
const BarChart = dynamic(() => import('@/components/charts/StatusBarChart').then((m) => m.StatusBarChart), {
  ssr: false,
  loading: ChartPlaceholder,
});
const CountBars = dynamic(() => import('@/components/charts/CountBarChart').then((m) => m.CountBarChart), {
  ssr: false,
  loading: ChartPlaceholder,
});
const CountLines = dynamic(() => import('@/components/charts/CountLineChart').then((m) => m.CountLineChart), {
  ssr: false,
  loading: ChartPlaceholder,
});

/** Renders `children` once the placeholder nears the viewport, or the pointer or focus enters the chart's figure. */
function WhenNear({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const show = () => setNear(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) show();
    });
    observer.observe(element);
    const frame = element.closest('figure') ?? element;
    frame.addEventListener('pointerenter', show);
    frame.addEventListener('focusin', show);
    window.addEventListener('beforeprint', show);
    return () => {
      observer.disconnect();
      frame.removeEventListener('pointerenter', show);
      frame.removeEventListener('focusin', show);
      window.removeEventListener('beforeprint', show);
    };
  }, [near]);
  return near ? <>{children}</> : <div ref={ref} className="chart chart--pending" data-chart-pending="" />;
}

/** The rows of a packed table as the chart's row type (the table was built from rows of that shape). */
function useRows<Row>(table: PackedChartTable): Row[] {
  return useMemo(() => unpackTable(table).rows as unknown as Row[], [table]);
}

function lazy<Props extends object>(Chart: ComponentType<Props>) {
  return function LazyChart(props: Props) {
    return (
      <WhenNear>
        <Chart {...props} />
      </WhenNear>
    );
  };
}

const LazyArea = lazy(AreaChart);
const LazyBars = lazy(BarChart);
const LazyCountBars = lazy(CountBars);
const LazyCountLines = lazy(CountLines);

/** StatusAreaChart, loaded when near; `table` holds its rows (month, a count per status, pairs). */
export function StatusAreaChart({ table, ...props }: Omit<StatusAreaChartProps, 'data'> & { table: PackedChartTable }) {
  const data = useRows<StatusMonthRow>(table);
  return <LazyArea {...props} data={data} />;
}

/** StatusBarChart, loaded when near; `table` holds its rows (key, label, a count per status, pairs). */
export function StatusBarChart({ table, ...props }: Omit<StatusBarChartProps, 'data'> & { table: PackedChartTable }) {
  const data = useRows<StatusBarRow>(table);
  return <LazyBars {...props} data={data} />;
}

/** CountBarChart, loaded when near. */
export function CountBarChart({ table, ...props }: Omit<CountBarChartProps, 'table'> & { table: PackedChartTable }) {
  const unpacked = useMemo(() => unpackTable(table), [table]);
  return <LazyCountBars {...props} table={unpacked} />;
}

/** CountLineChart, loaded when near; `table` holds its rows (date, a value per series). */
export function CountLineChart({ table, ...props }: Omit<CountLineChartProps, 'data'> & { table: PackedChartTable }) {
  const data = useRows<CountLineRow>(table);
  return <LazyCountLines {...props} data={data} />;
}
