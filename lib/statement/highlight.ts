/**
 * Splits a paragraph into plain runs and highlighted runs, where a highlighted run is a maximal stretch of text
 * covered by one or more commitment quotes. Quotes may overlap (several commitments can quote the same words);
 * overlapping quotes merge into one run that names every commitment it covers, in order of appearance.
 */
export interface QuoteRef {
  code: string;
  quote: string;
}

export interface Run {
  text: string;
  /** Codes of the commitments quoted in this run; empty for plain text. */
  codes: string[];
}

export function segmentParagraph(text: string, quotes: readonly QuoteRef[]): Run[] {
  const spans = quotes
    .map(({ code, quote }) => ({ code, start: quote ? text.indexOf(quote) : -1, length: quote.length }))
    .filter((span) => span.start >= 0)
    .map((span) => ({ code: span.code, start: span.start, end: span.start + span.length }))
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const runs: Run[] = [];
  let cursor = 0;
  let index = 0;
  while (index < spans.length) {
    const first = spans[index]!;
    let end = first.end;
    const codes = [first.code];
    index++;
    while (index < spans.length && spans[index]!.start < end) {
      end = Math.max(end, spans[index]!.end);
      codes.push(spans[index]!.code);
      index++;
    }
    if (first.start > cursor) runs.push({ text: text.slice(cursor, first.start), codes: [] });
    runs.push({ text: text.slice(first.start, end), codes });
    cursor = end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), codes: [] });
  return runs;
}
