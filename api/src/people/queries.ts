// People on record (staff, volunteers, grid leaders), searchable for assignment pickers.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import { type MobileCaller, mayCall, mobileFor } from "../policy/mobile-scope.ts";
import type { Scope } from "../policy/scope.ts";

export interface PersonFilters {
  q?: string | undefined;
  unitId?: number | undefined;
  branchId?: number | undefined;
  /** Only people not yet serving any grid. */
  unassigned?: boolean | undefined;
}

export interface PersonRow {
  id: number;
  name: string;
  mobile: string | null;
  title: string | null;
  unitId: number | null;
  unitName: string | null;
  branchId: number | null;
  branchName: string | null;
  partyMember: boolean;
  gridCodes: string | null;
}

export function listPeople(
  ex: Executor,
  scope: Scope,
  caller: MobileCaller,
  filters: PersonFilters,
  page: Page,
) {
  const like = filters.q ? `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  return queryPage<PersonRow>(ex, {
    columns: sql`p.id, p.name, ${mobileFor(scope, caller)} AS mobile, p.title, p.unit_id AS "unitId", u.short_name AS "unitName",
      p.branch_id AS "branchId", b.name AS "branchName", p.party_member AS "partyMember",
      (SELECT string_agg(g.code, ',' ORDER BY g.code)
        FROM grid_people gp JOIN grids g ON g.id = gp.grid_id AND g.city_id = gp.city_id
        WHERE gp.person_id = p.id AND gp.city_id = p.city_id AND g.deleted_at IS NULL) AS "gridCodes"`,
    from: sql`people p LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
      LEFT JOIN volunteer_branches b ON b.id = p.branch_id AND b.city_id = p.city_id`,
    where: whereAll([
      sql`p.city_id = ${scope.cityId}`,
      // Outside the campaign office, people lists are a unit's own staff only.
      scope.kind === "unit" && sql`p.unit_id = ${scope.unitId}`,
      scope.kind === "grids" && sql`false`,
      // A number is searched only by those who may see it whole (a search would reveal it).
      like !== undefined &&
        sql`(p.name ILIKE ${like} OR (${mayCall(scope, caller)} AND p.mobile ILIKE ${like}))`,
      filters.unitId !== undefined && sql`p.unit_id = ${filters.unitId}`,
      filters.branchId !== undefined && sql`p.branch_id = ${filters.branchId}`,
      filters.unassigned === true &&
        sql`NOT EXISTS (SELECT 1 FROM grid_people gp WHERE gp.person_id = p.id AND gp.city_id = p.city_id)`,
    ]),
    orderBy: sql`p.name, p.id`,
    ...page,
  });
}
