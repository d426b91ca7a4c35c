import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('one error shape', () => {
  it('every route handler answers errors through lib/api/errors.ts, none builds the JSON itself', () => {
    // The shape that was written four ways: `Response.json({ error: { code, message } }, …)` by hand.
    const handMade = /Response\.json\(\s*\{\s*(?:url[^,]*,\s*)?error:/;
    // errors.ts is the one maker; next-auth's client reads `url` beside the error of a refused sign-in: the one answer errorResponse cannot give.
    const allowed = new Set([join('lib', 'api', 'errors.ts'), join('app', 'api', 'auth', '[...nextauth]', 'route.ts')]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (entry === 'generated') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry) && !allowed.has(path) && handMade.test(readFileSync(path, 'utf8'))) {
          offenders.push(path);
        }
      }
    };
    for (const root of ['app', 'lib']) walk(root);
    expect(offenders).toEqual([]);
  });
});
