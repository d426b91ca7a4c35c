import { z } from 'zod';
import {
  ActorKind,
  ADDRESSEES,
  ApiTokenScope,
  IMPLEMENTATION_STATUSES,
  LinkKind,
  RATIFICATION_STATUSES,
  REGIONAL_GROUPS,
  ReviewState,
  Role,
  SOURCE_TYPES,
  STRENGTHS,
  Visibility,
} from '@/lib/vocabulary';

/**
 * What the API answers, as zod schemas: the OpenAPI document is generated from them (lib/api/openapi.ts) and
 * the tests parse real responses with them. `.meta({ id })` names a schema in the document's components.
 */
const Localized = z
  .record(z.string(), z.string())
  .meta({ id: 'LocalizedText', description: 'Text by language: { zh, en }.' });
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'A date, YYYY-MM-DD.' });
const Timestamp = z.iso.datetime().meta({ description: 'A time in UTC, ISO 8601.' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, machine-readable code, e.g. validation_failed.' }),
      message: z.string().meta({ description: 'What went wrong, in English.' }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Field path → keys of what is wrong with it.' }),
      details: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional()
        .meta({ description: 'Values the message names, e.g. { limit: 100 } for a file over the import limit.' }),
      current: z
        .object({
          version: z.number().int().meta({ description: 'The version the record is at now (its ETag names it).' }),
          changedAt: Timestamp.nullable(),
          changedBy: z.string().nullable().meta({ description: 'Email of who saved it last, where recorded.' }),
          state: z.string().nullable().optional().meta({ description: 'An evidence record: its review state now.' }),
        })
        .optional()
        .meta({ description: 'A stale save (412 found by the write itself): what the record is now.' }),
      requestId: z.string().optional().meta({ description: 'Quote it when reporting a problem.' }),
    }),
  })
  .meta({ id: 'Error' });

export const CommitmentSchema = z
  .object({
    code: z.string(),
    document: z.string(),
    paragraph: z.number().int(),
    quote: z.string(),
    title: Localized,
    summary: Localized,
    guidance: Localized,
    theme: z.string(),
    addressee: z.enum(ADDRESSEES),
    strength: z.enum(STRENGTHS),
    links: z.array(z.object({ kind: z.enum(LinkKind), reference: z.string() })),
    version: z.number().int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'Commitment' });

export const ActorSchema = z
  .object({
    code: z.string(),
    kind: z.enum(ActorKind),
    alpha2: z.string().nullable(),
    name: Localized,
    regionalGroup: z.enum(REGIONAL_GROUPS).nullable(),
  })
  .meta({ id: 'Actor' });

export const InstrumentSchema = z
  .object({
    code: z.string(),
    year: z.number().int(),
    adoptedOn: IsoDate,
    entryIntoForceOn: IsoDate.nullable(),
    shortName: Localized,
    title: Localized,
    depositary: Localized,
  })
  .meta({ id: 'Instrument' });

export const EvidenceSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    state: z.enum(ReviewState),
    actor: z.string(),
    commitment: z.string(),
    createdBy: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    revision: z.object({
      number: z.number().int(),
      state: z.enum(ReviewState),
      observedOn: IsoDate.nullable().meta({ description: 'Null only in a draft saved before it was filled in.' }),
      status: z
        .enum(IMPLEMENTATION_STATUSES)
        .nullable()
        .meta({ description: 'Null only in a draft saved before it was filled in.' }),
      score: z.number().int().min(-1).max(1).nullable(),
      summary: z.object({ zh: z.string().optional(), en: z.string().optional() }),
      visibility: z.enum(Visibility),
      tags: z.array(z.string()).meta({ description: 'Trimmed, distinct, never empty and never holding a comma.' }),
      sources: z.array(
        z.object({
          type: z.enum(SOURCE_TYPES),
          url: z.string().nullable(),
          reference: z.string().nullable(),
          title: z.string().nullable(),
          publishedOn: IsoDate.nullable(),
        }),
      ),
      attachments: z.array(
        z.object({
          id: z.number().int(),
          fileName: z.string(),
          contentType: z.string(),
          size: z.number().int(),
          sha256: z.string(),
          url: z.string(),
        }),
      ),
      author: z.string(),
      submittedAt: Timestamp.nullable(),
      reviewer: z.string().nullable(),
      reviewedAt: Timestamp.nullable(),
      reviewComment: z.string().nullable(),
    }),
  })
  .meta({ id: 'Evidence', description: 'An evidence record with its latest revision.' });

