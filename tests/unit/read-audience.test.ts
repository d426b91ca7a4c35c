import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudience, ROLES } from '@/lib/permissions';

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
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (entry === 'generated') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry) && decided.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    for (const root of ['app', 'components', 'lib']) walk(root);
    expect(offenders).toEqual([]);
  });
});
