// Server-side sessions: the cookie carries a random token, the database its SHA-256 and expiry.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Role } from "../db/schema/index.ts";
import { sessions } from "../db/schema/index.ts";
import { claimLogin, tokenDigest as digest, findLogin } from "./logins.ts";
import { forgetSession, forgetUserSessions } from "./recent-sessions.ts";

export const SESSION_COOKIE = "civgrid_session";

export interface SessionUser {
  id: number;
  cityId: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  personId: number | null;
  mustChangePassword: boolean;
}

export async function createSession(
  ex: Executor,
  user: SessionUser,
  hours: number,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await ex.insert(sessions).values({
    tokenHash: digest(token),
    cityId: user.cityId,
    userId: user.id,
    expiresAt: new Date(Date.now() + hours * 3600_000),
  });
  await claimLogin(ex, { kind: "session", cityId: user.cityId, userId: user.id }, digest(token));
  return token;
}

export type SessionLookup =
  | { state: "valid"; user: SessionUser }
  | { state: "expired" | "revoked" | "disabled" | "unknown" };

export async function findSession(ex: Executor, token: string): Promise<SessionLookup> {
  const login = await findLogin(ex, ["session"], digest(token));
  if (!login) return { state: "unknown" };
  const [row] = await selectRows<
    SessionUser & { expired: boolean; revoked: boolean; disabled: boolean }
  >(
    ex,
    sql`SELECT u.id, u.city_id AS "cityId", u.username, u.display_name AS "displayName", u.role,
          u.unit_id AS "unitId", u.person_id AS "personId", u.must_change_password AS "mustChangePassword",
          s.expires_at <= now() AS expired, s.revoked_at IS NOT NULL AS revoked, u.disabled
        FROM sessions s JOIN users u ON u.city_id = s.city_id AND u.id = s.user_id
        WHERE s.city_id = ${login.cityId} AND s.token_hash = ${digest(token)}`,
  );
  if (!row) return { state: "unknown" };
  // Disabling an account also revokes its sessions; the user should hear why they were signed out.
  if (row.disabled) return { state: "disabled" };
  if (row.revoked) return { state: "revoked" };

  if (row.expired) return { state: "expired" };
  if (row.disabled) return { state: "disabled" };
  const { expired: _e, revoked: _r, disabled: _d, ...user } = row;
  return { state: "valid", user };
}

export async function revokeSession(ex: Executor, cityId: number, token: string) {
  await forgetSession(ex, token);
  await ex.execute(sql`UPDATE sessions SET revoked_at = now()
    WHERE city_id = ${cityId} AND token_hash = ${digest(token)} AND revoked_at IS NULL`);
}

/**
 * Signs a user out everywhere: on disabling the account or changing its password. Personal access
 * tokens die too: one taken with the old password must not outlive it.
 */
export async function revokeUserSessions(
  ex: Executor,
  cityId: number,
  userId: number,
  exceptToken?: string,
) {
  // The kept session's user changes too (a new password lifts must-change-password).
  await forgetUserSessions(ex, userId);
  const keep = exceptToken ? sql`AND token_hash <> ${digest(exceptToken)}` : sql``;
  await ex.execute(sql`UPDATE sessions SET revoked_at = now()
    WHERE city_id = ${cityId} AND user_id = ${userId} AND revoked_at IS NULL ${keep}`);
  await ex.execute(sql`UPDATE access_tokens SET revoked_at = now()
    WHERE city_id = ${cityId} AND user_id = ${userId} AND revoked_at IS NULL`);
}
