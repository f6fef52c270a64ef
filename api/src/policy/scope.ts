// Who is calling and what part of the city they may see: derived once per request from the session.
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { sameCity } from "../db/query-helpers.ts";

/**
 * - city: admin, coordinator, inspector and leader see the whole city;
 * - unit: a unit admin (云平台管理员) sees their unit, its grids, points and problems;
 * - grids: a grid leader or volunteer sees their own grids (patrol area) and their own reports.
 */
export type Scope =
  | { kind: "city"; cityId: number }
  | { kind: "unit"; cityId: number; unitId: number }
  | { kind: "grids"; cityId: number; gridIds: number[]; userId: number };

export async function scopeOf(ex: Executor, user: SessionUser): Promise<Scope> {
  switch (user.role) {
    case "admin":
    case "coordinator":
    case "inspector":
    case "leader":
      return { kind: "city", cityId: user.cityId };
    case "unit_admin":
      // An account without a unit sees nothing rather than everything.
      return { kind: "unit", cityId: user.cityId, unitId: user.unitId ?? 0 };
    case "grid_leader":
    case "volunteer": {
      const grids = await selectRows<{ id: number }>(
        ex,
        sql`SELECT gp.grid_id AS id FROM grid_people gp
            JOIN grids g ON g.id = gp.grid_id AND ${sameCity("gp", "g")}
            WHERE gp.city_id = ${user.cityId} AND gp.person_id = ${user.personId ?? 0}
              AND g.deleted_at IS NULL ORDER BY 1`,
      );
      return {
        kind: "grids",
        cityId: user.cityId,
        gridIds: grids.map((g) => g.id),
        userId: user.id,
      };
    }
  }
}
