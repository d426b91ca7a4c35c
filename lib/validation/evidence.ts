import { z } from 'zod';
import { actorCode, commitmentCode } from '@/lib/validation/codes';
import { Id } from '@/lib/validation/primitives';
import { EARLIEST_RECORD_DAY, latestDateOnEarth } from '@/lib/dates';
import { IMPLEMENTATION_STATUSES, SOURCE_TYPES, Visibility } from '@/lib/vocabulary';

/**
 * Evidence input, shared by the entry form, its server actions and (later) the API. FormData arrives flat
 * ("sources.0.url"); `nestFormValues` turns it into the nested shape first. Messages are keys of the
 * "validation" namespace.
 */
export const MAX_SOURCES = 20;
export const MAX_SUMMARY_LENGTH = 5000;

/**
 * One rule for every door (form, API, CSV import): text is trimmed here and nowhere else, and a character that
 * cannot be stored or seen is refused. NUL (PostgreSQL cannot store it) and lone surrogates (not Unicode text; a
 * UTF-8 CSV file cannot hold them) are "textInvalidCharacters", the key the operation wrapper's own scan uses;
 * other control characters than tab and line breaks are "textControlCharacter:U+0001" with their code point.
 * `singleLine` refuses tab and line breaks too (web addresses).
 */
const UNSTORABLE = /\u0000|\p{Cs}/u;
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;
const ANY_CONTROL_CHARACTER = /\p{Cc}/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The key of what makes `value` unfit to store, or null. */
export function textProblem(value: string, { singleLine = false } = {}): string | null {
  if (UNSTORABLE.test(value)) return 'textInvalidCharacters';
  const control = (singleLine ? ANY_CONTROL_CHARACTER : CONTROL_CHARACTER).exec(value);
  return control ? `textControlCharacter:${codePoint(control[0])}` : null;
}

function refuseUnfitText(value: string, context: z.core.$RefinementCtx<string>, singleLine = false) {
  const problem = textProblem(value, { singleLine });
  if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
}

/** An enum whose value may arrive with spaces around it (a spreadsheet cell): trimmed, then checked. */
const trimmedEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.enum(values, { message }));

// The very pattern z.iso.date() checks, tested directly: a zod parse per refinement cost a bulk import ~5 µs a date.
const ISO_DATE = z.regexes.date;
const isIsoDate = (value: string) => ISO_DATE.test(value);

export const PastDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'dateRequired' : 'dateInvalid') })
  .trim()
  .min(1, 'dateRequired')
  // The range rules only run on a real date: "abc" is invalid, not also "in the future". (Not by aborting the
  // parse: an aborted field would stop the record's own checks, which name every other problem at once.)
  .pipe(
    z.iso
      .date({ message: 'dateInvalid' })
      .refine((value) => !isIsoDate(value) || value >= EARLIEST_RECORD_DAY, 'dateBefore1945')
      .refine((value) => !isIsoDate(value) || value <= latestDateOnEarth(), 'dateInFuture'),
  );

/** Absent, null and blank all mean "no value". */
const blankToUndefined = (value: string | null | undefined) => value?.trim() || undefined;

const OptionalPastDate = z
  .string({ message: 'dateInvalid' })
  .nullish()
  .transform(blankToUndefined)
  .pipe(PastDate.optional());

const HttpUrl = z
  .string()
  .max(2000, 'tooLong')
  .superRefine((value, context) => refuseUnfitText(value, context, true))
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'urlNotHttp');

const optionalText = (max: number) =>
  z
    .string({ message: 'textInvalid' })
    .nullish()
    .transform(blankToUndefined)
    .pipe(
      z
        .string()
        .max(max, 'tooLong')
        .superRefine((value, context) => refuseUnfitText(value, context))
        .optional(),
    );

/**
 * One source. A source needs a web address or a reference before its record enters review (checked by
 * `missingForReview`, not here, so that a draft keeps a half-filled source row).
 */
export const SourceInput = z.object({
  type: trimmedEnum(SOURCE_TYPES, 'sourceTypeRequired'),
  url: z.string({ message: 'urlNotHttp' }).nullish().transform(blankToUndefined).pipe(HttpUrl.optional()),
  reference: optionalText(500),
  title: optionalText(500),
  publishedOn: OptionalPastDate,
});

