'use client';

import { useMemo } from 'react';
import { ChartDataTable } from '@/components/charts/ChartDataTable';
import { ChartExport, type ChartExportLabels } from '@/components/charts/ChartExport';
import { unpackTable, type PackedChartTable } from '@/lib/charts/packed';

/**
 * A chart's table alternative (in <details>) and its export toolbar, from one copy of the table: a client
 * component, so the page carries the table's data once, in this component's props, while the server still renders
 * the table into the HTML (readable before and without JavaScript). As two components, the table's rendered rows
 * went out again in the React payload beside the data the export needs. The table comes packed
 * (lib/charts/packed.ts): the same object as the chart's, so chart and table share one copy.
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
  return (
    <div className="chart-frame__footer">
      <details className="chart-frame__details">
        <summary>{showTable}</summary>
        <ChartDataTable table={rows} caption={title} locale={locale} />
      </details>
      <ChartExport frameId={frameId} title={title} table={rows} fileName={fileName} labels={labels} />
    </div>
  );
}
