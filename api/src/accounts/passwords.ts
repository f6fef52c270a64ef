// Password hashing (argon2id, via a maintained native library) and password rules.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

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

export const MIN_PASSWORD_LENGTH = 8;

/** Readable one-time passwords: no 0/O or 1/l/I to misread from a terminal. */
export function oneTimePassword(length = 12): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}
