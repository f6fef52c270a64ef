// The one place that says which rows a scope may read, per resource, as SQL conditions.
// Lists, single reads, exports and tiles all take their WHERE from here.
import { type SQL, sql } from "drizzle-orm";
import { sameCity } from "../db/query-helpers.ts";
import type { Scope } from "./scope.ts";

/** An int[] literal of ids; the ids are integers from the database, never from the request. */
function idArray(ids: number[]): SQL {
  return sql.raw(`ARRAY[${ids.filter(Number.isSafeInteger).join(",")}]::int[]`);
}

/** Grids (alias g) the scope may read. */
export function gridsReadable(scope: Scope, g = sql.raw("g")): SQL {
  switch (scope.kind) {
    case "city":
      return sql`${g}.city_id = ${scope.cityId}`;
    case "unit":
      return sql`${g}.city_id = ${scope.cityId} AND EXISTS (SELECT 1 FROM grid_units su
        WHERE su.grid_id = ${g}.id AND ${sameCity(g, "su")} AND su.unit_id = ${scope.unitId})`;
    case "grids":
      return sql`${g}.city_id = ${scope.cityId} AND ${g}.id = ANY(${idArray(scope.gridIds)})`;
  }
}

/** Communities (alias c): those holding a grid the scope may read. */
export function communitiesReadable(scope: Scope, c = sql.raw("c")): SQL {
  if (scope.kind === "city") return sql`${c}.city_id = ${scope.cityId}`;
  return sql`${c}.city_id = ${scope.cityId} AND EXISTS (SELECT 1 FROM grids sg
    WHERE sg.community_id = ${c}.id AND ${sameCity(c, "sg")}
    AND sg.deleted_at IS NULL AND ${gridsReadable(scope, sql.raw("sg"))})`;
}

/** The row (alias x) lies in a grid the scope may read. */
function inReadableGrid(scope: Scope, x: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM grids sg WHERE sg.id = ${x}.grid_id AND ${sameCity(x, "sg")}
    AND ${gridsReadable(scope, sql.raw("sg"))})`;
}

/** Rows (alias x) with a unit and a grid: a unit's own and those in its grids; a volunteer's grids'. */
function ownUnitOrReadableGrid(scope: Scope, x: SQL): SQL {
  switch (scope.kind) {
    case "city":
      return sql`${x}.city_id = ${scope.cityId}`;
    case "unit":
      return sql`${x}.city_id = ${scope.cityId} AND (${x}.unit_id = ${scope.unitId} OR ${inReadableGrid(scope, x)})`;
    case "grids":
      return sql`${x}.city_id = ${scope.cityId} AND ${inReadableGrid(scope, x)}`;
  }
}

/**
 * Rows (alias x) with a unit (`unit`, x's unit_id unless named): the city's staff read the city's,
 * a unit admin its own unit's, and a volunteer those `ofGrids` lets through.
 */
function ownUnitOr(
  scope: Scope,
  x: SQL,
  ofGrids: (scope: Extract<Scope, { kind: "grids" }>) => SQL,
  unit = sql`${x}.unit_id`,
): SQL {
  switch (scope.kind) {
    case "city":
      return sql`${x}.city_id = ${scope.cityId}`;
    case "unit":
      return sql`${x}.city_id = ${scope.cityId} AND ${unit} = ${scope.unitId}`;
    case "grids":
      return sql`${x}.city_id = ${scope.cityId} AND ${ofGrids(scope)}`;
  }
}

/** Inspection points (alias p): in a readable grid, or belonging to the unit itself. */
export function pointsReadable(scope: Scope, p = sql.raw("p")): SQL {
  return ownUnitOrReadableGrid(scope, p);
}

/** Problems (alias p): a unit's own; a volunteer's grids' and their own reports. */
export function problemsReadable(scope: Scope, p = sql.raw("p")): SQL {
  return ownUnitOr(
    scope,
    p,
    (grids) =>
      sql`(${p}.grid_id = ANY(${idArray(grids.gridIds)}) OR ${p}.reported_by = ${grids.userId})`,
  );
}

/** Task assignments (alias a): a unit's own and its grids'; a volunteer's grids'. */
export function taskAssignmentsReadable(scope: Scope, a = sql.raw("a")): SQL {
  // An assignment to a unit alone has no grid_id, and so no grid for the EXISTS to find.
  return ownUnitOrReadableGrid(scope, a);
}

/** Materials (alias m): a unit admin its own unit's only; a volunteer those tagged with their grids. */
export function materialsReadable(scope: Scope, m = sql.raw("m")): SQL {
  return ownUnitOr(scope, m, (grids) => sql`${m}.grid_id = ANY(${idArray(grids.gridIds)})`);
}

/** Units (alias u): every role may read units' public information. */
export function unitsReadable(scope: Scope, u = sql.raw("u")): SQL {
  return sql`${u}.city_id = ${scope.cityId}`;
}

/** Whether the scope may see a unit's responsible persons and their mobiles. */
export function responsiblePersonsReadable(scope: Scope, unitId: number): boolean {
  return scope.kind === "city" || (scope.kind === "unit" && scope.unitId === unitId);
}

/** Patrols (alias t): those in readable grids, and a volunteer's own wherever they walked. */
export function patrolsReadable(scope: Scope, t = sql.raw("t")): SQL {
  const inGrid = inReadableGrid(scope, t);
  switch (scope.kind) {
    case "city":
      return sql`${t}.city_id = ${scope.cityId}`;
    case "unit":
      return sql`${t}.city_id = ${scope.cityId} AND ${inGrid}`;
    case "grids":
      return sql`${t}.city_id = ${scope.cityId} AND (${inGrid} OR ${t}.user_id = ${scope.userId})`;
  }
}

/** Dedication days (alias d): those of the grids the scope may read. */
export function dedicationDaysReadable(scope: Scope, d = sql.raw("d")): SQL {
  return sql`${d}.city_id = ${scope.cityId} AND ${inReadableGrid(scope, d)}`;
}

/**
 * Volunteer activities (alias a, joined to its branch as b): a unit admin its unit's branches';
 * a volunteer their branch's and those they joined.
 */
export function activitiesReadable(
  scope: Scope,
  personId: number | null,
  a = sql.raw("a"),
  b = sql.raw("b"),
): SQL {
  const own = sql`(
    ${a}.branch_id = (SELECT pe.branch_id FROM people pe WHERE pe.id = ${personId ?? 0}
      AND ${sameCity(a, "pe")})
    OR EXISTS (SELECT 1 FROM activity_participants ap WHERE ap.activity_id = ${a}.id
      AND ${sameCity(a, "ap")} AND ap.person_id = ${personId ?? 0}))`;
  return ownUnitOr(scope, a, () => own, sql`${b}.lead_unit_id`);
}
