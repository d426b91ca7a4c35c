import { z } from 'zod';
import { countryCode, instrumentCode } from '@/lib/validation/codes';
import { MAX_INT4 } from '@/lib/validation/primitives';
import { EARLIEST_RECORD_DAY, isIsoDay, latestDateOnEarth } from '@/lib/dates';
import { isPartyStatus, RATIFICATION_STATUSES } from '@/lib/vocabulary';

/**
 * The ratification form and its operation. FormData gives strings; an empty field means "not given".
 * Messages are keys of the "validation" namespace of messages/<locale>.json.
 */
/** The first thing wrong with a date, as a validation key, or null. */
export function dateProblem(value: string): string | null {
  if (!isIsoDay(value)) return 'dateInvalid';
  if (value < EARLIEST_RECORD_DAY) return 'dateTooEarly';
  if (value > latestDateOnEarth()) return 'dateInFuture';
  return null;
}

/** An ISO date (YYYY-MM-DD) from a date input, or undefined when left empty. */
const IsoDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(
    z
      .string()
      .superRefine((value, context) => {
        const problem = dateProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  );

const SourceUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(
    z
      .string()
      .max(2000, 'tooLong')
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
        } catch {
          return false;
        }
      }, 'urlInvalid')
      .optional(),
  );

export const UpdateRatificationInput = z
  .object({
    actorCode: countryCode('countryCodeInvalid'),
    instrumentCode: instrumentCode('instrumentInvalid'),
    /** The version the form was read at; 0 or empty when the pair had no row yet. */
    version: z
      .union([z.number(), z.string()])
      .optional()
      .transform((value) => (value === undefined || value === '' ? 0 : Number(value)))
      .pipe(z.number().int().min(0).max(MAX_INT4)),
    status: z.enum(RATIFICATION_STATUSES, { message: 'ratificationStatusRequired' }),
    signedOn: IsoDate,
    consentedOn: IsoDate,
    note: z
      .string()
      .trim()
      .max(2000, 'tooLong')
      .optional()
      .transform((value) => value || null),
    sourceUrl: SourceUrl.transform((value) => value ?? null),
  })
  .superRefine((input, context) => {
    const party = isPartyStatus(input.status);
    if (party && !input.consentedOn) {
      context.addIssue({ code: 'custom', path: ['consentedOn'], message: 'consentDateRequired' });
    }
    if (!party && input.consentedOn) {
      context.addIssue({ code: 'custom', path: ['consentedOn'], message: 'consentDateNotAllowed' });
    }
    if (input.signedOn && input.consentedOn && input.signedOn > input.consentedOn) {
      context.addIssue({ code: 'custom', path: ['signedOn'], message: 'signedAfterConsent' });
    }
  });
export type UpdateRatificationValues = z.output<typeof UpdateRatificationInput>;
