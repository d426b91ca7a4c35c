'use client';

import { useId, useState } from 'react';
import { chartTableToCsv } from '@/lib/charts/csv';
import { buildChartSvg, downloadBlob, svgToPng } from '@/lib/charts/export-image';
import type { ChartTable } from '@/lib/charts/types';

export interface ChartExportLabels {
  download: string;
  csv: string;
  csvLabel: string;
  svg: string;
  svgLabel: string;
  png: string;
  pngLabel: string;
  failed: string;
}

/**
 * The export toolbar of a chart (rendered by ChartFrame): the data as CSV (from the same table as the table
 * alternative), the picture as SVG or as a 2x PNG. Works on the figure with id `frameId`.
 */
export function ChartExport({
  frameId,
  title,
  table,
  fileName,
  labels,
}: {
  frameId: string;
  title: string;
  table: ChartTable;
  fileName: string;
  labels: ChartExportLabels;
}) {
  const labelId = useId();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const image = () => {
    const frame = document.getElementById(frameId);
    return frame ? buildChartSvg(frame, title) : null;
  };

  const exportCsv = () => {
    setFailed(false);
    downloadBlob(new Blob([chartTableToCsv(table)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  };

  const exportSvg = async () => {
    const built = await image();
    setFailed(!built);
    if (built) downloadBlob(new Blob([built.svg], { type: 'image/svg+xml;charset=utf-8' }), `${fileName}.svg`);
  };

  const exportPng = async () => {
    const built = await image();
    setFailed(!built);
    if (!built) return;
    setBusy(true);
    try {
      downloadBlob(await svgToPng(built, 2), `${fileName}.png`);
    } catch (error) {
      console.error('Chart PNG export failed', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="chart-export" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="chart-export__label">
        {labels.download}
      </span>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={labels.csvLabel}
        onClick={exportCsv}
      >
        {labels.csv}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={labels.svgLabel}
        onClick={() => void exportSvg()}
      >
        {labels.svg}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={labels.pngLabel}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => void exportPng()}
      >
        {labels.png}
      </button>
      <span role="status" className="chart-export__error">
        {failed ? labels.failed : ''}
      </span>
    </div>
  );
}
