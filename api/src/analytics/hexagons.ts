// Problems counted per hexagon cell of a zoom band inside a viewport: the stored cell column is
// grouped (no hexagon grid is built at query time); only the answer's cells become polygons.
import { sql } from "drizzle-orm";
import type { Polygon } from "geojson";
import { type Executor, selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere } from "../problems/queries.ts";
import type { HexBand } from "./bands.ts";
import { type AnalyticsFilters, asProblemFilters, inViewport } from "./filters.ts";
import { hexagonOf } from "./hexagon-shape.ts";

export interface HexagonRow {
  /** The cell number (civgrid_hex_cell). */
  cell: number;
  count: number;
  /** Sum of the problems' deductions (失分). */
  pointsLost: number;
  geometry: Polygon;
}

export async function hexagonCounts(
  ex: Executor,
  scope: Scope,
  bbox: Bbox,
  band: HexBand,
  filters: AnalyticsFilters,
): Promise<HexagonRow[]> {
  const where = sql`${problemsWhere(scope, asProblemFilters(filters))} AND ${inViewport(bbox, band)}`;
  const rows = await selectRows<{ cell: string; count: number; pointsLost: number }>(
    ex,
    sql`SELECT p.${sql.raw(band.column)}::text AS cell, count(*)::int AS count,
        sum(p.deduction)::float8 AS "pointsLost"
      FROM problems p WHERE ${where} GROUP BY 1 ORDER BY 1`,
  );
  // Cell numbers stay below 2^43: exact as JavaScript numbers.
  return rows.map((r) => ({
    ...r,
    cell: Number(r.cell),
    geometry: hexagonOf(Number(r.cell), band.size),
  }));
}
