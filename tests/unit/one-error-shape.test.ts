import { describe, expect, it } from 'vitest';
import { filesMatching } from '@/tests/support/source-files';

describe('one error shape', () => {
  it('every route handler answers errors through lib/api/errors.ts, none builds the JSON itself', () => {
    // The shape that was written four ways: `Response.json({ error: { code, message } }, …)` by hand.
    const handMade = /Response\.json\(\s*\{\s*(?:url[^,]*,\s*)?error:/;
    const offenders = filesMatching(handMade, ['app', 'lib'], {
      extensions: /\.tsx?$/,
      // errors.ts is the one maker; next-auth's client reads `url` beside the error of a refused sign-in.
      exclude: ['lib/api/errors.ts', 'app/api/auth/[...nextauth]/route.ts'],
    });
    expect(offenders).toEqual([]);
  });
});
