import { z } from 'zod';
import { Id } from '@/lib/validation/primitives';
import { API_TOKEN_SCOPES } from '@/lib/vocabulary';

/**
 * API token input, for the account and admin pages (FormData strings) and the operations behind them.
 * Messages are keys of the "validation" namespace.
 */
/** The lifetimes offered, in days; a token never lives longer than a year. */
export const API_TOKEN_LIFETIMES = [7, 30, 90, 365] as const;
/** The rule, whatever a form sends: 7 to 365 days. */
export const MIN_API_TOKEN_LIFETIME_DAYS = 7;
export const MAX_API_TOKEN_LIFETIME_DAYS = 365;

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1, 'tokenNameRequired').max(100, 'tooLong'),
  scope: z.enum(API_TOKEN_SCOPES, { message: 'tokenScopeRequired' }),
  expiresInDays: z.coerce
    .number({ message: 'tokenExpiryInvalid' })
    .int('tokenExpiryInvalid')
    .min(MIN_API_TOKEN_LIFETIME_DAYS, 'tokenExpiryInvalid')
    .max(MAX_API_TOKEN_LIFETIME_DAYS, 'tokenExpiryInvalid'),
  /** The owner; empty means the signed-in user. Only an admin may name someone else. */
  userId: z
    .union([z.literal(''), Id])
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});

export const RevokeApiTokenInput = z.object({ id: Id });
