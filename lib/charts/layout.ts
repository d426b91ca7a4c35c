/** Chart sizes, importable from server pages (client component modules cannot export functions to the server). */

/** Default height in CSS pixels of a chart's plot box (legend included): ChartFrame and ChartSkeleton. */
export const DEFAULT_CHART_HEIGHT = 320;

/** Plot height for a StatusBarChart of `bars` bars: about `perBar` pixels each plus the axis and the legend. */
export function statusBarChartHeight(bars: number, perBar = 36): number {
  return Math.max(160, bars * perBar + 96);
}

/** The DOM id of the ChartFrame figure with this chart id; its heading is `${chartDomId(id)}-title`. */
export function chartDomId(id: string): string {
  return `chart-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
