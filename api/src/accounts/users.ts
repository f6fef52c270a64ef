// Accounts: finding, creating, changing and listing users. Each write is one transaction with its audit row.
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import { type Role, users } from "../db/schema/index.ts";
import { hashPassword } from "./passwords.ts";
import type { SessionUser } from "./sessions.ts";

export interface UserRow extends SessionUser {
  mobile: string | null;
  disabled: boolean;
  unitName: string | null;
  personName: string | null;
  createdAt: string;
}

const columns = sql`u.id, u.city_id AS "cityId", u.username, u.display_name AS "displayName", u.role,
  u.unit_id AS "unitId", u.person_id AS "personId", u.must_change_password AS "mustChangePassword",
  u.mobile, u.disabled, un.name AS "unitName", p.name AS "personName", ${isoTime(sql`u.created_at`)} AS "createdAt"`;
const from = sql`users u
  LEFT JOIN units un ON un.id = u.unit_id AND un.city_id = u.city_id
  LEFT JOIN people p ON p.id = u.person_id AND p.city_id = u.city_id`;

/** The account a sign-in names, by username or mobile number, with its password hash. */
export async function findLogin(ex: Executor, login: string) {
  const [row] = await selectRows<UserRow & { passwordHash: string }>(
    ex,
    sql`SELECT ${columns}, u.password_hash AS "passwordHash" FROM ${from}
        WHERE u.username = ${login} OR u.mobile = ${login} ORDER BY (u.username = ${login}) DESC LIMIT 1`,
  );
  return row ?? null;
}

export async function getUser(ex: Executor, cityId: number, id: number): Promise<UserRow | null> {
  const [row] = await selectRows<UserRow>(
    ex,
    sql`SELECT ${columns} FROM ${from} WHERE u.city_id = ${cityId} AND u.id = ${id}`,
  );
  return row ?? null;
}

export interface UserFilters {
  role?: Role | undefined;
  q?: string | undefined;
  disabled?: boolean | undefined;
}

export function listUsers(ex: Executor, cityId: number, filters: UserFilters, page: Page) {
  const like = filters.q ? `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  return queryPage<UserRow>(ex, {
    columns,
    from,
    where: whereAll([
      sql`u.city_id = ${cityId}`,
      filters.role !== undefined && sql`u.role = ${filters.role}`,
      filters.disabled !== undefined && sql`u.disabled = ${filters.disabled}`,
      like !== undefined &&
        sql`(u.username ILIKE ${like} OR u.display_name ILIKE ${like} OR u.mobile ILIKE ${like})`,
    ]),
    orderBy: sql`u.username, u.id`,
    ...page,
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  mobile?: string | null | undefined;
  role: Role;
  unitId?: number | null | undefined;
  personId?: number | null | undefined;
  password: string;
  mustChangePassword?: boolean;
}

/** Inserts users (already validated) inside the caller's transaction; returns their ids. */
export async function insertUsers(
  tx: Executor,
  cityId: number,
  actorId: number | null,
  list: NewUser[],
) {
  const ids: number[] = [];
  for (const user of list) {
    const [row] = await tx
      .insert(users)
      .values({
        cityId,
        username: user.username,
        displayName: user.displayName,
        mobile: user.mobile ?? null,
        role: user.role,
        unitId: user.unitId ?? null,
        personId: user.personId ?? null,
        passwordHash: await hashPassword(user.password),
        mustChangePassword: user.mustChangePassword ?? true,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("the user was not created");
    const { password: _, ...visible } = user;
    await recordAudit(tx, {
      cityId,
      userId: actorId,
      action: "create",
      entity: "user",
      entityId: row.id,
      after: visible,
    });
    ids.push(row.id);
  }
  return ids;
}
