import { z } from 'zod';
import { Id, StoredText } from '@/lib/validation/primitives';

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

export const PastDate = z
  .string()
  .trim()
  .min(1, 'dateRequired')
  .pipe(z.iso.date('dateInvalid'))
  .refine((value) => value >= '1945-01-01', 'dateBefore1945')
  .refine((value) => value <= today(), 'dateInFuture');

const OptionalPastDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(PastDate.optional());

const HttpUrl = StoredText.trim()
  .max(2000, 'tooLong')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'urlNotHttp');

const optionalText = (max: number) =>
  StoredText.trim()
    .max(max, 'tooLong')
    .optional()
    .transform((value) => value || undefined);

export const SourceInput = z
  .object({
    type: z.enum(SOURCE_TYPES, { message: 'sourceTypeRequired' }),
    url: z
      .string()
      .optional()
      .transform((value) => value?.trim() || undefined)
      .pipe(HttpUrl.optional()),
    reference: optionalText(500),
    title: optionalText(500),
    publishedOn: OptionalPastDate,
  })
  .refine((source) => source.url || source.reference, { path: ['url'], message: 'sourceNeedsUrlOrReference' });

const Code = (message: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.string().regex(/^[A-Z0-9-]{2,40}$/, message));

export const EvidenceFields = z
  .object({
    actorCode: Code('unknownCountry'),
    commitmentCode: z
      .string()
      .trim()
      .regex(/^P\d{2}-[a-z0-9-]+$/i, 'unknownCommitment'),
    observedOn: PastDate,
    status: z.enum(IMPLEMENTATION_STATUSES, { message: 'statusRequired' }),
    score: z
      .union([z.literal(''), z.enum(['-1', '0', '1']), z.number().int().min(-1).max(1), z.null()])
      .optional()
      .transform((value) => (value === '' || value === undefined || value === null ? null : Number(value))),
    summaryZh: optionalText(MAX_SUMMARY_LENGTH),
    summaryEn: optionalText(MAX_SUMMARY_LENGTH),
    visibility: z.enum(['INTERNAL', 'PUBLIC']).default('INTERNAL'),
    tags: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(',')))
      .transform((tags) => [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))])
      .pipe(z.array(StoredText.max(40, 'tagTooLong')).max(20, 'tooManyTags')),
    sources: z
      .array(SourceInput)
      .max(MAX_SOURCES, 'tooManySources')
      .default([])
      .refine((sources) => sources.length > 0, 'sourceRequired'),
    intent: z.enum(['draft', 'submit']).default('draft'),
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
