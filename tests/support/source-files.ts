import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The project's root folder (tests/support/../..). */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

/**
 * The project's own source files under `roots` (folders or files, relative to the root), as root-relative paths
 * with forward slashes: what the source-scan tests read. lib/generated (Prisma's client) is never ours; `exclude`
 * drops more paths (a file, or a folder and all below it).
 */
export function sourceFiles(roots: string[], options: { exclude?: string[]; extensions?: RegExp } = {}): string[] {
  const excluded = new Set(['lib/generated', ...(options.exclude ?? [])]);
  const extensions = options.extensions ?? SOURCE;
  const walk = (path: string): string[] => {
    const name = relative(PROJECT_ROOT, path).split('\\').join('/');
    if (excluded.has(name)) return [];
    if (statSync(path).isDirectory()) return readdirSync(path).flatMap((entry) => walk(join(path, entry)));
    return extensions.test(path) ? [name] : [];
  };
  return roots.flatMap((root) => walk(join(PROJECT_ROOT, root)));
}

/** The files among sourceFiles(roots, options) whose text matches `pattern`. */
export function filesMatching(pattern: RegExp, roots: string[], options: Parameters<typeof sourceFiles>[1] = {}) {
  return sourceFiles(roots, options).filter((file) => pattern.test(readFileSync(join(PROJECT_ROOT, file), 'utf8')));
}
