import { HATCH_STROKE } from '@/lib/charts/palette';
import type { LegendEntry } from '@/lib/charts/types';

/**
 * The legend of a chart as an HTML list under the plot (rendered on the server too, so it is there before the
 * chart hydrates). Each swatch is a small self-contained SVG (its hatch pattern included) that the SVG/PNG export
 * copies at its on-screen position, found through data-legend-item.
 */
export function ChartLegend({ id, entries, label }: { id: string; entries: LegendEntry[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key} className="chart-legend__item" data-legend-item="">
          <LegendSwatch id={`${id}-legend-${entry.key}`} entry={entry} />
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}

function LegendSwatch({ id, entry }: { id: string; entry: LegendEntry }) {
  const patternId = id.replace(/[^A-Za-z0-9_-]/g, '-');
  if (entry.shape === 'line') {
    return (
      <svg className="chart-legend__swatch" width="24" height="14" viewBox="0 0 24 14" aria-hidden="true">
        <line
          x1="1"
          y1="7"
          x2="23"
          y2="7"
          stroke={entry.color}
          strokeWidth="2.5"
          strokeDasharray={entry.dash || undefined}
        />
      </svg>
    );
  }
  return (
    <svg className="chart-legend__swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {entry.hatch && (
        <defs>
          <HatchPattern id={patternId} color={entry.color} />
        </defs>
      )}
      <rect
        x="0.5"
        y="0.5"
        width="13"
        height="13"
        fill={entry.hatch ? `url(#${patternId})` : entry.color}
        stroke="#4c5a69"
        strokeWidth="1"
      />
    </svg>
  );
}

/** Diagonal white lines over the colour: tells NOT_APPLICABLE apart from the greys in print and for all eyes. */
export function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={color} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={HATCH_STROKE} strokeWidth="2.5" />
    </pattern>
  );
}