const SUMMARY_TEXT = `Trimmed; at most ${MAX_SUMMARY_LENGTH} characters; line breaks kept; no control characters other than tab and line breaks.`;

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * What separates tags in one text (the form's field, a CSV cell): the comma, the Chinese full-width comma (，
 * U+FF0C) and the ideographic comma (、 U+3001), which a Chinese keyboard types where an English one types a comma.
 */
export const TAG_SEPARATORS = /[,\uFF0C\u3001]/u;

/**
 * The one tag normaliser of every door: an array (API) or one text split at `TAG_SEPARATORS` (form, CSV cell);
 * each tag trimmed, empty ones dropped, repeats removed (case kept). Returns the tags in their first order.
 */
export function normaliseTags(value: string | readonly string[] | null | undefined): string[] {
  const tags = typeof value === 'string' ? value.split(TAG_SEPARATORS) : (value ?? []);
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * Tags: see `normaliseTags`. A separator inside a tag (possible only in the API's array) is refused, since the
 * form and the spreadsheet would read it as two tags. Problems are reported on the field itself, with the tag
 * as detail.
 */
const Tags = z
  .union([z.string(), z.array(z.string())], { message: 'tagsInvalid' })
  .nullish()
  .transform((value) => normaliseTags(value))
  .superRefine((tags, context) => {
    // Each distinct problem once, even when several tags share it.
    const problems = new Set<string>();
    for (const tag of tags) {
      if (TAG_SEPARATORS.test(tag)) problems.add(`tagHasComma:${tag}`);
      if (tag.length > MAX_TAG_LENGTH) problems.add('tagTooLong');
      const unfit = textProblem(tag);
      if (unfit) problems.add(unfit);
    }
    if (tags.length > MAX_TAGS) problems.add('tooManyTags');
    for (const message of problems) context.addIssue({ code: 'custom', message, input: tags });
  })
  .meta({
    description: `Up to ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters: an array, or one string separated by commas (",", "，" or "、"). A tag cannot hold one of these commas.`,
  });

const Code = (message: string) => actorCode(message);

/** The fields a record needs before it enters review, as the rules below read them. */
export interface ReviewReadiness {
  observedOn?: string | null;
  status?: string | null;
  summaryZh?: string | null;
  summaryEn?: string | null;
  sources?: readonly { url?: string | null; reference?: string | null }[] | null;
}

/**
 * What a record still lacks before it may be submitted for review (or imported as submitted or verified); empty
 * when it is complete. A draft needs only its country and commitment; this rule, the one place that says what
 * "complete" means, is applied by the schema below to every submitting write (form, API, CSV import) and by the
 * submit operation to a stored draft. Each problem names its field path and a "validation" key.
 */
export function missingForReview(fields: ReviewReadiness): { path: (string | number)[]; message: string }[] {
  const missing: { path: (string | number)[]; message: string }[] = [];
  if (!fields.observedOn) missing.push({ path: ['observedOn'], message: 'dateRequired' });
  if (!fields.status) missing.push({ path: ['status'], message: 'statusRequired' });
  if (!fields.summaryZh && !fields.summaryEn) missing.push({ path: ['summaryEn'], message: 'summaryRequired' });
  const sources = fields.sources ?? [];
  if (sources.length === 0) missing.push({ path: ['sources'], message: 'sourceRequired' });
  sources.forEach((source, index) => {
    if (!source.url && !source.reference) {
      missing.push({ path: ['sources', index, 'url'], message: 'sourceNeedsUrlOrReference' });
    }
  });
  return missing;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A record's fields. Only the country and the commitment are required of a draft (`intent` "draft", the
 * default); a submission must also be complete (`missingForReview`). Every problem is reported at once.
 */
export const EvidenceFields = z
  .object({
    actorCode: Code('unknownCountry'),
    commitmentCode: commitmentCode('unknownCommitment'),
    observedOn: OptionalPastDate,
    status: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim() || undefined : (value ?? undefined)),
      z.enum(IMPLEMENTATION_STATUSES, { message: 'statusRequired' }).optional(),
    ),
    score: z
      .preprocess(
        (value) => (typeof value === 'string' ? value.trim() : value),
        z.union([z.literal(''), z.enum(['-1', '0', '1']), z.number().int().min(-1).max(1), z.null()], {
          message: 'scoreInvalid',
        }),
      )
      .optional()
      .transform((value) => (value === '' || value === undefined || value === null ? null : Number(value))),
    summaryZh: optionalText(MAX_SUMMARY_LENGTH).meta({ description: SUMMARY_TEXT }),
    summaryEn: optionalText(MAX_SUMMARY_LENGTH).meta({ description: SUMMARY_TEXT }),
    // Empty (a blank spreadsheet cell) means the default, as leaving it out does.
    visibility: z
      .preprocess(
        (value) => (typeof value === 'string' ? value.trim() || undefined : value),
        z.enum(Visibility, { message: 'visibilityInvalid' }).default('INTERNAL'),
      )
      .optional()
      .transform((value) => value ?? 'INTERNAL'),
    tags: Tags,
    sources: z.array(SourceInput, { message: 'sourceRequired' }).max(MAX_SOURCES, 'tooManySources').default([]),
    intent: z.enum(['draft', 'submit'], { message: 'intentInvalid' }).default('draft'),
  })
  // `when` makes this run even while other fields fail, so that every problem is reported at once, but only on
  // an object: a JSON body of `null` or `42` must be a validation failure, not a TypeError. A field that failed
  // its own check is not also reported missing.
  .superRefine(
    (input, context) => {
      if (input.intent !== 'submit') return;
      // A field that failed its own check still holds what was sent: it is there, just wrong.
      const raw = input as unknown as Record<string, unknown>;
      const present = (name: string) =>
        raw[name] !== undefined && raw[name] !== null && (typeof raw[name] !== 'string' || raw[name].trim() !== '');
      const sources = Array.isArray(raw.sources) ? raw.sources.filter(isObject) : [];
      for (const problem of missingForReview({
        observedOn: present('observedOn') ? 'given' : undefined,
        status: present('status') ? 'given' : undefined,
        summaryZh: typeof raw.summaryZh === 'string' ? raw.summaryZh.trim() : undefined,
        summaryEn: typeof raw.summaryEn === 'string' ? raw.summaryEn.trim() : undefined,
        sources: sources.map((source) => ({
          url: typeof source.url === 'string' ? source.url.trim() : undefined,
          reference: typeof source.reference === 'string' ? source.reference.trim() : undefined,
        })),
      })) {
        context.addIssue({ code: 'custom', ...problem, input });
      }
    },
    { when: ({ value }) => isObject(value) },
  );

