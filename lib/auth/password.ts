import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

/**
 * Passwords: at least 8 characters, up to 128, any Unicode (normalised to NFC so the same password typed on
 * another keyboard still matches), and not one of the ~49,000 common passwords that zxcvbn-ts ships.
 * Hashes are argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const commonPasswords = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.normalize('NFC').toLowerCase());
}

const characterCount = (value: string) => [...value].length;

export const NewPasswordSchema = z
  .string()
  .transform((value) => value.normalize('NFC'))
  // Messages are keys of the "validation" namespace in messages/<locale>.json.
  .refine((value) => characterCount(value) >= PASSWORD_MIN_LENGTH, { message: 'passwordTooShort' })
  .refine((value) => characterCount(value) <= PASSWORD_MAX_LENGTH, { message: 'passwordTooLong' })
  .refine((value) => !isCommonPassword(value), { message: 'passwordCommon' });

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** Verifying against this when the email is unknown makes both failures take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy password that no account has');
  return decoyHash;
}

/** A one-time password for new accounts and resets: 20 characters, 120 random bits. */
export function generateOneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}
