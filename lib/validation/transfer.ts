import { z } from 'zod';
import { parseEvidenceFilter, type EvidenceFilter } from '@/lib/validation/evidence-filters';

/**
 * URL parameters of the CSV exports and the options of the evidence import. As with the page filters, unknown or
 * malformed filter values are dropped rather than failing the download, so a stale link still works.
 */
type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

// The export reads the evidence browser's filter, so the CSV behind its link holds the records shown.
export type EvidenceExportFilter = EvidenceFilter;
export const parseEvidenceExportFilter = parseEvidenceFilter;

/** `?bom=1` adds the UTF-8 byte order mark Excel needs to read the file as UTF-8. */
export function wantsBom(params: SearchParams): boolean {
  return first(params.bom) === '1';
}

/**
 * `?labels=words`: the people's file of an export that otherwise writes codes (the status matrix, the ratification
 * table, the audit log): headings and values as words in the reader's language (`?locale=`). Without it, the code
 * file that integrations and imports read, unchanged.
 */
export const WORDS_LABELS = 'words';
export function wantsWords(params: SearchParams): boolean {
  return first(params.labels) === WORDS_LABELS;
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
