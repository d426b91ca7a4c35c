import { z } from 'zod';

/**
 * The one place the formats of the project's codes are defined and normalised. Codes are case-insensitive
 * wherever a person types or edits them (URLs, filters, forms, imports, the API): each schema folds a value to
 * its canonical case before checking its shape, so `/en/countries/ken`, `?commitment=p12-CONVENTIONS` and
 * `?theme=Prevention` find Kenya, P12-conventions and prevention.
 *
 * Canonical forms: member-state codes are ISO 3166-1 alpha-3 in upper case (KEN); actor codes (member states and
 * UN entities) are upper case (KEN, UNODC, CTED); commitment codes are "P" + two digits + a lower-case slug
 * (P12-conventions); theme and instrument codes are lower-case slugs. Months (YYYY-MM) have no case and are
 * checked as they come. The OpenAPI document publishes these very patterns (`pattern`, on the canonical form).
 */

export const COUNTRY_CODE = /^[A-Z]{3}$/;
export const ACTOR_CODE = /^[A-Z0-9-]{2,40}$/;
export const COMMITMENT_CODE = /^P\d{2}-[a-z0-9-]+$/;
export const THEME_CODE = /^[a-z0-9-]{1,40}$/;
export const INSTRUMENT_CODE = /^[a-z0-9-]{1,60}$/;
/** A month from 1990-01 to 2100-12: at most ~1,300 points per series, within the ~2,000 a chart may receive. */
export const MONTH = /^(199\d|20\d\d|2100)-(0[1-9]|1[0-2])$/;
export const FIRST_MONTH = '1990-01';
export const LAST_MONTH = '2100-12';

/** "ken" → "KEN". */
export const canonicalActorCode = (value: string): string => value.trim().toUpperCase();
/** "p12-CONVENTIONS" → "P12-conventions". */
export const canonicalCommitmentCode = (value: string): string => value.trim().toLowerCase().replace(/^p/, 'P');
/** "Prevention" → "prevention". */
export const canonicalSlug = (value: string): string => value.trim().toLowerCase();

// A missing or non-text value gets the same message as a malformed one ("pick one from the list").
// The document shows the input side of the pipe, a bare string: `pattern` is published on it by hand.
const folded = (fold: (value: string) => string, pattern: RegExp, message?: string) =>
  z
    .string(message ? { message } : undefined)
    .transform(fold)
    .pipe(z.string().regex(pattern, message))
    .meta({ pattern: pattern.source });

/** A member state's ISO alpha-3 code in any case; output upper case. */
export const countryCode = (message?: string) => folded(canonicalActorCode, COUNTRY_CODE, message);
/** A member state or UN entity code in any case; output upper case. */
export const actorCode = (message?: string) => folded(canonicalActorCode, ACTOR_CODE, message);
/** A commitment code in any case; output "P12-conventions". */
export const commitmentCode = (message?: string) => folded(canonicalCommitmentCode, COMMITMENT_CODE, message);
/** A theme code in any case; output lower case. */
export const themeCode = (message?: string) => folded(canonicalSlug, THEME_CODE, message);
/** An instrument code in any case; output lower case. */
export const instrumentCode = (message?: string) => folded(canonicalSlug, INSTRUMENT_CODE, message);
/** A month, YYYY-MM, between FIRST_MONTH and LAST_MONTH. */
export const month = (message?: string) => z.string().regex(MONTH, message);
