import { gzipSync } from 'node:zlib';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_LAND, WorldMap, type WorldMapProps, type WorldMapState } from '@/components/charts/WorldMap';
import { STATUS_COLORS, STATUS_PATTERNS } from '@/lib/charts/palette';
import {
  buildWorldSprite,
  getWorldGeometry,
  getWorldSprite,
  WORLD_MAP_WIDTH,
  WORLD_SPRITE_PATH,
} from '@/lib/charts/world-geometry';
import { GET as getSprite } from '@/app/world-map.svg/route';
import { memberStateName } from '@/lib/seed/country-names';
import { loadSeedData } from '@/lib/seed/data';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/**
 * The map's markup goes into every dashboard page view twice (HTML and React Server Components payload): it holds
 * links and fills only, the outlines are in the cached sprite.
 */
const MAX_MARKUP_BYTES = 60_000;
/** The sprite (all 1:110m outlines) is fetched once and cached; gzip is what travels. */
const MAX_SPRITE_GZIP_BYTES = 60_000;

const memberStates = loadSeedData().memberStates;
const geometry = getWorldGeometry();
const sprite = getWorldSprite();

const LEGEND: Record<ImplementationStatus, string> = {
  FULLY_IMPLEMENTED: 'Fully implemented',
  PARTIALLY_IMPLEMENTED: 'Partially implemented',
  IN_PROGRESS: 'In progress',
  NOT_STARTED: 'Not started',
  NOT_APPLICABLE: 'Not applicable',
  NO_INFORMATION: 'No information',
};

// Every status in turn, so that each one (the hatched NOT_APPLICABLE included) is drawn for about 32 states.
const states: WorldMapState[] = memberStates.map((state, index) => {
  const status = IMPLEMENTATION_STATUSES[index % IMPLEMENTATION_STATUSES.length] as ImplementationStatus;
  return {
    code: state.code,
    name: memberStateName(state).en,
    status,
    statusLabel: LEGEND[status],
    href: `/en/states/${state.code}?commitment=P12-conventions`,
  };
});

function render(props: Partial<WorldMapProps> = {}): string {
  return renderToStaticMarkup(
    createElement(WorldMap, { title: 'Status by member state', states, legendLabels: LEGEND, ...props }),
  );
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z-:]+)="([^"]*)"/g)) result[match[1]!] = decode(match[2]!);
  return result;
}

interface RenderedLink {
  attrs: Record<string, string>;
  title: string;
  fills: string[];
  /** href of each <use> (outline) in the link. */
  outlines: string[];
  markers: number;
}

/** The <a> elements of the markup (they never nest), with their title and the fills of their shapes. */
function links(markup: string): RenderedLink[] {
  return [...markup.matchAll(/<a\s([^>]*)>(.*?)<\/a>/gs)].map((match) => {
    const body = match[2]!;
    const drawn = [...body.matchAll(/<(use|circle)\s([^>]*?)\/?>/g)];
    return {
      attrs: attributes(match[1]!),
      title: decode(/<title>(.*?)<\/title>/s.exec(body)?.[1] ?? ''),
      fills: drawn.map((shape) => attributes(shape[2]!).fill ?? ''),
      outlines: drawn.filter((shape) => shape[1] === 'use').map((shape) => attributes(shape[2]!).href ?? ''),
      markers: drawn.filter((shape) => shape[1] === 'circle').length,
    };
  });
}

describe('world geometry (lib/charts/world-geometry.ts)', () => {
  it('places every one of the 193 member states as an outline or a marker', () => {
    expect(memberStates).toHaveLength(193);
    const unplaced = memberStates
      .map((state) => state.code)
      .filter((code) => {
        const placement = geometry.placements.get(code);
        return !placement?.shape && !placement?.marker;
      });
    expect(unplaced, `member states missing from the map: ${unplaced.join(', ')}`).toEqual([]);
  });

  it('keeps every outline and marker inside the viewBox', () => {
    const [minX, minY, width, height] = geometry.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect(width).toBe(WORLD_MAP_WIDTH);
    for (const state of memberStates) {
      const placement = geometry.placements.get(state.code)!;
      if (placement.shape) {
        expect(placement.shape, state.code).toMatch(/^M[-\d.]+,[-\d.]+/);
        const ys = [...placement.shape.matchAll(/[-\d.]+,([-\d.]+)/g)].map((m) => Number(m[1]));
        expect(Math.min(...ys), state.code).toBeGreaterThanOrEqual(minY);
        expect(Math.max(...ys), state.code).toBeLessThanOrEqual(minY + height);
      }
      if (placement.marker) {
        expect(placement.marker.x, state.code).toBeGreaterThanOrEqual(minX);
        expect(placement.marker.x, state.code).toBeLessThanOrEqual(minX + width);
        expect(placement.marker.y, state.code).toBeGreaterThanOrEqual(minY);
        expect(placement.marker.y, state.code).toBeLessThanOrEqual(minY + height);
      }
    }
  });

  it('gives a marker to microstates and to states too small to see at 1:110m, and none to large ones', () => {
    for (const code of ['AND', 'MCO', 'SMR', 'LIE', 'NRU', 'TUV', 'SGP', 'MLT', 'KNA']) {
      expect(geometry.placements.get(code)?.shape, code).toBeUndefined();
      expect(geometry.placements.get(code)?.marker, code).toBeDefined();
    }
    // Luxembourg has an outline at 1:110m, but one of about two square units (< MIN_SHAPE_AREA): a marker goes on top.
    expect(geometry.placements.get('LUX')?.shape).toBeDefined();
    expect(geometry.placements.get('LUX')?.markerSource).toBe('110m');
    for (const code of ['RUS', 'BRA', 'CHN', 'NGA', 'FRA', 'IDN']) {
      expect(geometry.placements.get(code)?.shape, code).toBeDefined();
      expect(geometry.placements.get(code)?.marker, code).toBeUndefined();
    }
  });

  it('drops Antarctica and keeps uncoded land (Kosovo, Northern Cyprus, Somaliland) as neutral shapes', () => {
    expect(geometry.placements.has('ATA')).toBe(false);
    expect(geometry.uncodedLand.length).toBeGreaterThanOrEqual(3);
  });

  it('is computed once per process', () => {
    expect(getWorldGeometry()).toBe(geometry);
  });
});

