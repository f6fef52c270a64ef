// The filters every analytics request shares (period, category, status, unit, grid), checked
// against the city before a query runs: an unknown unit is a 400, not an empty map.
import { type SQL, sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import type { ProblemStatus } from "../db/schema/index.ts";
import { invalidFields, type Message } from "../errors.ts";
import type { ProblemFilters } from "../problems/queries.ts";
import type { Period } from "../rankings/period.ts";
import type { HexBand } from "./bands.ts";

export interface AnalyticsFilters {
  period: Period;
  categoryId?: number | undefined;
  status?: ProblemStatus[] | undefined;
  unitId?: number | undefined;
  gridId?: number | undefined;
}

/** The same filters in the problems list's terms, so both read through one WHERE. */
export function asProblemFilters(f: AnalyticsFilters): ProblemFilters {
  return {
    reported: { start: f.period.start, end: f.period.end },
    categoryId: f.categoryId,
    status: f.status,
    unitId: f.unitId,
    gridId: f.gridId,
  };
}

/** Throws a 400 naming each filter that names no unit, grid or category of this city. */
export async function checkFilterIds(ex: Executor, cityId: number, f: AnalyticsFilters) {
  const [found] = await selectRows<{ unit: boolean; grid: boolean; category: boolean }>(
    ex,
    sql`SELECT
      EXISTS (SELECT 1 FROM units WHERE id = ${f.unitId ?? 0} AND city_id = ${cityId}) AS unit,
      EXISTS (SELECT 1 FROM grids WHERE id = ${f.gridId ?? 0} AND city_id = ${cityId}) AS grid,
      EXISTS (SELECT 1 FROM standard_categories WHERE id = ${f.categoryId ?? 0} AND city_id = ${cityId}) AS category`,
  );
  const fields: Record<string, Message> = {};
  if (f.unitId !== undefined && !found?.unit) fields.unitId = { key: "field.unit_unknown" };
  if (f.gridId !== undefined && !found?.grid) fields.gridId = { key: "field.grid_unknown" };
  if (f.categoryId !== undefined && !found?.category) {
    fields.categoryId = { key: "field.category_unknown" };
  }
  if (Object.keys(fields).length) {
    throw invalidFields(fields);
  }
}

/**
 * Problems (alias p) in the given cells of the band (the cells a viewport touches): the map counts
 * whole hexagons. The cells go as one array parameter; an index on (city_id, the band's cell,
 * reported_at) that carries status, deduction, unit and item answers without reading the table.
 */
export function inCells(band: HexBand, cells: readonly number[]): SQL {
  return sql`p.${sql.raw(band.column)} = ANY(${`{${cells.join(",")}}`}::bigint[])`;
}
