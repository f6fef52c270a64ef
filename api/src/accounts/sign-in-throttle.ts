// Sign-in throttling (OWASP ASVS 2.2.1): every attempt is counted in the database BEFORE its
// password is checked, per account, per client address and for everyone together, so that
// concurrent guesses, several app processes and a restart all see the same counts. Past a few free
// attempts each key slows down progressively (Retry-After doubles) instead of locking anyone out,
// and the account's own known device or address has its own count, so an attacker elsewhere
// cannot keep the real user out.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface ThrottleRule {
  /** Attempts let through within the window before any wait. */
  free: number;
  /** The first wait; each further attempt doubles it, up to `maxSeconds`. */
  firstSeconds: number;
  maxSeconds: number;
}

/** Counts start over after this long without an attempt. */
export const THROTTLE_WINDOW_MINUTES = 15;

export const signInRules = {
  /** One account name, from anywhere but its known devices and addresses. */
  account: { free: 5, firstSeconds: 30, maxSeconds: 15 * 60 },
  /** One account from one of its known devices or addresses. */
  known: { free: 5, firstSeconds: 30, maxSeconds: 15 * 60 },
  /** One client address, whatever names it tries: slows down spraying a guess over many names. */
  address: { free: 20, firstSeconds: 10, maxSeconds: 15 * 60 },
  /** Everyone together: a distributed guesser; capped low, since real users share it. */
  overall: { free: 500, firstSeconds: 1, maxSeconds: 60 },
} satisfies Record<string, ThrottleRule>;

export type ThrottleKey = { key: string; rule: ThrottleRule };

const digest = (value: string) => createHash("sha256").update(value).digest("hex");

/** The keys one attempt counts under; a known device or address replaces the account's own count. */
export function signInKeys(input: {
  username: string;
  address: string;
  knownAs: { kind: "device" | "address"; valueHash: string } | null;
}): ThrottleKey[] {
  const account = `account:${input.username.toLowerCase()}`;
  if (input.knownAs?.kind === "device") {
    // The device's cookie is the user's own: the address and everyone's counts do not apply.
    return [{ key: `${account}|device:${input.knownAs.valueHash}`, rule: signInRules.known }];
  }
  const overall = { key: "overall", rule: signInRules.overall };
  if (input.knownAs?.kind === "address") {
    return [
      overall,
      { key: `${account}|address:${input.knownAs.valueHash}`, rule: signInRules.known },
    ];
  }
  return [
    overall,
    { key: `address:${digest(input.address)}`, rule: signInRules.address },
    { key: account, rule: signInRules.account },
  ];
}

/**
 * Counts one attempt under each key, in turn; answers the seconds to wait when a key is still
 * slowed down (that attempt must not be checked), or 0 when the password may be checked now.
 * One statement per key: the row lock makes concurrent attempts count one after another.
 */
export async function countAttempt(ex: Executor, keys: ThrottleKey[]): Promise<number> {
  const window = sql`make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  for (const { key, rule } of keys) {
    const fresh = sql`t.last_attempt_at < now() - ${window}`;
    const attempts = sql`CASE WHEN ${fresh} THEN 1 ELSE t.attempts + 1 END`;
    const [counted] = await selectRows<{ attempts: number }>(
      ex,
      sql`INSERT INTO sign_in_throttles AS t (key, attempts, last_attempt_at, blocked_until)
          VALUES (${key}, 1, now(), ${blockedUntil(sql`1`, rule)})
          ON CONFLICT (key) DO UPDATE SET attempts = ${attempts}, last_attempt_at = now(),
            blocked_until = ${blockedUntil(attempts, rule)}
          WHERE t.blocked_until IS NULL OR t.blocked_until <= now() OR ${fresh}
          RETURNING t.attempts`,
    );
    if (counted) continue;
    const [slowed] = await selectRows<{ seconds: number }>(
      ex,
      sql`SELECT greatest(1, ceil(extract(epoch FROM blocked_until - now())))::int AS seconds
          FROM sign_in_throttles WHERE key = ${key}`,
    );
    return slowed?.seconds ?? 1;
  }
  return 0;
}

/** When the attempt numbered `attempts` (SQL) leaves the key slowed down until, or NULL. */
function blockedUntil(attempts: ReturnType<typeof sql>, rule: ThrottleRule) {
  return sql`CASE WHEN ${attempts} >= ${rule.free} THEN now() + make_interval(secs =>
    least(${rule.maxSeconds}::float8, ${rule.firstSeconds}::float8 * power(2, ${attempts} - ${rule.free})))
    END`;
}

/**
 * After a right password: the account's own count starts over, and the attempt is given back to
 * the address and everyone's counts (they slow down wrong guesses, not an office signing in).
 */
export async function forgiveAttempt(ex: Executor, keys: ThrottleKey[]) {
  for (const { key, rule } of keys) {
    if (key.startsWith("account:")) {
      await ex.execute(sql`DELETE FROM sign_in_throttles WHERE key = ${key}`);
      continue;
    }
    await ex.execute(sql`UPDATE sign_in_throttles SET attempts = greatest(attempts - 1, 0),
        blocked_until = CASE WHEN attempts - 1 >= ${rule.free} THEN blocked_until END
      WHERE key = ${key}`);
  }
  // Old counts are of no use; sweep them now and then rather than on every attempt.
  if (Math.random() < 0.05) {
    await ex.execute(sql`DELETE FROM sign_in_throttles
      WHERE last_attempt_at < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES * 4})`);
  }
}

/** How a user's known devices and addresses are stored: hashed, like session tokens. */
export const knownValueHash = digest;

/** Whether this device (its cookie) or address is one the user signed in from before. */
export async function knownSignIn(
  ex: Executor,
  cityId: number,
  userId: number,
  device: string | undefined,
  address: string,
): Promise<{ kind: "device" | "address"; valueHash: string } | null> {
  const candidates = [
    ...(device ? [{ kind: "device" as const, valueHash: digest(device) }] : []),
    ...(address !== "local" ? [{ kind: "address" as const, valueHash: digest(address) }] : []),
  ];
  for (const candidate of candidates) {
    const rows = await selectRows(
      ex,
      sql`SELECT 1 FROM known_sign_ins WHERE city_id = ${cityId} AND user_id = ${userId} AND kind = ${candidate.kind}
          AND value_hash = ${candidate.valueHash} AND last_at > now() - interval '180 days'`,
    );
    if (rows.length) return candidate;
  }
  return null;
}

/** Remembers the device and address of a right password. */
export async function rememberSignIn(
  ex: Executor,
  cityId: number,
  userId: number,
  device: string,
  address: string,
) {
  const values = [
    { kind: "device", valueHash: digest(device) },
    ...(address !== "local" ? [{ kind: "address", valueHash: digest(address) }] : []),
  ];
  for (const v of values) {
    // excluded.last_at, not now(): Citus refuses a function in DO UPDATE SET (issue 24).
    await ex.execute(sql`INSERT INTO known_sign_ins (city_id, user_id, kind, value_hash, last_at)
      VALUES (${cityId}, ${userId}, ${v.kind}, ${v.valueHash}, now())
      ON CONFLICT ON CONSTRAINT known_sign_ins_pkey DO UPDATE SET last_at = excluded.last_at`);
  }
}
