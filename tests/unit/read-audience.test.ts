import { describe, expect, it } from 'vitest';
import { readAudience } from '@/lib/permissions';
import { filesMatching } from '@/tests/support/source-files';
import { ROLES } from '@/lib/vocabulary';

describe('the read policy', () => {
  it('lets every signed-in role read internal evidence, and the anonymous public only what is public', () => {
    for (const [index, role] of ROLES.entries()) {
      expect(readAudience({ id: index + 1, role }), role).toEqual({ publicOnly: false, userId: index + 1 });
    }
    expect(readAudience(null)).toEqual({ publicOnly: true, userId: null });
  });

  it('is decided in lib/permissions.ts only: no page, route or export works out the audience itself', () => {
    // The shape that was written in nine places: `publicOnly: user === null` and its variants.
    const decided = /publicOnly\s*[:=]\s*[\w.?]*user\s*===\s*null|publicOnly\s*=\s*caller/;
    const offenders = filesMatching(decided, ['app', 'components', 'lib'], { extensions: /\.tsx?$/ });
    expect(offenders).toEqual([]);
  });
});