export const RatificationSchema = z
  .object({
    actor: z.string(),
    instrument: z.string(),
    status: z.enum(RATIFICATION_STATUSES),
    party: z.boolean(),
    signedOn: IsoDate.nullable(),
    consentedOn: IsoDate.nullable(),
    note: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    version: z.number().int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'RatificationStatus' });

export const MatrixSchema = z
  .object({
    columns: z.array(z.object({ code: z.string(), shortCode: z.string(), themeCode: z.string(), title: Localized })),
    rows: z.array(
      z.object({
        code: z.string(),
        name: Localized,
        regionalGroup: z.enum(REGIONAL_GROUPS).nullable(),
        cells: z.record(z.string(), z.enum(IMPLEMENTATION_STATUSES)).meta({
          description: 'Commitment code → current status; a commitment missing here has NO_INFORMATION.',
        }),
      }),
    ),
    counts: z.record(z.enum(IMPLEMENTATION_STATUSES), z.number().int()),
    audience: z.enum(['internal', 'public']).meta({ description: 'public: only evidence marked public counts.' }),
  })
  .meta({ id: 'StatusMatrix' });

const StatusCountsSchema = z.record(z.enum(IMPLEMENTATION_STATUSES), z.number().int());

export const ProgressSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    pairs: z.number().int().meta({ description: 'Member state × commitment pairs in the filter.' }),
    points: z
      .array(z.object({ month: z.string(), counts: StatusCountsSchema }))
      .meta({ description: 'One point per month: the pairs at each status at the end of that month.' }),
  })
  .meta({ id: 'Progress' });

export const MeSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(Role),
    countryScope: z.array(z.string()),
    via: z.enum(['token', 'session']),
    token: z.object({ id: z.number().int(), scope: z.enum(ApiTokenScope) }).nullable(),
  })
  .meta({ id: 'Me' });

/**
 * A deleted evidence record, as the change feed hands it out and DELETE /api/v1/evidence/{id} answers: the copy of
 * the record with this id must go. Only drafts that never entered review are ever deleted.
 */
export const EvidenceDeletionSchema = z
  .object({
    id: z.number().int().meta({ description: 'The id of the deleted record.' }),
    deleted: z.literal(true),
    deletedAt: Timestamp,
  })
  .meta({ id: 'EvidenceDeletion' });

/** An entry of the evidence change feed: a record as it is now, or the tombstone of a deleted one. */
export const EvidenceChangeSchema = z
  .union([EvidenceDeletionSchema, EvidenceSchema])
  .meta({ id: 'EvidenceChange', description: 'A record as it is now, or { id, deleted: true, deletedAt }.' });

export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null at the end.' }),
  });
export const one = <T extends z.ZodType>(item: T) => z.object({ data: item });
/** A page of the change feed: the records changed after `since`, and where to resume. */
export const changes = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item).meta({
      description:
        'Records changed after the position, in the order of their changes, each as it is now. A record changed ' +
        'again later comes again. A deleted record comes as { id, deleted: true, deletedAt }: remove your copy.',
    }),
    nextCursor: z.string().nullable().meta({
      description: 'When more changes are waiting now: pass it as ?since= right away. Null when caught up.',
    }),
    changeToken: z.string().meta({
      description: 'The position after this page: store it with the data and pass it as ?since= next time.',
    }),
  });
