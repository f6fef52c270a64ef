// Personal access tokens: created (shown once), listed and revoked by their owner; a bearer token
// authenticates like the owner's session. Stored as SHA-256, like sessions.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import type { Executor, Orm } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { accessTokens } from "../db/schema/index.ts";
import { endOfDayInChina } from "../tasks/china-time.ts";
import { claimLogin, tokenDigest as digest, findLogin } from "./logins.ts";
import type { SessionLookup, SessionUser } from "./sessions.ts";

/** A recognisable prefix, so that a token pasted in the wrong place can be found by secret scanners. */
export const TOKEN_PREFIX = "cgpat_";

export interface AccessTokenRow {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const columns = sql`id, name, ${isoTime(sql`created_at`)} AS "createdAt",
  ${isoTime(sql`expires_at`)} AS "expiresAt", ${isoTime(sql`last_used_at`)} AS "lastUsedAt",
  ${isoTime(sql`revoked_at`)} AS "revokedAt"`;

export function listAccessTokens(ex: Executor, cityId: number, userId: number) {
  return selectRows<AccessTokenRow>(
    ex,
    sql`SELECT ${columns} FROM access_tokens WHERE city_id = ${cityId} AND user_id = ${userId}
        ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC`,
  );
}

/** Creates a token for the user; the plain token is in the answer and nowhere else. */
export async function createAccessToken(
  orm: Orm,
  user: SessionUser,
  input: { name: string; expiresOn?: string | undefined },
): Promise<AccessTokenRow & { token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return orm.transaction(async (tx) => {
    const [{ id } = { id: 0 }] = await tx
      .insert(accessTokens)
      .values({
        cityId: user.cityId,
        userId: user.id,
        name: input.name,
        tokenHash: digest(token),
        expiresAt: input.expiresOn ? endOfDayInChina(input.expiresOn) : null,
      })
      .returning({ id: accessTokens.id });
    await claimLogin(
      tx,
      { kind: "access_token", cityId: user.cityId, userId: user.id },
      digest(token),
    );
    const [row] = await selectRows<AccessTokenRow>(
      tx,
      sql`SELECT ${columns} FROM access_tokens WHERE city_id = ${user.cityId} AND id = ${id}`,
    );
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "create",
      entity: "access_token",
      entityId: id,
      after: row,
    });
    return { ...(row as AccessTokenRow), token };
  });
}

/** Revokes one of the user's own tokens; false when the user has no such token. */
export async function revokeAccessToken(orm: Orm, user: SessionUser, id: number) {
  return orm.transaction(async (tx) => {
    const [row] = await selectRows<AccessTokenRow>(
      tx,
      sql`UPDATE access_tokens SET revoked_at = coalesce(revoked_at, now())
          WHERE city_id = ${user.cityId} AND id = ${id} AND user_id = ${user.id} RETURNING ${columns}`,
    );
    if (!row) return null;
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "revoke",
      entity: "access_token",
      entityId: id,
      after: row,
    });
    return row;
  });
}

/** The user a bearer token stands for, as a session lookup would answer. */
export async function findAccessToken(ex: Executor, token: string): Promise<SessionLookup> {
  const login = await findLogin(ex, ["access_token"], digest(token));
  if (!login) return { state: "unknown" };
  const [row] = await selectRows<
    SessionUser & { expired: boolean; revoked: boolean; disabled: boolean }
  >(
    ex,
    sql`UPDATE access_tokens t SET last_used_at = now()
        FROM users u WHERE u.city_id = t.city_id AND u.id = t.user_id
          AND t.city_id = ${login.cityId} AND t.token_hash = ${digest(token)}
        RETURNING u.id, u.city_id AS "cityId", u.username, u.display_name AS "displayName", u.role,
          u.unit_id AS "unitId", u.person_id AS "personId",
          u.must_change_password AS "mustChangePassword",
          coalesce(t.expires_at <= now(), false) AS expired, t.revoked_at IS NOT NULL AS revoked,
          u.disabled`,
  );
  if (!row) return { state: "unknown" };
  if (row.disabled) return { state: "disabled" };
  if (row.revoked) return { state: "revoked" };
  if (row.expired) return { state: "expired" };
  const { expired: _e, revoked: _r, disabled: _d, ...user } = row;
  return { state: "valid", user };
}