describe('WorldMap (components/charts/WorldMap.tsx)', () => {
  const markup = render();
  const rendered = links(markup);

  it('renders one link per member state, named "<country>: <status>", with the status fill', () => {
    expect(rendered).toHaveLength(193);
    const byCode = new Map(rendered.map((link) => [link.attrs['data-code'], link]));
    expect(byCode.size).toBe(193);
    const chartId = /data-chart="([^"]+)"/.exec(markup)?.[1];
    expect(chartId).toBeTruthy();
    for (const state of states) {
      const link = byCode.get(state.code);
      const name = `${state.name}: ${LEGEND[state.status]}`;
      expect(link?.attrs['aria-label'], state.code).toBe(name);
      expect(link?.title, state.code).toBe(name);
      expect(link?.attrs.href, state.code).toBe(state.href);
      expect(link?.attrs.tabindex, state.code).toBeUndefined();
      const expectedFill = STATUS_PATTERNS[state.status]
        ? `url(#${chartId}-pattern-${state.status.toLowerCase()})`
        : STATUS_COLORS[state.status];
      expect(link?.fills.length, state.code).toBeGreaterThan(0);
      for (const fill of link?.fills ?? []) expect(fill, state.code).toBe(expectedFill);
    }
  });

  it('paints states without an href and links none: one image, with each state once', () => {
    const html = render({ states: states.map((state) => ({ ...state, href: undefined })) });
    expect(links(html)).toHaveLength(0);
    expect(html).toContain('role="img"');
    // No name per state: the map's own title only.
    expect(html.match(/<title/g)).toHaveLength(1);
    const painted = [...html.matchAll(/data-code="([A-Z]{3})"/g)].map((match) => match[1]);
    expect(new Set(painted).size).toBe(193);
    expect(painted).toHaveLength(193);
    // Each in its status's fill, as the linked map paints it.
    const chartId = /data-chart="([^"]+)"/.exec(html)?.[1];
    for (const state of states) {
      const expectedFill = STATUS_PATTERNS[state.status]
        ? `url(#${chartId}-pattern-${state.status.toLowerCase()})`
        : STATUS_COLORS[state.status];
      const drawn = new RegExp(`data-code="${state.code}"[^]*?fill="([^"]+)"`).exec(html);
      const inline = new RegExp(`fill="([^"]+)" data-code="${state.code}"`).exec(html);
      expect((inline ?? drawn)?.[1], state.code).toBe(expectedFill);
    }
    // Far less to send than the linked map.
    expect(html.length).toBeLessThan(markup.length / 2);
  });

  it('draws each state as its outline, its marker, or both where the outline is tiny', () => {
    for (const link of rendered) {
      const placement = geometry.placements.get(link.attrs['data-code']!)!;
      const code = link.attrs['data-code']!;
      expect(link.outlines, code).toEqual(placement.shape ? [`${sprite.url}#${code}`] : []);
      expect(link.markers, code).toBe(placement.marker ? 1 : 0);
    }
  });

  it('defines the hatch pattern that NOT_APPLICABLE fills point to', () => {
    const used = new Set(rendered.flatMap((link) => link.fills).filter((fill) => fill.startsWith('url(')));
    expect(used.size).toBe(Object.keys(STATUS_PATTERNS).length);
    for (const fill of used) {
      const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
      expect(markup).toContain(`<pattern id="${id}"`);
    }
  });

  /** ids of the sprite paths drawn in the neutral group of a rendering. */
  function neutralIds(html: string): { fill: string | undefined; hidden: string | undefined; ids: string[] } {
    const group = /<g class="world-map__neutral" ([^>]*)>(.*?)<\/g>/s.exec(html);
    const attrs = attributes(group?.[1] ?? '');
    const ids = [...(group?.[2] ?? '').matchAll(/<use href="([^"]*)"/g)].map((m) => decode(m[1]!).split('#')[1]!);
    return { fill: attrs.fill, hidden: attrs['aria-hidden'], ids };
  }

  it('names the SVG by its title and keeps non-member land neutral and out of the tab order', () => {
    const svg = /<svg ([^>]*)>/.exec(markup)?.[1] ?? '';
    const { role, 'aria-labelledby': labelledBy } = attributes(svg);
    expect(role).toBe('group');
    expect(markup).toContain(`<title id="${labelledBy}">Status by member state</title>`);

    const neutral = neutralIds(markup);
    expect(neutral.fill).toBe(NEUTRAL_LAND);
    expect(neutral.hidden).toBe('true');
    // Greenland and Western Sahara are not member states, nor is the land without an ISO code.
    expect(neutral.ids).toEqual(expect.arrayContaining(['GRL', 'ESH', 'uncoded']));
    const members = new Set(memberStates.map((state) => state.code));
    expect(neutral.ids.filter((id) => members.has(id))).toEqual([]);
  });

  it('draws land of states left out of the list as neutral', () => {
    const withoutFrance = render({ states: states.filter((state) => state.code !== 'FRA') });
    expect(links(withoutFrance)).toHaveLength(192);
    expect(neutralIds(withoutFrance).ids).toContain('FRA');
  });

  it('shows a legend with every status label in order, and the neutral label when given', () => {
    const legend = (html: string) =>
      [...html.matchAll(/<li class="chart-legend__item"[^>]*>.*?<span>(.*?)<\/span><\/li>/gs)].map((m) => m[1]);
    expect(legend(markup)).toEqual(IMPLEMENTATION_STATUSES.map((status) => LEGEND[status]));
    expect(legend(render({ neutralLabel: 'Not a member state' })).at(-1)).toBe('Not a member state');
    expect(render({ legendName: 'Legend' })).toContain('<ul class="chart-legend" aria-label="Legend">');
  });

  it('uses the colours it is given', () => {
    const colors = { ...STATUS_COLORS, FULLY_IMPLEMENTED: '#000001' };
    const full = states.find((state) => state.status === 'FULLY_IMPLEMENTED')!;
    const link = links(render({ colors })).find((l) => l.attrs['data-code'] === full.code);
    expect(link?.fills[0]).toBe('#000001');
  });

  it('rejects codes it cannot place and states listed twice, naming them', () => {
    const bogus = { ...states[0]!, code: 'XXX' };
    expect(() => render({ states: [...states, bogus] })).toThrow(/XXX/);
    expect(() => render({ states: [...states, states[1]!] })).toThrow(new RegExp(states[1]!.code));
  });

  it(`stays under ${MAX_MARKUP_BYTES / 1000} kB of markup`, () => {
    const bytes = Buffer.byteLength(markup);
    console.info(`WorldMap markup: ${bytes} bytes, ${gzipSync(markup).length} bytes gzipped`);
    expect(bytes).toBeLessThan(MAX_MARKUP_BYTES);
  });
});

