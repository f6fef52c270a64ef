// Who is told: people resolved by role, unit and grid scope. Users get in-app notifications;
// a responsible person without an account (a unit's 主要负责人) or a citizen is reached by SMS only.
import type { EscalationTarget } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface Outsider {
  mobile: string;
  name: string;
}

export interface Recipients {
  userIds: number[];
  outsiders: Outsider[];
}

const ids = async (ex: Executor, query: SQL) =>
  (await selectRows<{ id: number }>(ex, query)).map((r) => r.id);

/** The unit's platform admins (云平台管理员): who answers the unit's problems, tasks and materials. */
export const unitAdmins = (ex: Executor, cityId: number, unitId: number | null) =>
  unitId === null
    ? Promise.resolve([])
    : ids(
        ex,
        sql`SELECT id FROM users WHERE city_id = ${cityId} AND role = 'unit_admin' AND unit_id = ${unitId}
          AND NOT disabled ORDER BY id`,
      );

/** The grid leaders (网格长) of a grid, by the person on record. */
export const gridLeaders = (ex: Executor, cityId: number, gridId: number | null) =>
  gridId === null
    ? Promise.resolve([])
    : ids(
        ex,
        sql`SELECT u.id FROM users u
              JOIN grid_people gp ON gp.person_id = u.person_id AND gp.city_id = u.city_id
            WHERE gp.city_id = ${cityId} AND gp.grid_id = ${gridId} AND gp.role = 'leader' AND NOT u.disabled
            ORDER BY u.id`,
      );

/** Everyone of a role in the city (coordinators, leaders). */
export const withRole = (ex: Executor, cityId: number, role: "coordinator" | "leader") =>
  ids(
    ex,
    sql`SELECT id FROM users WHERE city_id = ${cityId} AND role = ${role} AND NOT disabled ORDER BY id`,
  );

/** The unit's 主要负责人: their account if they have one, else their mobile on record. */
async function unitHead(ex: Executor, cityId: number, unitId: number | null): Promise<Recipients> {
  if (unitId === null) return { userIds: [], outsiders: [] };
  const [head] = await selectRows<{ userId: number | null; mobile: string | null; name: string }>(
    ex,
    sql`SELECT (SELECT u.id FROM users u WHERE u.person_id = p.id AND u.city_id = p.city_id
            AND NOT u.disabled ORDER BY u.id LIMIT 1) AS "userId",
          p.mobile, p.name
        FROM unit_responsible_persons r JOIN people p ON p.id = r.person_id AND p.city_id = r.city_id
        WHERE r.city_id = ${cityId} AND r.unit_id = ${unitId} AND r.duty = 'head'`,
  );
  if (!head) return { userIds: [], outsiders: [] };
  if (head.userId !== null) return { userIds: [head.userId], outsiders: [] };
  return { userIds: [], outsiders: head.mobile ? [{ mobile: head.mobile, name: head.name }] : [] };
}

/** The people an escalation step reaches for a problem of a unit. */
export async function escalationRecipients(
  ex: Executor,
  cityId: number,
  unitId: number | null,
  targets: readonly EscalationTarget[],
): Promise<Recipients> {
  const all: Recipients = { userIds: [], outsiders: [] };
  for (const target of targets) {
    const found =
      target === "unit_head"
        ? await unitHead(ex, cityId, unitId)
        : {
            userIds:
              target === "unit_admins"
                ? await unitAdmins(ex, cityId, unitId)
                : await withRole(ex, cityId, target === "leaders" ? "leader" : "coordinator"),
            outsiders: [],
          };
    all.userIds.push(...found.userIds);
    all.outsiders.push(...found.outsiders);
  }
  return all;
}

/** The volunteers signed up for a dedication day who have an account. */
export const signedUp = (ex: Executor, cityId: number, dayId: number) =>
  ids(
    ex,
    sql`SELECT u.id FROM users u
          JOIN dedication_signups s ON s.person_id = u.person_id AND s.city_id = u.city_id
        WHERE s.city_id = ${cityId} AND s.day_id = ${dayId} AND NOT u.disabled ORDER BY u.id`,
  );
