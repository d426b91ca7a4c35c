import { z } from 'zod';
import { isoDay } from '@/lib/dates';

/**
 * The primitives every schema of lib/validation builds on where a value goes to PostgreSQL: text it can store,
 * ids that fit its `integer` (int4) columns, and dates and times inside a sane range. A value outside them is a
 * client's mistake (4xx naming the field), never a database error (500). Messages are keys of the "validation"
 * namespace of messages/<locale>.json.
 */

/** The largest value of a PostgreSQL `integer` (int4), the type of every id and version column. */
export const MAX_INT4 = 2_147_483_647;

/** The range of dates and times accepted anywhere (filters, cursors, forms): PostgreSQL and JavaScript agree on it. */
export const EARLIEST_ACCEPTED_DAY = '1900-01-01';
export const LATEST_ACCEPTED_DAY = '2999-12-31';

// NUL, which PostgreSQL refuses in text, and UTF-16 surrogates without their pair, which no UTF-8 encoder can
// write (the pg driver would silently turn them into U+FFFD, PGlite refuses them).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A cheap first look (one character class, no lookaround): most text has neither NUL nor any surrogate. */
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

/** Whether PostgreSQL can store the string exactly: no NUL, no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !MAYBE_UNSTORABLE.test(value) || !UNSTORABLE.test(value);
}

/** A string PostgreSQL can store exactly; otherwise the issue `textInvalidCharacters`. */
export const StoredText = z.string().refine(isStorableText, 'textInvalidCharacters');

/**
 * Every string inside `value` (object keys included) that PostgreSQL cannot store, with its path, e.g.
 * `[{ path: ['sources', 0, 'title'] }]`. The operation wrapper and the API's query and path checks run this on
 * whatever arrives, so that no schema that forgot StoredText lets such text reach the database.
 */
export function findUnstorableText(value: unknown, path: PropertyKey[] = [], found: PropertyKey[][] = []) {
  walkUnstorable(value, [...path], found);
  return found;
}

/** findUnstorableText over one mutable path, copied only where text is found (a CSV import walks every row). */
function walkUnstorable(value: unknown, path: PropertyKey[], found: PropertyKey[][]): void {
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push([...path]);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walkUnstorable(value[index], path, found);
      path.pop();
    }
  } else if (
    value !== null &&
    typeof value === 'object' &&
    // Uploaded bytes and files are not text (and walking a 20 MB Uint8Array key by key would take seconds).
    !ArrayBuffer.isView(value) &&
    !(value instanceof ArrayBuffer) &&
    !(value instanceof Blob) &&
    !(value instanceof Date)
  ) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      path.push(key);
      if (!isStorableText(key)) found.push([...path]);
      else walkUnstorable((value as Record<string, unknown>)[key], path, found);
      path.pop();
    }
  }
}

/** One problem with an input: where (a path into the raw input) and a "validation" key. */
export interface InputIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * Checks raw input (a request body, a query, a CSV row as an object) the one way every door does: first every
 * string PostgreSQL cannot store (`textInvalidCharacters` at its path, whatever the field's own rule would have
 * said about it), then the schema; a schema issue at or under such a path is dropped, so that each field gets
 * one reason. Returns the parsed output, or every issue at once.
 */
export function parseInput<Output>(
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: Output }
      | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
  },
  raw: unknown,
): { success: true; data: Output } | { success: false; issues: InputIssue[] } {
  const unstorable = findUnstorableText(raw);
  const parsed = schema.safeParse(raw);
  if (unstorable.length === 0 && parsed.success) return { success: true, data: parsed.data };
  const under = (path: PropertyKey[], prefix: PropertyKey[]) =>
    prefix.length <= path.length && prefix.every((key, index) => String(key) === String(path[index]));
  const issues: InputIssue[] = unstorable.map((path) => ({ path, message: 'textInvalidCharacters' }));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (!unstorable.some((path) => under(issue.path, path))) issues.push({ path: issue.path, message: issue.message });
  }
  return { success: false, issues };
}

/** A positive id that fits an int4 column, from a number or a decimal string (FormData). */
export const Id = z.coerce.number().int().positive().max(MAX_INT4);

/** A version counter (0 allowed where a row may not exist yet, else use Id), bounded to int4. */
export const Version = Id;

/** An id from a URL segment: plain decimal digits, 1 to MAX_INT4; null for anything else. */
export function parseId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_INT4 ? id : null;
}

/** A calendar day YYYY-MM-DD between EARLIEST_ACCEPTED_DAY and LATEST_ACCEPTED_DAY (a filter or query value). */
export const Day = z.iso
  .date('dateInvalid')
  .refine((value) => value >= EARLIEST_ACCEPTED_DAY && value <= LATEST_ACCEPTED_DAY, 'dateOutOfRange');

/** An ISO 8601 date and time (offset allowed) whose instant lies within the accepted days, in UTC. */
export const DateTime = (options: { offset?: boolean } = {}) =>
  z.iso
    .datetime({ offset: options.offset ?? false, message: 'dateInvalid' })
    .refine((value) => isWithinAcceptedRange(new Date(value)), 'dateOutOfRange');

/** Whether a Date is valid and inside the accepted range (UTC). */
export function isWithinAcceptedRange(date: Date): boolean {
  if (Number.isNaN(date.getTime())) return false;
  const day = isoDay(date);
  return day >= EARLIEST_ACCEPTED_DAY && day <= LATEST_ACCEPTED_DAY;
}
