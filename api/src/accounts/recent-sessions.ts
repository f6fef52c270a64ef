// A map move asks for a dozen tiles at once, and each would look its session up and work out its
// scope again: a round trip that costs more than drawing a small tile. Tile and OGC reads take
// them from this short memory instead. Signing out, revoking a user's sessions (disable,
// password or role change) and editing the user forget them here at once. Anything else shows
// after at most REMEMBER_MS: the same changes made by another process, and a volunteer's grids
// reassigned (their scope lists the grids).
import type { Scope } from "../policy/scope.ts";
import type { SessionUser } from "./sessions.ts";

export const REMEMBER_MS = 5_000;
/** Sessions remembered at most (the oldest are forgotten first). */
const MAX_SESSIONS = 10_000;

interface Remembered {
  user: SessionUser;
  scope: Scope;
  until: number;
}

const remembered = new Map<string, Remembered>();

export function recallSession(token: string, now = Date.now()): Remembered | undefined {
  const found = remembered.get(token);
  if (found && found.until > now) return found;
  if (found) remembered.delete(token);
  return undefined;
}

export function rememberSession(token: string, user: SessionUser, scope: Scope) {
  remembered.delete(token);
  remembered.set(token, { user, scope, until: Date.now() + REMEMBER_MS });
  for (const [oldest] of remembered) {
    if (remembered.size <= MAX_SESSIONS) break;
    remembered.delete(oldest);
  }
}

export function forgetSession(token: string) {
  remembered.delete(token);
}

export function forgetUserSessions(userId: number) {
  for (const [token, { user }] of remembered) if (user.id === userId) remembered.delete(token);
}
