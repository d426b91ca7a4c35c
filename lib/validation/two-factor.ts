import { z } from 'zod';

/**
 * Schemas of the second-factor and session forms (lib/operations/two-factor.ts). Messages are keys of the
 * "validation" namespace in messages/<locale>.json.
 */
const Id = z.coerce.number().int().positive().max(2_147_483_647);

/** Six digits as the authenticator app shows them; spaces are ignored. */
export const TotpCode = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'totpCodeFormat'));

export const ConfirmEnrolmentInput = z.object({
  /** The sealed offer the enrolment page rendered (lib/auth/totp.ts sealEnrolmentOffer). */
  offer: z.string().min(1, 'enrolmentExpired').max(1000, 'enrolmentExpired'),
  code: TotpCode,
});

export const NoInput = z.object({}).passthrough();

export const ResetSecondFactorInput = z.object({ id: Id });

/** A session is named by its handle (lib/auth/totp.ts sessionHandle), never by its id, which is a credential. */
export const RevokeSessionInput = z.object({ session: z.string().regex(/^[0-9a-f]{32}$/, 'sessionUnknown') });
