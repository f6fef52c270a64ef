// The first accounts of a database: one per role on the demo city, or one administrator with a
// one-time password printed at first start.
import { sql } from "drizzle-orm";
import { oneTimePassword } from "../accounts/passwords.ts";
import { insertUsers, type NewUser } from "../accounts/users.ts";
import type { Db } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

/** The demo accounts' password: demo data only, printed in the README. */
export const DEMO_PASSWORD = "civgrid-demo";

/** Persons the demo's unit admin, grid leader and volunteer are: the first grid's (by code). */
async function demoPeople(db: Db, cityId: number) {
  const [row] = await selectRows<{
    unitId: number;
    adminId: number;
    leaderId: number;
    volunteerId: number;
  }>(
    db.orm,
    sql`SELECT gu.unit_id AS "unitId",
          (SELECT person_id FROM unit_responsible_persons WHERE unit_id = gu.unit_id
             AND city_id = gu.city_id AND duty = 'platform_admin') AS "adminId",
          (SELECT person_id FROM grid_people WHERE grid_id = g.id AND city_id = g.city_id
             AND role = 'leader') AS "leaderId",
          (SELECT min(person_id) FROM grid_people WHERE grid_id = g.id AND city_id = g.city_id
             AND role = 'volunteer') AS "volunteerId"
        FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.city_id = g.city_id AND gu.role = 'lead'
        WHERE g.city_id = ${cityId} AND g.deleted_at IS NULL ORDER BY g.code LIMIT 1`,
  );
  if (!row) throw new Error("the demo city has no grid with a lead unit");
  return row;
}

export async function ensureAccounts(
  db: Db,
  cityId: number,
  seed: "demo" | "none",
  log: (line: string) => void,
) {
  const [existing] = await selectRows<{ n: number }>(
    db.orm,
    sql`SELECT count(*)::int AS n FROM users WHERE city_id = ${cityId}`,
  );
  if (existing?.n) return;
  if (seed === "demo") {
    const p = await demoPeople(db, cityId);
    const demo = (
      username: string,
      displayName: string,
      role: NewUser["role"],
      extra: Partial<NewUser> = {},
    ): NewUser => ({
      username,
      displayName,
      role,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      ...extra,
    });
    await db.orm.transaction((tx) =>
      insertUsers(tx, cityId, null, [
        demo("admin", "系统管理员", "admin"),
        demo("coordinator", "创城专班 王磊", "coordinator"),
        demo("inspector", "督导组 李娜", "inspector"),
        demo("unitadmin", "医院云平台管理员", "unit_admin", {
          unitId: p.unitId,
          personId: p.adminId,
        }),
        demo("gridleader", "网格长", "grid_leader", { personId: p.leaderId }),
        demo("volunteer", "志愿者", "volunteer", { personId: p.volunteerId }),
        demo("leader", "局领导", "leader"),
      ]),
    );
    log(
      `demo accounts: admin, coordinator, inspector, unitadmin, gridleader, volunteer, leader — password "${DEMO_PASSWORD}"`,
    );
    return;
  }
  const password = oneTimePassword();
  await db.orm.transaction((tx) =>
    insertUsers(tx, cityId, null, [
      {
        username: "admin",
        displayName: "系统管理员",
        role: "admin",
        password,
        mustChangePassword: true,
      },
    ]),
  );
  log("────────────────────────────────────────────────────────────");
  log(`first start: sign in as "admin" with the one-time password  ${password}`);
  log("you will be asked to choose a new password.");
  log("────────────────────────────────────────────────────────────");
}
