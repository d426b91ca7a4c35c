import { z } from 'zod';
import { canonicalActorCode, COUNTRY_CODE } from '@/lib/validation/codes';
import { Id, Version } from '@/lib/validation/primitives';
import { NewPasswordSchema } from '@/lib/auth/password';
import { ROLES } from '@/lib/vocabulary';

/**
 * Schemas shared by the admin forms, their server actions and (later) the API. FormData gives strings.
 * Messages are keys of the "validation" namespace in messages/<locale>.json, so errors show in the reader's language.
 */
const Email = z
  .string()
  .trim()
  .max(254, 'tooLong')
  .pipe(z.email('emailInvalid'))
  .transform((email) => email.normalize('NFC').toLowerCase());
const Name = z.string().trim().min(1, 'nameRequired').max(120, 'tooLong');
const RoleField = z.enum(ROLES, { message: 'roleRequired' });
/**
 * ISO alpha-3 codes, from a multi-select (array) or a text field separated by commas (also the Chinese ，and 、),
 * semicolons or spaces; folded to upper case, repeats dropped. Codes that are not three letters are reported on
 * the field itself, named: "countryCodesInvalid:KENYA, K1" (whether a well-formed code is a member state is the
 * operation's check, "unknownCountries:XXX").
 */
const CountryCodes = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(/[\s,;，、；]+/)))
  .transform((codes) => [...new Set(codes.map(canonicalActorCode).filter(Boolean))])
  .superRefine((codes, context) => {
    const malformed = codes.filter((code) => !COUNTRY_CODE.test(code));
    if (malformed.length > 0) {
      context.addIssue({ code: 'custom', message: `countryCodesInvalid:${malformed.slice(0, 10).join(', ')}` });
    }
    if (codes.length > 193) context.addIssue({ code: 'custom', message: 'countryCodesTooMany' });
  });

export const CreateUserInput = z.object({
  email: Email,
  name: Name,
  role: RoleField,
  countryCodes: CountryCodes,
  /** Blank: a one-time password is generated and shown once. */
  password: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(NewPasswordSchema.optional()),
});

export const UpdateUserInput = z.object({
  id: Id,
  version: Version,
  name: Name,
  role: RoleField,
  countryCodes: CountryCodes,
});

export const SetUserDisabledInput = z.object({
  id: Id,
  version: Version,
  disabled: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]),
});

export const ResetPasswordInput = z.object({ id: Id, version: Version });

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'currentPasswordRequired').max(1024),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(),
    /**
     * "Also sign out other sessions and revoke API tokens": a checkbox (sent as "on" when ticked, absent when
     * not) or a boolean. While a one-time password is pending this happens anyway.
     */
    signOutOthers: z
      .union([z.boolean(), z.enum(['on', 'true', 'false'])])
      .optional()
      .transform((value) => value === true || value === 'on' || value === 'true'),
  })
  .refine((input) => input.newPassword === input.confirmPassword.normalize('NFC'), {
    path: ['confirmPassword'],
    message: 'passwordsDiffer',
  })
  .refine((input) => input.newPassword !== input.currentPassword.normalize('NFC'), {
    path: ['newPassword'],
    message: 'passwordUnchanged',
  });

export const SetPublicViewInput = z.object({
  enabled: z.union([z.boolean(), z.enum(['true', 'false', 'on']).transform((value) => value !== 'false')]),
});
