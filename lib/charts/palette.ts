import type { ImplementationStatus } from '@/lib/vocabulary';

/**
 * Chart colours. Safe to import from client components (no server-only imports).
 *
 * Implementation statuses: the four ordinal statuses run from dark navy (fully implemented) to light sand (not
 * started), each step at least ~20 CIELAB L* lighter than the previous one, so they stay apart in greyscale print
 * and for colour-blind readers (blue vs sand survives deuteranopia and protanopia). The two non-ordinal statuses are
 * neutral greys; NOT_APPLICABLE is additionally drawn with a diagonal hatch (see STATUS_PATTERNS), NO_INFORMATION is
 * a lighter flat grey. tests/unit/chart-palette.test.ts asserts the luminance and colour-blind distances.
 */
export const STATUS_COLORS: Record<ImplementationStatus, string> = {
  FULLY_IMPLEMENTED: '#17325e',
  PARTIALLY_IMPLEMENTED: '#2f68a6',
  IN_PROGRESS: '#5f9fc9',
  NOT_STARTED: '#f5d29a',
  NOT_APPLICABLE: '#7a7a7a',
  NO_INFORMATION: '#bdbdbd',
};

/** Statuses drawn with a hatch pattern on top of their colour (in charts and legends). */
export const STATUS_PATTERNS: Partial<Record<ImplementationStatus, 'hatch'>> = {
  NOT_APPLICABLE: 'hatch',
};

/** Colour of the hatch lines drawn over a patterned status colour. */
export const HATCH_STROKE = '#ffffff';

/**
 * The SVG id of the hatch pattern for a status in one chart; ids must be unique in the page, hence the chart id.
 * Only statuses listed in STATUS_PATTERNS have one.
 */
export function statusPatternId(chartId: string, status: ImplementationStatus): string {
  return `${chartId.replace(/[^A-Za-z0-9_-]/g, '-')}-pattern-${status.toLowerCase()}`;
}

/** The SVG fill for a status: the hatch pattern if it has one, else its flat colour. */
export function statusFill(chartId: string, status: ImplementationStatus): string {
  return STATUS_PATTERNS[status] ? `url(#${statusPatternId(chartId, status)})` : STATUS_COLORS[status];
}

/**
 * Line-chart series colours (Okabe & Ito's colour-blind-safe set, darkened where needed for 3:1 contrast against
 * white), used in this order; each series also gets a dash pattern from SERIES_DASHES so that lines stay apart in
 * greyscale print.
 */
export const SERIES_COLORS = ['#0072b2', '#c75400', '#007a5a', '#b0508f', '#5f5f5f'] as const;

/** stroke-dasharray per series index ('' is a solid line). */
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? SERIES_COLORS[0];
}

export function seriesDash(index: number): string {
  return SERIES_DASHES[index % SERIES_DASHES.length] ?? '';
}
