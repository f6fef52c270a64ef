// Account management (admins): create one, import a sheet, change an account. Each is one
// transaction with its checks and audit row; the route only parses and shapes the answer.
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import { type Executor, type Orm, selectRows } from "../db/client.ts";
import type { Role } from "../db/schema/index.ts";
import { AppError, invalidFields, type Message, notFound } from "../errors.ts";
import { readUserSheet } from "./import-users.ts";
import { moveLogin } from "./logins.ts";
import { hashPassword } from "./passwords.ts";
import { forgetUserSessions } from "./recent-sessions.ts";
import { revokeUserSessions, type SessionUser } from "./sessions.ts";
import { accountProblems } from "./user-rules.ts";
import { getUser, insertUsers, type NewUser, type UserRow } from "./users.ts";

/** An account as its administrators see it (the city is implied). */
export const visibleUser = ({ cityId: _, ...user }: UserRow) => user;

function refuse(problems: Record<string, Message>) {
  if (Object.keys(problems).length) throw invalidFields(problems);
}

/** Creates one account and reads it back. */
export async function createUser(orm: Orm, actor: SessionUser, body: NewUser): Promise<UserRow> {
  const cityId = actor.cityId;
  const created = await orm.transaction(async (tx) => {
    refuse(await accountProblems(tx, cityId, body));
    const [newId] = await insertUsers(tx, cityId, actor.id, [body]);
    return newId;
  });
  const user = created ? await getUser(orm, cityId, created) : null;
  if (!user) throw new Error("the new account could not be read back");
  return user;
}

/** Imports an XLSX sheet of accounts: all rows or none. */
export function importUsers(orm: Orm, actor: SessionUser, content: ArrayBuffer) {
  return orm.transaction(async (tx) => {
    const sheet = await readUserSheet(tx, actor.cityId, content);
    if (!sheet.ok) throw invalidFields(sheet.problems);
    const ids = await insertUsers(tx, actor.cityId, actor.id, sheet.users);
    return { created: ids.length, unchanged: sheet.unchanged };
  });
}

export interface UserChange {
  displayName?: string | undefined;
  mobile?: string | null | undefined;
  role?: Role | undefined;
  unitId?: number | null | undefined;
  personId?: number | null | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

/** Changes an account (or resets its password), keeping one active administrator; returns it as saved. */
export async function updateUser(
  orm: Orm,
  actor: SessionUser,
  userId: number,
  body: UserChange,
): Promise<UserRow> {
  const cityId = actor.cityId;
  await orm.transaction(async (tx) => {
    const before = await getUser(tx, cityId, userId);
    if (!before) throw notFound("user", userId);
    if (body.disabled === true && userId === actor.id)
      refuse({ disabled: { key: "field.self_disable" } });
    const next = {
      username: before.username,
      mobile: body.mobile === undefined ? before.mobile : body.mobile,
      role: body.role ?? before.role,
      unitId: body.unitId === undefined ? before.unitId : body.unitId,
      personId: body.personId === undefined ? before.personId : body.personId,
    };
    refuse(await accountProblems(tx, cityId, next, userId));
    if (before.role === "admin" && (next.role !== "admin" || body.disabled === true))
      await keepAnAdministrator(tx, cityId, userId);
    const hash = body.password ? await hashPassword(body.password) : null;
    await tx.execute(sql`UPDATE users SET
        display_name = ${body.displayName ?? before.displayName},
        mobile = ${next.mobile}, role = ${next.role}, unit_id = ${next.unitId}, person_id = ${next.personId},
        disabled = ${body.disabled ?? before.disabled},
        password_hash = coalesce(${hash}, password_hash),
        must_change_password = ${hash ? true : before.mustChangePassword}
      WHERE city_id = ${cityId} AND id = ${userId}`);
    await moveLogin(tx, { kind: "mobile", cityId, userId }, before.mobile, next.mobile);
    if (body.disabled || hash || next.role !== before.role)
      await revokeUserSessions(tx, cityId, userId);
    // A new unit or person is a new scope for the tiles' remembered sessions.
    else await forgetUserSessions(tx, userId);
    const after = await getUser(tx, cityId, userId);
    await recordAudit(tx, {
      cityId,
      userId: actor.id,
      action: hash ? "update+reset_password" : "update",
      entity: "user",
      entityId: userId,
      before: visibleUser(before),
      after: after && visibleUser(after),
    });
  });
  const user = await getUser(orm, cityId, userId);
  if (!user) throw notFound("user", userId);
  return user;
}

/**
 * Refuses to leave the city without an active administrator (nobody could manage accounts).
 * The administrators' rows are locked, so two admins demoting each other cannot both succeed.
 */
async function keepAnAdministrator(tx: Executor, cityId: number, leaving: number) {
  const admins = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM users WHERE city_id = ${cityId} AND role = 'admin' AND NOT disabled
        ORDER BY id FOR UPDATE`,
  );
  if (!admins.some((a) => a.id !== leaving)) {
    throw new AppError(409, "last_admin", { key: "user.last_admin" });
  }
}
