import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartDataTable } from '@/components/charts/ChartDataTable';
import { ChartExport } from '@/components/charts/ChartExport';
import { ChartLegend } from '@/components/charts/ChartLegend';
import { CountLineChart } from '@/components/charts/CountLineChart';
import { StatusAreaChart } from '@/components/charts/StatusAreaChart';
import { StatusBarChart } from '@/components/charts/StatusBarChart';
import { STATUS_COLORS } from '@/lib/charts/palette';
import type { ChartStrings, ChartTable } from '@/lib/charts/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

// The server HTML of the pieces that are not async (ChartFrame itself needs a next-intl request).
const table: ChartTable = {
  columns: [
    { key: 'month', label: 'Month', kind: 'month' },
    { key: 'count', label: 'Pairs', kind: 'number' },
    { key: 'share', label: 'Share', kind: 'percent' },
    { key: 'note', label: 'Note', kind: 'text' },
  ],
  rows: [
    { month: '2024-03', count: 6948, share: 0.0767, note: '<b>x</b>' },
    { month: '2024-04', count: null, share: null, note: null },
  ],
};
const labels = Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, `L-${status}`])) as Record<
  ImplementationStatus,
  string
>;
const strings: ChartStrings = { total: 'Total', shareAndCount: '{share} ({count})', legend: 'Legend' };
const counts = Object.fromEntries(IMPLEMENTATION_STATUSES.map((status, index) => [status, index + 1])) as Record<
  ImplementationStatus,
  number
>;

describe('ChartDataTable', () => {
  it('renders a captioned table with row headers, locale-formatted numbers, percents and months', () => {
    const html = renderToString(createElement(ChartDataTable, { table, caption: 'Status over time', locale: 'en' }));
    expect(html).toContain('<caption>Status over time</caption>');
    expect(html).toContain('<th scope="col">Month</th><th scope="col" class="num">Pairs</th>');
    // Lean rows (a month series has hundreds): the month as text, numbers without a class per cell (the table's
    // CSS right-aligns body cells), only text cells marked.
    expect(html).toContain('<th scope="row">Mar 2024</th>');
    expect(html).toContain('<td>6,948</td><td>7.7%</td><td class="text">&lt;b&gt;x&lt;/b&gt;</td>');
    // Empty cells stay empty rather than showing 0 or "null".
    expect(html).toContain('<td></td><td></td><td class="text"></td>');
    // The scrolling wrapper is focusable and named, so keyboard users can scroll it.
    expect(html).toContain('tabindex="0" role="region" aria-label="Status over time"');
  });

  it('formats for the reader: Chinese months', () => {
    const html = renderToString(createElement(ChartDataTable, { table, caption: '状态', locale: 'zh' }));
    expect(html).toContain('<th scope="row">2024年3月</th>');
    expect(html).toContain('6,948');
  });
});

describe('ChartLegend', () => {
  it('lists entries with swatches, a hatch pattern for patterned statuses and dashes for lines', () => {
    const html = renderToString(
      createElement(ChartLegend, {
        id: 'by theme',
        label: 'Legend',
        entries: [
          { key: 'NOT_APPLICABLE', label: 'N/A', color: STATUS_COLORS.NOT_APPLICABLE, hatch: true, shape: 'square' },
          { key: 'FULL', label: 'Full', color: STATUS_COLORS.FULLY_IMPLEMENTED, shape: 'square' },
          { key: 'ratified', label: 'Ratified', color: '#0072b2', dash: '6 3', shape: 'line' },
        ],
      }),
    );
    expect(html).toContain('<ul class="chart-legend" aria-label="Legend">');
    expect(html.match(/data-legend-item/g)).toHaveLength(3);
    expect(html).toContain('<pattern id="by-theme-legend-NOT_APPLICABLE"');
    expect(html).toContain('fill="url(#by-theme-legend-NOT_APPLICABLE)"');
    expect(html).toContain(`fill="${STATUS_COLORS.FULLY_IMPLEMENTED}"`);
    expect(html).toContain('stroke-dasharray="6 3"');
    expect(html).toContain('<span>Ratified</span>');
  });
});

describe('ChartExport', () => {
  it('renders a named group of CSV, SVG and PNG buttons whose names contain their visible text', () => {
    const html = renderToString(
      createElement(ChartExport, {
        frameId: 'chart-x',
        title: 'X',
        table,
        fileName: 'x',
        labels: {
          download: '下载',
          csv: 'CSV',
          csvLabel: '以 CSV 格式下载数据',
          svg: 'SVG',
          svgLabel: '以 SVG 图片下载图表',
          png: 'PNG',
          pngLabel: '以 PNG 图片下载图表',
          failed: 'failed',
        },
      }),
    );
    expect(html).toMatch(
      /role="group" aria-labelledby="([^"]+)"><span id="\1" class="chart-export__label">下载<\/span>/,
    );
    for (const [text, label] of [
      ['CSV', '以 CSV 格式下载数据'],
      ['SVG', '以 SVG 图片下载图表'],
      ['PNG', '以 PNG 图片下载图表'],
    ]) {
      expect(html).toMatch(new RegExp(`<button type="button"[^>]*aria-label="${label}"[^>]*>${text}</button>`));
    }
    expect(html).toContain('<span role="status" class="chart-export__error"></span>');
  });
});

describe('client charts on the server', () => {
  it('render the legend in the server HTML but no chart <svg> (recharts draws after hydration)', () => {
    const pieces = [
      createElement(StatusAreaChart, {
        id: 'area',
        data: [{ month: '2024-03', ...counts }],
        labels,
        strings,
        locale: 'en',
      }),
      createElement(StatusBarChart, {
        id: 'bar',
        data: [{ key: 'AF', label: 'African States', ...counts }],
        labels,
        strings,
        locale: 'en',
        hrefs: { AF: '/en/countries?group=AF' },
      }),
    ];
    for (const piece of pieces) {
      const html = renderToString(piece);
      expect(html).not.toContain('recharts-surface');
      for (const status of IMPLEMENTATION_STATUSES) expect(html).toContain(`<span>L-${status}</span>`);
    }
    const line = renderToString(
      createElement(CountLineChart, {
        id: 'line',
        data: [
          { date: '1963-09-14', ratified: 1 },
          { date: '2024-01-01', ratified: 19 },
        ],
        series: [{ key: 'ratified', label: 'Ratified' }],
        max: [{ value: 19, label: 'of 19' }],
        strings,
        locale: 'en',
      }),
    );
    expect(line).not.toContain('recharts-surface');
    expect(line).toContain('<span>Ratified</span>');
    expect(line).toContain('stroke="#0072b2"');
  });
});