export const CreateEvidenceInput = EvidenceFields;
export const UpdateEvidenceInput = z.object({ id: Id, version: Id }).and(EvidenceFields);
export const SubmitEvidenceInput = z.object({
  id: Id,
  version: Id,
});
/** Withdraws a record from the public view: the version the user read. */
export const UnpublishEvidenceInput = SubmitEvidenceInput;
/** Deletes a draft: the version the user read. */
export const DeleteEvidenceInput = SubmitEvidenceInput;
/** Takes a submission back to draft before review: the version the user read. */
export const WithdrawEvidenceInput = SubmitEvidenceInput;
export const ReviewEvidenceInput = z
  .object({
    id: Id,
    version: Id,
    decision: z.enum(['verify', 'return'], { message: 'decisionRequired' }),
    comment: optionalText(2000),
  })
  .refine((input) => input.decision === 'verify' || input.comment, { path: ['comment'], message: 'commentRequired' });

const SOURCE_FIELD = /^sources\.(\d{1,4})\.(\w+)$/;

/**
 * The source rows of flat form values, in the order of their number (the form numbers a row once and keeps it
 * when others are removed, so numbers may have gaps), without the empty ones (every field blank but the type):
 * the form offers spare rows. Each with the number it had in the form.
 */
export function formSourceRows(
  values: Record<string, string | string[]>,
): { row: number; fields: Record<string, string> }[] {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(values)) {
    const match = SOURCE_FIELD.exec(key);
    if (!match) continue;
    const row = rows.get(Number(match[1])) ?? {};
    row[match[2]!] = Array.isArray(value) ? (value[0] ?? '') : value;
    rows.set(Number(match[1]), row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, fields]) => ({ row, fields }))
    .filter(({ fields }) => Object.entries(fields).some(([field, value]) => field !== 'type' && value.trim() !== ''));
}

/**
 * Flat form values ("sources.1.url") to nested objects and arrays: `sources` is `formSourceRows` in order, so a
 * field error "sources.0.url" is about the first of them (the form maps it back to its row).
 */
export function nestFormValues(values: Record<string, string | string[]>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (!SOURCE_FIELD.test(key)) nested[key] = value;
  nested.sources = formSourceRows(values).map(({ fields }) => fields);
  return nested;
}
