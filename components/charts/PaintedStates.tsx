'use client';

/** A state drawn with a marker: its code, the marker's centre, and whether it has an outline too. */
export type PaintedMarker = [code: string, x: number, y: number, outlined: boolean];

/**
 * The member states of a WorldMap that are painted only (no link, no name of their own: the page lists them in a
 * table), inside the map's <svg>. A client component so that the page sends each state once as data, three letters
 * and one status character (lib/status/matrix-cells.ts), and the <use>s are rendered from that: as server markup each
 * state's <use> went out twice, in the HTML and again in the React payload (~30 kB for 193 states).
 */
export function PaintedStates({
  sprite,
  codes,
  cells,
  fills,
  markers,
}: {
  /** Address of the outline sprite (app/world-map.svg), without '#'. */
  sprite: string;
  /** The states drawn as outlines: three letters each, concatenated. */
  codes: string;
  /** Status character of each state, in the order of `codes` then `markers`. */
  cells: string;
  /** Fill of each status, by its index in IMPLEMENTATION_STATUSES (the last: no information). */
  fills: string[];
  /** The states drawn with a marker (after the outlines, so that no outline covers them). */
  markers: PaintedMarker[];
}) {
  const shapes = codes.length / 3;
  // A status character is the status's index (cellOfStatus); anything else is drawn as the last status.
  const fill = (index: number) => fills[Number(cells[index])] ?? fills.at(-1);
  return (
    <>
      <g className="world-map__states">
        {Array.from({ length: shapes }, (_, index) => {
          const code = codes.slice(index * 3, index * 3 + 3);
          return <use key={code} href={`${sprite}#${code}`} fill={fill(index)} data-code={code} />;
        })}
      </g>
      <g className="world-map__states world-map__states--small">
        {markers.map(([code, x, y, outlined], index) => (
          <g key={code} data-code={code}>
            {outlined && <use href={`${sprite}#${code}`} fill={fill(shapes + index)} />}
            <circle className="world-map__marker" cx={x} cy={y} r={3.5} fill={fill(shapes + index)} />
          </g>
        ))}
      </g>
    </>
  );
}
