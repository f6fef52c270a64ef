// Signing in and out and changing one's own password: the throttle, the password check, the
// session and the audit rows. The route reads cookies and the address, and writes the cookies.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import type { Orm } from "../db/client.ts";
import { AppError, invalidFields, type Message } from "../errors.ts";
import { type Scope, scopeOf } from "../policy/scope.ts";
import { decoyHash, hashPassword, verifyPassword } from "./passwords.ts";
import { createSession, revokeSession, revokeUserSessions, type SessionUser } from "./sessions.ts";
import {
  countAttempt,
  forgiveAttempt,
  knownSignIn,
  rememberSignIn,
  signInKeys,
} from "./sign-in-throttle.ts";
import { findAccount } from "./users.ts";

export interface SignInAttempt {
  username: string;
  password: string;
  /** The caller's address, as the session middleware reads it. */
  address: string;
  /** This browser's device token, if it has one. */
  device: string | undefined;
  /** The city a failed sign-in with an unknown name is recorded in. */
  cityId: number;
  sessionHours: number;
}

export type SignInOutcome =
  | { kind: "throttled"; seconds: number }
  | { kind: "signed_in"; token: string; deviceToken: string; user: SessionUser; scope: Scope };

/** Checks a sign-in; a wrong name or password, or a disabled account, is thrown as a 401. */
export async function signIn(orm: Orm, attempt: SignInAttempt): Promise<SignInOutcome> {
  const { username, address, device } = attempt;
  const user = await findAccount(orm, username);
  // Looked up for unknown names too, so that the time taken does not tell them apart.
  const knownAs = await knownSignIn(
    orm,
    user?.cityId ?? attempt.cityId,
    user?.id ?? 0,
    device,
    address,
  );
  const keys = signInKeys({ username, address, knownAs });
  // Counted before the password is checked: concurrent guesses cannot slip past the count.
  const wait = await countAttempt(orm, keys);
  if (wait) return { kind: "throttled", seconds: wait };
  // An unknown name is checked against a decoy, so both refusals take the same time.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), attempt.password);
  if (!user || !ok) {
    await recordAudit(orm, {
      cityId: user?.cityId ?? attempt.cityId,
      userId: user?.id ?? null,
      action: "login_failed",
      entity: "session",
      entityId: user?.id ?? null,
      after: { username, address },
    });
    throw new AppError(401, "bad_credentials", { key: "auth.bad_credentials" });
  }
  if (user.disabled) throw new AppError(401, "account_disabled", { key: "auth.disabled" });
  await forgiveAttempt(orm, keys);
  const { passwordHash: _, ...sessionUser } = user;
  const deviceToken = device ?? randomBytes(32).toString("base64url");
  const token = await orm.transaction(async (tx) => {
    const created = await createSession(tx, sessionUser, attempt.sessionHours);
    await rememberSignIn(tx, user.cityId, user.id, deviceToken, address);
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "login",
      entity: "session",
      entityId: user.id,
    });
    return created;
  });
  return {
    kind: "signed_in",
    token,
    deviceToken,
    user: sessionUser,
    scope: await scopeOf(orm, sessionUser),
  };
}

/** Revokes this session, with its audit row. */
export function signOut(orm: Orm, user: SessionUser, sessionToken: string) {
  return orm.transaction(async (tx) => {
    await revokeSession(tx, user.cityId, sessionToken);
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "logout",
      entity: "session",
      entityId: user.id,
    });
  });
}

const invalidField = (field: string, key: Message["key"]) => invalidFields({ [field]: { key } });

/** Changes one's own password; every other session of the user is signed out. */
export async function changeOwnPassword(
  orm: Orm,
  self: SessionUser,
  sessionToken: string,
  change: { currentPassword: string; newPassword: string },
) {
  const user = await findAccount(orm, self.username);
  if (!user || !(await verifyPassword(user.passwordHash, change.currentPassword))) {
    throw invalidField("currentPassword", "field.password_wrong");
  }
  if (change.currentPassword === change.newPassword) {
    throw invalidField("newPassword", "field.password_same");
  }
  const hash = await hashPassword(change.newPassword);
  await orm.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE users SET password_hash = ${hash}, must_change_password = false
          WHERE city_id = ${user.cityId} AND id = ${user.id}`,
    );
    await revokeUserSessions(tx, user.cityId, user.id, sessionToken);
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "change_password",
      entity: "user",
      entityId: user.id,
    });
  });
}
