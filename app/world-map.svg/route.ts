import { getWorldSprite } from '@/lib/charts/world-geometry';

/**
 * The world map's outlines (lib/charts/world-geometry.ts) as one SVG file that components/charts/WorldMap.tsx
 * points into with <use href>. Public Natural Earth geometry, the same for every user; the map asks for it with
 * ?v=<hash of the content>, so that URL may be cached for good.
 */
export function GET(request: Request) {
  const sprite = getWorldSprite();
  const etag = `"${sprite.version}"`;
  const versioned = new URL(request.url).searchParams.get('v') === sprite.version;
  const headers = {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: etag,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(sprite.svg, { headers });
}
