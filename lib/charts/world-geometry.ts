import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Projected world geometry for the choropleth map (components/charts/WorldMap.tsx), from Natural Earth data shipped
 * in the npm package world-atlas: no tile server, nothing fetched at run time.
 *
 * - Outlines come from the 1:110m file (~120 kB of SVG path data, ~40 kB gzipped).
 * - A state with no 1:110m shape (Andorra, Tuvalu, ...) or a shape too small to see or click gets a marker: a
 *   point at the centroid of its most detailed available shape (1:110m, else 1:50m, else 1:10m; only Tuvalu needs
 *   the 1:10m file).
 * - Equal Earth projection (equal-area), Antarctica (ISO 010) dropped, coordinates rounded to 0.1 unit.
 *
 * Everything is computed once per process (getWorldGeometry caches it); pages only pick fills and links.
 *
 * The outlines reach the browser as one cacheable SVG file (getWorldSprite(), served at WORLD_SPRITE_PATH by
 * app/world-map.svg/route.ts) that the map references with <use href="…#FRA">: inlined, the ~110 kB of path data
 * would be sent twice with every page (once in the HTML, once more in the React Server Components payload).
 */

/** Where app/world-map.svg/route.ts serves the outlines. */
export const WORLD_SPRITE_PATH = '/world-map.svg';

/** Width of the map's SVG coordinate system; the height follows from the projection. */
export const WORLD_MAP_WIDTH = 960;
/** A 1:110m shape smaller than this (in square units of the 960-wide map) also gets a marker. */
export const MIN_SHAPE_AREA = 10;
/** Fractional digits kept in path coordinates (0.1 unit is ~0.1 px at the map's natural size). */
export const PATH_DIGITS = 1;

const ANTARCTICA = '010';
const PADDING = 4;

export interface MapPoint {
  x: number;
  y: number;
}

/** Where a state is drawn: a 1:110m outline, a marker, or both (a tiny outline with a marker on top). */
export interface StatePlacement {
  /** SVG path data of the 1:110m outline, if the state has one. */
  shape?: string;
  /** Centre of the marker, for states with no outline or one smaller than MIN_SHAPE_AREA. */
  marker?: MapPoint;
  /** Resolution the marker position was taken from. */
  markerSource?: '110m' | '50m' | '10m';
}

export interface WorldGeometry {
  /** SVG viewBox: "minX minY width height". */
  viewBox: string;
  width: number;
  height: number;
  /** Outline of the globe (drawn as the sea; its bottom, Antarctica's latitudes, falls outside the viewBox). */
  sphere: string;
  /** Placement per ISO 3166-1 alpha-3 code, for every coded country or territory found in the data. */
  placements: ReadonlyMap<string, StatePlacement>;
  /**
   * Path data of 1:110m land without an ISO 3166-1 code in the data (Kosovo, Northern Cyprus, Somaliland):
   * drawn as neutral land, never as a member state.
   */
  uncodedLand: readonly string[];
}

type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function loadTopology(file: string): CountryTopology {
  const path = resolve(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', 'world-atlas', file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read map data ${path} (npm package world-atlas): ${String(error)}`);
  }
  const topology = parsed as Partial<CountryTopology> | null;
  if (topology?.type !== 'Topology' || topology.objects?.countries?.type !== 'GeometryCollection') {
    throw new Error(`Map data ${path} is not a world-atlas countries topology.`);
  }
  return topology as CountryTopology;
}

/** ISO 3166-1 numeric id (as world-atlas writes it, e.g. "020") to alpha-3, or undefined for uncoded land. */
function alpha3(id: string | number | undefined): string | undefined {
  if (id === undefined) return undefined;
  return countries.numericToAlpha3(String(id).padStart(3, '0'));
}

/** The countries of a topology as GeoJSON features, without Antarctica, optionally only those `keep` accepts. */
function countryFeatures(topology: CountryTopology, keep: (code: string | undefined) => boolean = () => true) {
  const countries = topology.objects.countries;
  const wanted = countries.geometries.filter((g) => String(g.id) !== ANTARCTICA && keep(alpha3(g.id)));
  // Decoding arcs is the costly part: only decode the countries wanted.
  return feature(topology, { ...countries, geometries: wanted }).features;
}

function round(value: number): number {
  const factor = 10 ** PATH_DIGITS;
  return Math.round(value * factor) / factor;
}

