// Who may see a person's mobile number (PIPL, 个人信息保护法: the least needed). In full only to
// those who must call them: the campaign office (it calls the units' 四职责任人 and the grids'
// people), a unit admin for their own unit's staff, a grid's leader and volunteers for the people of
// their own grids, and everyone for themselves. Anyone else sees it masked: 138****1234.
import { type SQL, sql } from "drizzle-orm";
import { sameCity } from "../db/query-helpers.ts";
import type { Role } from "../db/schema/index.ts";
import type { Scope } from "./scope.ts";

export interface MobileCaller {
  role: Role;
  personId: number | null;
}

/** Whether the caller may call the person (alias p, a row of `people`), as SQL. */
export function mayCall(scope: Scope, caller: MobileCaller, p = sql.raw("p")): SQL {
  const self = sql`${p}.id = ${caller.personId ?? 0}`;
  if (caller.role === "coordinator") return sql`true`;
  if (scope.kind === "unit") return sql`(${self} OR ${p}.unit_id = ${scope.unitId})`;
  if (scope.kind === "grids") {
    const ids = sql.raw(`ARRAY[${scope.gridIds.filter(Number.isSafeInteger).join(",")}]::int[]`);
    return sql`(${self} OR EXISTS (SELECT 1 FROM grid_people mgp
      WHERE mgp.person_id = ${p}.id AND ${sameCity(p, "mgp")} AND mgp.grid_id = ANY(${ids})))`;
  }
  return self;
}

/** The person's (alias p) mobile as the caller may see it: whole, or masked as 138****1234. */
export function mobileFor(scope: Scope, caller: MobileCaller, p = sql.raw("p")): SQL {
  return sql`CASE WHEN ${mayCall(scope, caller, p)} THEN ${p}.mobile ELSE ${maskedMobile(sql`${p}.mobile`)} END`;
}

/** The first three and last four digits kept, the rest starred; a short number fully starred. */
function maskedMobile(mobile: SQL): SQL {
  return sql`CASE WHEN length(${mobile}) >= 8
    THEN left(${mobile}, 3) || repeat('*', length(${mobile}) - 7) || right(${mobile}, 4)
    ELSE repeat('*', length(${mobile})) END`;
}
