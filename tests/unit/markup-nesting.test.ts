import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A paragraph holds phrasing content only. A <form>, <div>, list, table, heading or another <p> inside a <p> is
 * split off by the browser's HTML parser, so the page React hydrates differs from the one it rendered: a hydration
 * error (the evidence record page had a form inside a <p>). This scans every component and page for <p> elements
 * holding a block element, or a component that is not known to render phrasing content only.
 */
const PHRASING_COMPONENTS = new Set(['Link', 'Tag', 'StatusTag', 'SignOutButton', 'RecordEvidenceLink', 'Fragment']);
const BLOCK_ELEMENTS =
  /^(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul)$/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** The tags opened directly or deeper inside each <p>…</p> of `source` (JSX and whole-line comments removed). */
function paragraphContents(source: string): { line: number; tags: string[] }[] {
  const blank = (comment: string) => comment.replace(/[^\n]/g, ' ');
  const text = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank).replace(/^\s*\/\/.*$/gm, blank);
  const found: { line: number; tags: string[] }[] = [];
  const paragraph = /<p(\s[^>]*?)?(\/?)>|<\/p>/g;
  for (const open of text.matchAll(paragraph)) {
    if (open[0] === '</p>' || open[2] === '/') continue;
    let depth = 1;
    const scan = new RegExp(paragraph.source, 'g');
    scan.lastIndex = open.index + open[0].length;
    let end = text.length;
    for (let next = scan.exec(text); next; next = scan.exec(text)) {
      if (next[0] === '</p>') depth--;
      else if (next[2] !== '/') depth++;
      if (depth === 0) {
        end = next.index;
        break;
      }
    }
    const inner = text.slice(open.index + open[0].length, end);
    const tags = [...inner.matchAll(/<([A-Za-z][\w.]*)/g)].map((match) => match[1]!);
    found.push({ line: text.slice(0, open.index).split('\n').length, tags });
  }
  return found;
}

describe('no block content inside a paragraph', () => {
  it('finds the shape it looks for', () => {
    const bad = `<p className="x"><Link href="/">a</Link><SubmitForm id={1} /></p><p>ok <strong>b</strong></p>`;
    expect(paragraphContents(bad).map((p) => p.tags)).toEqual([['Link', 'SubmitForm'], ['strong']]);
    expect(paragraphContents('<p>{/* a <div> in a comment */}</p><p />')).toEqual([{ line: 1, tags: [] }]);
  });

  it('holds in every page and component', () => {
    const offending = ['app', 'components']
      .flatMap(tsxFiles)
      .flatMap((file) =>
        paragraphContents(readFileSync(file, 'utf8')).flatMap(({ line, tags }) =>
          tags
            .filter((tag) => BLOCK_ELEMENTS.test(tag) || (/^[A-Z]/.test(tag) && !PHRASING_COMPONENTS.has(tag)))
            .map((tag) => `${file}:${line} <p> holds <${tag}>`),
        ),
      );
    expect(offending).toEqual([]);
  });
});
