'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { ChartDataTable } from '@/components/charts/ChartDataTable';
import { ChartExport, type ChartExportLabels } from '@/components/charts/ChartExport';
import { unpackTable, type PackedChartTable } from '@/lib/charts/packed';

/**
 * A chart's table alternative (in <details>) and its export toolbar, from one copy of the table: a client
 * component, so the page carries the table's data once, in this component's props. The table comes packed
 * (lib/charts/packed.ts): the same object as the chart's, so chart and table share one copy.
 * The rows are drawn when the reader opens "Show as table": a month series is hundreds of rows, and rendering them
 * into every page's HTML was most of the overview's markup and much of its server time (issue 13). Like the chart
 * itself, the table needs JavaScript; the same figures are in the progress API without it.
 */
export function ChartFooter({
  frameId,
  title,
  table,
  fileName,
  locale,
  showTable,
  labels,
}: {
  frameId: string;
  title: string;
  table: PackedChartTable;
  fileName: string;
  locale: string;
  /** The <summary> of the table alternative ("Show as table"). */
  showTable: string;
  labels: ChartExportLabels;
}) {
  const rows = useMemo(() => unpackTable(table), [table]);
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before hydration (a quick click on the server's HTML), its toggle event came before React listened.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  return (
    <div className="chart-frame__footer">
      <details ref={details} className="chart-frame__details" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{showTable}</summary>
        {open && <ChartDataTable table={rows} caption={title} locale={locale} />}
      </details>
      <ChartExport frameId={frameId} title={title} table={rows} fileName={fileName} labels={labels} />
    </div>
  );
}
