import { z } from 'zod';
import { REGIONAL_GROUPS } from '@/lib/data/labels';

/**
 * URL parameters of the CSV exports and the options of the evidence import. As with the page filters, unknown or
 * malformed filter values are dropped rather than failing the download, so a stale link still works.
 */
type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export const REVIEW_STATES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED'] as const;

const EvidenceExportFilterSchema = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.string().regex(/^[A-Z0-9-]{2,40}$/))
    .optional()
    .catch(undefined),
  commitment: z
    .string()
    .trim()
    .regex(/^P\d{2}-[a-z0-9-]+$/i)
    .optional()
    .catch(undefined),
  state: z.enum(REVIEW_STATES).optional().catch(undefined),
  theme: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  group: z.enum(REGIONAL_GROUPS).optional().catch(undefined),
  /** Only records the reader created or wrote a revision of (My evidence). */
  mine: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((value) => value === '1'),
});
export type EvidenceExportFilter = z.output<typeof EvidenceExportFilterSchema>;

export function parseEvidenceExportFilter(params: SearchParams): EvidenceExportFilter {
  return EvidenceExportFilterSchema.parse({
    country: first(params.country),
    commitment: first(params.commitment),
    state: first(params.state),
    theme: first(params.theme),
    group: first(params.group),
    mine: first(params.mine),
  });
}

/** `?bom=1` adds the UTF-8 byte order mark Excel needs to read the file as UTF-8. */
export function wantsBom(params: SearchParams): boolean {
  return first(params.bom) === '1';
}

/**
 * What new and changed records enter as: drafts or submitted for review. "verify" is still understood, so that it
 * is refused row by row with the review rule's reason (an imported row is written by the importer, and nobody
 * verifies their own record) rather than as an unknown value.
 */
export const IMPORT_INTENTS = ['draft', 'submit', 'verify'] as const;
export type ImportIntent = (typeof IMPORT_INTENTS)[number];

/** What to do with new rows that duplicate a record or an earlier row: skip them (the default) or create them. */
export const IMPORT_DUPLICATES = ['skip', 'create'] as const;
export type ImportDuplicates = (typeof IMPORT_DUPLICATES)[number];

export const ImportEvidenceInput = z.object({
  csv: z.string(),
  intent: z.enum(IMPORT_INTENTS, { message: 'importIntentInvalid' }).default('draft'),
  duplicates: z.enum(IMPORT_DUPLICATES, { message: 'importDuplicatesInvalid' }).default('skip'),
  fileName: z.string().max(255).optional(),
  /** The stored file's token (lib/transfer/import-store.ts), recorded in the audit event to tell a killed apply's fate. */
  token: z
    .string()
    .regex(/^[a-f0-9]{32}$/)
    .optional(),
});
