/**
 * Parses the PDF-extracted Chinese text of a Security Council presidential statement.
 *
 * The extraction has hard line breaks and blank lines between every line, so blank lines carry no meaning.
 * A numbered paragraph starts at each line that opens with “安全理事会 (the statement is a quotation, so every
 * paragraph opens with a quotation mark). Lines are joined without a separator, as Chinese needs none; where a
 * break falls between a Han character and a Latin letter or digit, a space is put back, because the document
 * spaces numbers that way everywhere else (“第 1373(2001)号”).
 */
export interface ParsedStatement {
  /** The heading line, e.g. 安全理事会主席声明. */
  heading: string;
  /** The unnumbered introduction before the first paragraph. */
  chapeau: string;
  /** The numbered paragraphs, in order; paragraph n is paragraphs[n - 1]. */
  paragraphs: string[];
}

const PARAGRAPH_OPENING = '“安全理事会';
const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

function needsSpace(before: string, after: string): boolean {
  return (HAN.test(before) && LATIN_OR_DIGIT.test(after)) || (LATIN_OR_DIGIT.test(before) && HAN.test(after));
}

export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text && needsSpace(text.at(-1) ?? '', line[0] ?? '')) text += ' ';
    text += line;
  }
  return text;
}

export function parseStatement(raw: string): ParsedStatement {
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const [heading, ...body] = lines;
  if (!heading) throw new Error('The statement text is empty.');

  const blocks: string[][] = [[]];
  for (const line of body) {
    if (line.startsWith(PARAGRAPH_OPENING)) blocks.push([]);
    blocks.at(-1)?.push(line);
  }
  const [chapeauLines = [], ...paragraphLines] = blocks;
  if (paragraphLines.length === 0) {
    throw new Error(`No paragraph opening with ${PARAGRAPH_OPENING} was found in the statement text.`);
  }
  return { heading, chapeau: joinLines(chapeauLines), paragraphs: paragraphLines.map(joinLines) };
}