/** Builds the geometry from the data files; use getWorldGeometry(), which caches the result. */
export function buildWorldGeometry(): WorldGeometry {
  const projection = geoEqualEarth().fitWidth(WORLD_MAP_WIDTH, { type: 'Sphere' });
  const path = geoPath(projection).digits(PATH_DIGITS);

  const placements = new Map<string, StatePlacement>();
  const uncodedLand: string[] = [];

  const coarse = countryFeatures(loadTopology('countries-110m.json'));
  for (const country of coarse) {
    const d = path(country);
    if (!d) continue;
    const code = alpha3(country.id);
    if (!code) {
      uncodedLand.push(d);
      continue;
    }
    const placement: StatePlacement = { shape: d };
    if (path.area(country) < MIN_SHAPE_AREA) {
      const [x, y] = path.centroid(country);
      placement.marker = { x: round(x), y: round(y) };
      placement.markerSource = '110m';
    }
    placements.set(code, placement);
  }

  // Markers for coded countries missing at 1:110m, from the finer files. The finer topologies are only read here
  // and dropped afterwards; only the marker points are kept.
  for (const [file, source] of [
    ['countries-50m.json', '50m'],
    ['countries-10m.json', '10m'],
  ] as const) {
    const missing = (code: string | undefined) => code !== undefined && !placements.has(code);
    for (const country of countryFeatures(loadTopology(file), missing)) {
      const code = alpha3(country.id);
      if (!code) continue;
      const point = markerPoint(path, country);
      if (point) placements.set(code, { marker: point, markerSource: source });
    }
  }

  const [[, top], [, bottom]] = path.bounds({ type: 'FeatureCollection', features: coarse });
  const minY = Math.floor(top) - PADDING;
  const height = Math.ceil(bottom) + PADDING - minY;
  return {
    viewBox: `0 ${minY} ${WORLD_MAP_WIDTH} ${height}`,
    width: WORLD_MAP_WIDTH,
    height,
    sphere: path({ type: 'Sphere' }) ?? '',
    placements,
    uncodedLand,
  };
}

/**
 * A marker goes on the centroid of the country's largest polygon: the centroid of a whole archipelago (Kiribati,
 * the Marshall Islands) can fall in open sea far from any island.
 */
function markerPoint(path: ReturnType<typeof geoPath>, country: GeoPermissibleObjects): MapPoint | undefined {
  let best: GeoPermissibleObjects = country;
  const geometry = 'geometry' in country ? country.geometry : undefined;
  if (geometry?.type === 'MultiPolygon') {
    let bestArea = -1;
    for (const coordinates of geometry.coordinates) {
      const polygon: GeoPermissibleObjects = { type: 'Polygon', coordinates };
      const area = path.area(polygon);
      if (area > bestArea) {
        bestArea = area;
        best = polygon;
      }
    }
  }
  const [x, y] = path.centroid(best);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return { x: round(x), y: round(y) };
}

const cacheKey = Symbol.for('commitment-tracker.world-geometry');
type GeometryCache = { [cacheKey]?: WorldGeometry };

/**
 * The world geometry, built on first use and kept for the life of the process (on globalThis, because Next.js may
 * evaluate this module once per route bundle).
 */
export function getWorldGeometry(): WorldGeometry {
  const cache = globalThis as GeometryCache;
  return (cache[cacheKey] ??= buildWorldGeometry());
}

export interface WorldSprite {
  /** The SVG document: one <path id="<alpha-3>"> per coded outline, "sphere" and "uncoded" (see WorldGeometry). */
  svg: string;
  /** Hash of the document, for cache-busting URLs. */
  version: string;
  /** Versioned URL of the document (WORLD_SPRITE_PATH?v=version). */
  url: string;
}

/**
 * The outlines as a standalone SVG document for <use href>. The paths carry no fill or stroke: <use> elements pass
 * theirs down. No <style> element, so the document needs nothing from the Content-Security-Policy.
 */
export function buildWorldSprite(geometry: WorldGeometry): WorldSprite {
  const paths = [
    spritePath('sphere', geometry.sphere),
    spritePath('uncoded', geometry.uncodedLand.join('')),
    ...[...geometry.placements]
      .filter(([, placement]) => placement.shape)
      .map(([code, placement]) => spritePath(code, placement.shape!)),
  ];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${geometry.viewBox}">` + `<defs>${paths.join('')}</defs></svg>\n`;
  const version = createHash('sha256').update(svg).digest('hex').slice(0, 12);
  return { svg, version, url: `${WORLD_SPRITE_PATH}?v=${version}` };
}

function spritePath(id: string, d: string): string {
  return `<path id="${id}" d="${d}" vector-effect="non-scaling-stroke" stroke-linejoin="round"/>`;
}

const spriteKey = Symbol.for('commitment-tracker.world-sprite');
type SpriteCache = { [spriteKey]?: WorldSprite };

/** The sprite of getWorldGeometry(), built once per process. */
export function getWorldSprite(): WorldSprite {
  const cache = globalThis as SpriteCache;
  return (cache[spriteKey] ??= buildWorldSprite(getWorldGeometry()));
}
