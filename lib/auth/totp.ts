import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { getTOTPAuthUri, verifyTOTP } from '@epic-web/totp';
import { authSecret } from '@/lib/auth/secret';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, the settings every authenticator app reads) and the
 * cryptography around it: secrets encrypted at rest, sealed enrolment offers, recovery codes and device tokens.
 * Codes are checked by @epic-web/totp, which accepts the step before and after the current one (clock drift).
 */
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
const TOTP_ALGORITHM = 'SHA-1';
export const RECOVERY_CODE_COUNT = 10;
/** How long an enrolment offer (the key shown on the page) may be confirmed. */
const OFFER_TTL_MS = 30 * 60_000;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: the form authenticator apps take a key in. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new TOTP secret: 160 random bits (RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The key grouped by four for reading aloud or typing ("ABCD EFGH …"); spaces are ignored by apps. */
export function formatManualKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The otpauth:// URI that the QR code carries. */
export function totpUri(secret: string, accountName: string): string {
  return getTOTPAuthUri({
    secret,
    accountName,
    issuer: 'Commitment Tracker',
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

export const currentTotpStep = (now = Date.now()) => Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);

/**
 * Checks a 6-digit code against a base32 secret. Returns the time step it belongs to, or null when it is wrong
 * or belongs to a step at or before `lastStep` (a code is never accepted twice, nor an older one after it).
 */
export async function checkTotpCode(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const otp = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(otp)) return null;
  const step = currentTotpStep();
  const match = await verifyTOTP({
    otp,
    secret,
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    algorithm: TOTP_ALGORITHM,
    window: 1,
  });
  if (!match) return null;
  const matched = step + match.delta;
  return lastStep !== null && matched <= lastStep ? null : matched;
}

function derivedKey(purpose: string): Buffer {
  return createHmac('sha256', authSecret()).update(`commitment-tracker:${purpose}`).digest();
}

/** AES-256-GCM under a key derived from AUTH_SECRET; `context` (e.g. the user id) is bound as associated data. */
export function encryptSecret(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey('totp-secret'), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
    '.',
  );
}

/** The plaintext, or null when the value was not made by encryptSecret with this key and context. */
export function decryptSecret(sealed: string, context: string): string | null {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derivedKey('totp-secret'), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * An enrolment offer: the new secret sealed for one user, carried by the enrolment form and opened when the
 * first code confirms it. Nothing is stored until then, and an offer is good for 30 minutes.
 */
export function sealEnrolmentOffer(userId: number, secret: string, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ s: secret, t: now }), `enrol:${userId}`);
}

export function openEnrolmentOffer(userId: number, offer: string, now = Date.now()): string | null {
  const opened = decryptSecret(offer, `enrol:${userId}`);
  if (!opened) return null;
  const { s, t } = JSON.parse(opened) as { s: string; t: number };
  return now - t <= OFFER_TTL_MS && now >= t ? s : null;
}

/** SHA-256 (hex): recovery codes and device tokens carry 80+ random bits, so a fast hash is enough. */
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** A recovery code as typed: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^0-9a-z]/g, '');

/** Ten codes of 10 base32 characters (50 bits each), shown as "abcde-fghij". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export const hashRecoveryCode = (code: string) => sha256Hex(`recovery:${normalizeRecoveryCode(code)}`);

/** What the security page shows and posts for a session: its id is a credential, so never the id itself. */
export const sessionHandle = (sessionId: string) => sha256Hex(`session:${sessionId}`).slice(0, 32);
