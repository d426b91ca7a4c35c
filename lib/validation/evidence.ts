import { z } from 'zod';
import { actorCode, commitmentCode } from '@/lib/validation/codes';
import { Id } from '@/lib/validation/primitives';

/**
 * Evidence input, shared by the entry form, its server actions and (later) the API. FormData arrives flat
 * ("sources.0.url"); `nestFormValues` turns it into the nested shape first. Messages are keys of the
 * "validation" namespace.
 */
export const IMPLEMENTATION_STATUSES = [
  'NO_INFORMATION',
  'NOT_STARTED',
  'IN_PROGRESS',
  'PARTIALLY_IMPLEMENTED',
  'FULLY_IMPLEMENTED',
  'NOT_APPLICABLE',
] as const;
export const SOURCE_TYPES = [
  'NATIONAL_LEGISLATION',
  'GOVERNMENT_REPORT',
  'UN_CTED',
  'FATF_REGIONAL_BODY',
  'NGO',
  'MEDIA',
  'OTHER',
] as const;
export const MAX_SOURCES = 20;
export const MAX_SUMMARY_LENGTH = 5000;

const today = () => new Date().toISOString().slice(0, 10);

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

export const PastDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'dateRequired' : 'dateInvalid') })
  .trim()
  .min(1, { message: 'dateRequired', abort: true })
  // The range rules only run on a real date: "abc" is invalid, not also "in the future".
  .pipe(
    z.iso
      .date({ message: 'dateInvalid', abort: true })
      .refine((value) => value >= '1945-01-01', 'dateBefore1945')
      .refine((value) => value <= today(), 'dateInFuture'),
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

export const SourceInput = z
  .object({
    type: trimmedEnum(SOURCE_TYPES, 'sourceTypeRequired'),
    url: z.string({ message: 'urlNotHttp' }).nullish().transform(blankToUndefined).pipe(HttpUrl.optional()),
    reference: optionalText(500),
    title: optionalText(500),
    publishedOn: OptionalPastDate,
  })
  .refine((source) => source.url || source.reference, { path: ['url'], message: 'sourceNeedsUrlOrReference' });

const SUMMARY_TEXT = `Trimmed; at most ${MAX_SUMMARY_LENGTH} characters; line breaks kept; no control characters other than tab and line breaks.`;

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * Tags: an array (API) or one text with commas between them (form, CSV cell). Each is trimmed, empty ones are
 * dropped and repeats removed (case-sensitive). A comma inside a tag is refused, since the form and the
 * spreadsheet would read it as two tags. Problems are reported on the field itself, with the tag as detail.
 */
const Tags = z
  .union([z.string(), z.array(z.string())], { message: 'tagsInvalid' })
  .nullish()
  .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(',')))
  .transform((tags) => [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))])
  .superRefine((tags, context) => {
    // Each distinct problem once, even when several tags share it.
    const problems = new Set<string>();
    for (const tag of tags) {
      if (tag.includes(',')) problems.add(`tagHasComma:${tag}`);
      if (tag.length > MAX_TAG_LENGTH) problems.add('tagTooLong');
      const unfit = textProblem(tag);
      if (unfit) problems.add(unfit);
    }
    if (tags.length > MAX_TAGS) problems.add('tooManyTags');
    for (const message of problems) context.addIssue({ code: 'custom', message, input: tags });
  })
  .meta({
    description: `Up to ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters: an array, or one string separated by commas. A tag cannot hold a comma.`,
  });

const Code = (message: string) => actorCode(message);

export const EvidenceFields = z
  .object({
    actorCode: Code('unknownCountry'),
    commitmentCode: commitmentCode('unknownCommitment'),
    observedOn: PastDate,
    status: trimmedEnum(IMPLEMENTATION_STATUSES, 'statusRequired'),
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
        z.enum(['INTERNAL', 'PUBLIC'], { message: 'visibilityInvalid' }).default('INTERNAL'),
      )
      .optional()
      .transform((value) => value ?? 'INTERNAL'),
    tags: Tags,
    sources: z
      .array(SourceInput, { message: 'sourceRequired' })
      .max(MAX_SOURCES, 'tooManySources')
      .default([])
      .refine((sources) => sources.length > 0, 'sourceRequired'),
    intent: z.enum(['draft', 'submit'], { message: 'intentInvalid' }).default('draft'),
  })
  // `when` makes this run even while other fields fail, so that every problem is reported at once, but only on
  // an object: a JSON body of `null` or `42` must be a validation failure, not a TypeError.
  .refine((input) => input.summaryZh || input.summaryEn, {
    path: ['summaryEn'],
    message: 'summaryRequired',
    when: ({ value }) => typeof value === 'object' && value !== null,
  });

export const CreateEvidenceInput = EvidenceFields;
export const UpdateEvidenceInput = z.object({ id: Id, version: Id }).and(EvidenceFields);
export const SubmitEvidenceInput = z.object({
  id: Id,
  version: Id,
});
/** Withdraws a record from the public view: the version the user read. */
export const UnpublishEvidenceInput = SubmitEvidenceInput;
export const ReviewEvidenceInput = z
  .object({
    id: Id,
    version: Id,
    decision: z.enum(['verify', 'return'], { message: 'decisionRequired' }),
    comment: optionalText(2000),
  })
  .refine((input) => input.decision === 'verify' || input.comment, { path: ['comment'], message: 'commentRequired' });

/**
 * Flat form values ("sources.1.url") to nested objects and arrays. Empty source rows (every field blank but the
 * type) are dropped, so that the form can offer spare rows.
 */
export function nestFormValues(values: Record<string, string | string[]>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(values)) {
    const match = /^sources\.(\d{1,2})\.(\w+)$/.exec(key);
    if (match) {
      const row = rows.get(Number(match[1])) ?? {};
      row[match[2]!] = Array.isArray(value) ? (value[0] ?? '') : value;
      rows.set(Number(match[1]), row);
    } else {
      nested[key] = value;
    }
  }
  nested.sources = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.entries(row).some(([field, value]) => field !== 'type' && value.trim() !== ''));
  return nested;
}
