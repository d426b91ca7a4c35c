import { useId } from 'react';
import { ChartLegend, HatchPattern } from '@/components/charts/ChartLegend';
import { PaintedStates } from '@/components/charts/PaintedStates';
import { statusLegendEntries } from '@/components/charts/chart-common';
import { STATUS_COLORS, STATUS_PATTERNS, statusPatternId } from '@/lib/charts/palette';
import type { LegendEntry } from '@/lib/charts/types';
import { getWorldGeometry, getWorldSprite, type StatePlacement } from '@/lib/charts/world-geometry';
import { cellOfStatus } from '@/lib/status/matrix-cells';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

export interface WorldMapState {
  /** ISO 3166-1 alpha-3 code. */
  code: string;
  /** Name in the reader's language. */
  name: string;
  status: ImplementationStatus;
  /** The status in the reader's language. */
  statusLabel: string;
  /** Where the state's shape links to; without it the state is only painted (no link, no name of its own). */
  href?: string;
}

export interface WorldMapProps {
  /** Accessible name of the map (the SVG's <title>). */
  title: string;
  /** The states to colour and link; land not listed here is drawn neutral and is not focusable. */
  states: readonly WorldMapState[];
  /** Legend text per status, in the reader's language; every status is listed. */
  legendLabels: Record<ImplementationStatus, string>;
  /** Fill per status; defaults to the chart kit's STATUS_COLORS. */
  colors?: Record<ImplementationStatus, string>;
  /** Accessible name of the legend list (e.g. "Legend"); defaults to the title. */
  legendName?: string;
  /** When given, the legend also explains the neutral land (e.g. "Not a member state"). */
  neutralLabel?: string;
}

/** Fill of land that is not one of the listed states (non-member territories, uncoded land). */
export const NEUTRAL_LAND = '#ffffff';

interface PlacedState extends WorldMapState {
  placement: StatePlacement;
}

/**
 * A choropleth world map of one status per member state, rendered on the server as plain SVG: no client
 * JavaScript, no tiles, nothing fetched. Each listed state is a link (its outline, or a marker where the state is
 * too small for the 1:110m outlines) named "<country>: <status>"; the colour only repeats what the name says, and
 * the page should also offer the same data as a table.
 *
 * The projected outlines are computed once per process (lib/charts/world-geometry.ts) and reach the browser as one
 * cacheable SVG file (app/world-map.svg/route.ts) that the map points into with <use href="/world-map.svg?v=…#FRA">.
 * A render only picks fills and links: ~50 kB of markup for 193 states instead of ~160 kB with inline outlines, and
 * Next.js sends a page's server-rendered markup twice (HTML and React Server Components payload).
 *
 * States without an href are painted only (the SVG is then one image, named by its title), by a client component
 * that gets each state as three letters and a status character (components/charts/PaintedStates.tsx).
 *
 * Tab order: states drawn as outlines first, then those drawn with markers (drawn last so that no neighbouring
 * outline covers them), each group in the order of `states`.
 */
export function WorldMap({
  title,
  states,
  legendLabels,
  colors = STATUS_COLORS,
  legendName,
  neutralLabel,
}: WorldMapProps) {
  const chartId = `world-map-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const geometry = getWorldGeometry();
  const sprite = getWorldSprite();
  const ref = (id: string) => `${sprite.url}#${id}`;

  const placed = placeStates(states, geometry.placements);
  const linked = states.some((state) => state.href);
  const outlines = placed.filter((state) => !state.placement.marker);
  const markers = placed.filter((state) => state.placement.marker);
  const listed = new Set(states.map((state) => state.code));
  const neutral = ['uncoded'];
  for (const [code, placement] of geometry.placements) {
    if (placement.shape && !listed.has(code)) neutral.push(code);
  }

  const patterned = IMPLEMENTATION_STATUSES.filter((status) => STATUS_PATTERNS[status]);
  const fill = (status: ImplementationStatus) =>
    STATUS_PATTERNS[status] ? `url(#${statusPatternId(chartId, status)})` : colors[status];

  const legend: LegendEntry[] = statusLegendEntries(legendLabels, colors);
  if (neutralLabel) legend.push({ key: 'neutral', label: neutralLabel, color: NEUTRAL_LAND, shape: 'square' });

  const link = ({ code, name, statusLabel, status, href, placement }: PlacedState) => {
    const label = `${name}: ${statusLabel}`;
    return (
      <a key={code} href={href} aria-label={label} data-code={code}>
        <title>{label}</title>
        {placement.shape && <use href={ref(code)} fill={fill(status)} />}
        {placement.marker && (
          <circle
            className="world-map__marker"
            cx={placement.marker.x}
            cy={placement.marker.y}
            r={3.5}
            fill={fill(status)}
          />
        )}
      </a>
    );
  };

  return (
    <div className="world-map" data-chart={chartId}>
      {/* Below ~36rem the map scrolls sideways rather than shrinking its markers out of reach. */}
      <div className="world-map__scroll">
        <svg
          className="world-map__svg"
          data-chart-image
          viewBox={geometry.viewBox}
          role={linked ? 'group' : 'img'}
          aria-labelledby={`${chartId}-title`}
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${chartId}-title`}>{title}</title>
          {patterned.length > 0 && (
            <defs>
              {patterned.map((status) => (
                <HatchPattern key={status} id={statusPatternId(chartId, status)} color={colors[status]} />
              ))}
            </defs>
          )}
          <use className="world-map__sea" href={ref('sphere')} aria-hidden="true" />
          <g className="world-map__neutral" fill={NEUTRAL_LAND} aria-hidden="true">
            {neutral.map((id) => (
              <use key={id} href={ref(id)} />
            ))}
          </g>
          {linked ? (
            <>
              <g className="world-map__states">{outlines.map(link)}</g>
              <g className="world-map__states world-map__states--small">{markers.map(link)}</g>
            </>
          ) : (
            <PaintedStates
              sprite={sprite.url}
              codes={outlines.map((state) => state.code).join('')}
              cells={[...outlines, ...markers].map((state) => cellOfStatus(state.status)).join('')}
              fills={IMPLEMENTATION_STATUSES.map(fill)}
              markers={markers.map(({ code, placement }) => [
                code,
                placement.marker!.x,
                placement.marker!.y,
                Boolean(placement.shape),
              ])}
            />
          )}
        </svg>
      </div>
      <ChartLegend id={chartId} entries={legend} label={legendName ?? title} />
    </div>
  );
}

function placeStates(states: readonly WorldMapState[], placements: ReadonlyMap<string, StatePlacement>): PlacedState[] {
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  const placed: PlacedState[] = [];
  for (const state of states) {
    if (seen.has(state.code)) duplicated.push(state.code);
    seen.add(state.code);
    const placement = placements.get(state.code);
    if (placement) placed.push({ ...state, placement });
    else unknown.push(state.code);
  }
  if (unknown.length > 0) {
    throw new Error(`WorldMap: no map shape or marker for ${unknown.join(', ')} (expected ISO 3166-1 alpha-3 codes).`);
  }
  if (duplicated.length > 0) throw new Error(`WorldMap: states listed twice: ${duplicated.join(', ')}.`);
  return placed;
}
