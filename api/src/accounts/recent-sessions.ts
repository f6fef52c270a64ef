// A map move asks for a dozen tiles at once, and each would look its session up and work out its
// scope again: a round trip that costs more than drawing a small tile. Tile and OGC reads take
// them from this short memory instead. Signing out, revoking a user's sessions (disable,
// password or role change) and editing the user forget them here at once, and in every other
// process on the same database as soon as the write commits (a NOTIFY on SESSIONS_CHANNEL, which
// `listenForForgetting` hears; issue 20). Anything else shows after at most REMEMBER_MS: a
// volunteer's grids reassigned (their scope lists the grids).
import { sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client.ts";
import type { Scope } from "../policy/scope.ts";
import { tokenDigest as digest } from "./logins.ts";
import type { SessionUser } from "./sessions.ts";

/** NOTIFY channel: "token:<sha-256 of the token>" or "user:<id>", sent in the revoking transaction. */
export const SESSIONS_CHANNEL = "civgrid_sessions";

export const REMEMBER_MS = 5_000;
/** Sessions remembered at most (the oldest are forgotten first). */
const MAX_SESSIONS = 10_000;

interface Remembered {
  user: SessionUser;
  scope: Scope;
  until: number;
}

/** Keyed by the token's digest, which is what another process's NOTIFY names. */
const remembered = new Map<string, Remembered>();

export function recallSession(token: string, now = Date.now()): Remembered | undefined {
  const key = digest(token);
  const found = remembered.get(key);
  if (found && found.until > now) return found;
  if (found) remembered.delete(key);
  return undefined;
}

export function rememberSession(token: string, user: SessionUser, scope: Scope) {
  const key = digest(token);
  remembered.delete(key);
  remembered.set(key, { user, scope, until: Date.now() + REMEMBER_MS });
  for (const [oldest] of remembered) {
    if (remembered.size <= MAX_SESSIONS) break;
    remembered.delete(oldest);
  }
}

/** Forgets the session here and, once `ex`'s transaction commits, in every other process. */
export async function forgetSession(ex: Executor, token: string) {
  remembered.delete(digest(token));
  await ex.execute(sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${`token:${digest(token)}`})`);
}

/** Forgets the user's sessions here and, once `ex`'s transaction commits, in every other process. */
export async function forgetUserSessions(ex: Executor, userId: number) {
  forgetUser(userId);
  await ex.execute(sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${`user:${userId}`})`);
}

function forgetUser(userId: number) {
  for (const [key, { user }] of remembered) if (user.id === userId) remembered.delete(key);
}

/** Hears the other processes' forgetting (main.ts, once per process); answers how to stop. */
export function listenForForgetting(db: Db) {
  return db.listen(SESSIONS_CHANNEL, (payload) => {
    const [kind, value = ""] = payload.split(":");
    if (kind === "token") remembered.delete(value);
    else if (kind === "user") forgetUser(Number(value));
  });
}
