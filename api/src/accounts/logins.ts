// What a request names before its city is known — a username or mobile number at sign-in, a
// session's or an access token's hash on every later request — and the city and account it
// belongs to (issue 24). Each is unique across every city (the table's key), which the users and
// tokens tables, keyed by (city_id, …) so that they can be distributed by city, no longer promise
// themselves. One indexed read here, and every later statement of the request names its city.
//
// Written by the services that write the account, the session or the token, in their transaction;
// no trigger keeps it (on Citus it is a reference table, which a trigger on a city table's shard
// may not write).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export type LoginKind = "username" | "mobile" | "session" | "access_token";

export interface Login {
  kind: LoginKind;
  cityId: number;
  userId: number;
}

/** What the database keeps of a session's or an access token's secret: its SHA-256. */
export const tokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");

/** The first of the kinds (in the order given) under which the key is claimed. */
export async function findLogin(
  ex: Executor,
  kinds: readonly LoginKind[],
  key: string,
): Promise<Login | null> {
  const list = sql.join(
    kinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const [row] = await selectRows<Login>(
    ex,
    sql`SELECT kind, city_id AS "cityId", user_id AS "userId" FROM logins
        WHERE kind IN (${list}) AND key = ${key}
        ORDER BY array_position(ARRAY[${list}]::text[], kind) LIMIT 1`,
  );
  return row ?? null;
}

/** Whether someone other than the user holds the key (a username or a mobile number). */
export async function claimedByOther(
  ex: Executor,
  kind: LoginKind,
  key: string | null | undefined,
  cityId: number,
  userId: number,
): Promise<boolean> {
  if (key === null || key === undefined) return false;
  const [row] = await selectRows<{ taken: boolean }>(
    ex,
    sql`SELECT EXISTS (SELECT 1 FROM logins WHERE kind = ${kind} AND key = ${key}
          AND NOT (city_id = ${cityId} AND user_id = ${userId})) AS taken`,
  );
  return row?.taken ?? false;
}

/**
 * Claims the key for the user. A key someone else holds fails with a unique violation (23505),
 * which the caller's transaction answers as 409, as the users table's own key did.
 */
export async function claimLogin(
  ex: Executor,
  login: Login,
  key: string | null | undefined,
): Promise<void> {
  if (key === null || key === undefined) return;
  await ex.execute(sql`INSERT INTO logins (kind, key, city_id, user_id)
    VALUES (${login.kind}, ${key}, ${login.cityId}, ${login.userId})`);
}

/** Moves the user's claim of a kind from one key to another (a changed mobile number). */
export async function moveLogin(
  ex: Executor,
  login: Login,
  from: string | null | undefined,
  to: string | null | undefined,
): Promise<void> {
  if ((from ?? null) === (to ?? null)) return;
  if (from !== null && from !== undefined) {
    await ex.execute(sql`DELETE FROM logins WHERE kind = ${login.kind} AND key = ${from}
      AND city_id = ${login.cityId} AND user_id = ${login.userId}`);
  }
  await claimLogin(ex, login, to);
}