describe('world map sprite (app/world-map.svg/route.ts)', () => {
  it('holds one path per outline the map points to, with no fill or stroke of its own', () => {
    const ids = [...sprite.svg.matchAll(/<path id="([^"]+)" ([^>]*)\/>/g)];
    const byId = new Map(ids.map((m) => [m[1]!, m[2]!]));
    expect(byId.size).toBe(ids.length);
    for (const [code, placement] of geometry.placements) {
      if (placement.shape) expect(byId.get(code), code).toContain(`d="${placement.shape}"`);
    }
    expect(byId.has('sphere')).toBe(true);
    expect(byId.get('uncoded')).toContain(`d="${geometry.uncodedLand.join('')}"`);
    for (const attrs of byId.values()) expect(attrs).not.toMatch(/\b(fill|stroke)=/);
    expect(sprite.svg).not.toContain('<style');
    expect(sprite.url).toBe(`${WORLD_SPRITE_PATH}?v=${sprite.version}`);
  });

  it('versions its URL by content', () => {
    expect(buildWorldSprite(geometry).version).toBe(sprite.version);
    const changed = buildWorldSprite({ ...geometry, uncodedLand: [] });
    expect(changed.version).not.toBe(sprite.version);
  });

  it(`is served as SVG, cacheable for good under its versioned URL, under ${MAX_SPRITE_GZIP_BYTES / 1000} kB gzipped`, async () => {
    const response = getSprite(new Request(`http://localhost${sprite.url}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const body = await response.text();
    expect(body).toBe(sprite.svg);
    const gzipped = gzipSync(body).length;
    console.info(`World map sprite: ${Buffer.byteLength(body)} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThan(MAX_SPRITE_GZIP_BYTES);

    const unversioned = getSprite(new Request(`http://localhost${WORLD_SPRITE_PATH}`));
    expect(unversioned.headers.get('cache-control')).not.toContain('immutable');

    const etag = response.headers.get('etag')!;
    const revalidated = getSprite(new Request(`http://localhost${sprite.url}`, { headers: { 'If-None-Match': etag } }));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });
});
