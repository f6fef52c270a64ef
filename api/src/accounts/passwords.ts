// Password hashing (argon2id, via a maintained native library) and password rules.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the user does not exist, so that an unknown name takes as long
 * to refuse as a wrong password and response times do not reveal which accounts exist.
 */
export const decoyHash = hash("decoy password that matches nothing");

/**
 * A new password (one being set or changed; existing hashes are not judged) is at least 12
 * characters — a passphrase of a few words does it — and not one of the most used passwords
 * (OWASP ASVS 2.1.1 and 2.1.7).
 */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The 10,000 most used passwords, from the ranked list zxcvbn-ts ships (leaked-password corpora),
 * compared without case: the list goes with the app, so no network is needed to check.
 */
export const COMMON_PASSWORDS_CHECKED = 10_000;
const commonPasswords = new Set(
  dictionary["passwords-common"].slice(0, COMMON_PASSWORDS_CHECKED).map((p) => p.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

/** Readable one-time passwords: no 0/O or 1/l/I to misread from a terminal. */
export function oneTimePassword(length = 12): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}
