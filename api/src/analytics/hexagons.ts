// Problems counted per hexagon cell of a zoom band inside a viewport: the stored cell column is
// grouped (no hexagon grid is built at query time), then only the answer's cells become polygons.
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere } from "../problems/queries.ts";
import type { HexBand } from "./bands.ts";
import { type AnalyticsFilters, asProblemFilters, inViewport } from "./filters.ts";

export interface HexagonRow {
  /** The cell number (civgrid_hex_cell). */
  cell: number;
  count: number;
  /** Sum of the problems' deductions (失分). */
  pointsLost: number;
  /** ST_AsGeoJSON of the hexagon. */
  geometry: string;
}

export async function hexagonCounts(
  ex: Executor,
  scope: Scope,
  bbox: Bbox,
  band: HexBand,
  filters: AnalyticsFilters,
): Promise<HexagonRow[]> {
  const where = sql`${problemsWhere(scope, asProblemFilters(filters))} AND ${inViewport(bbox, band)}`;
  const rows = await selectRows<HexagonRow & { cell: string }>(
    ex,
    sql`SELECT a.cell::text AS cell, a.count, a.points_lost::float8 AS "pointsLost",
        ST_AsGeoJSON(civgrid_hex_polygon(a.cell, ${band.size}), 6) AS geometry
      FROM (SELECT p.${sql.raw(band.column)} AS cell, count(*)::int AS count,
          sum(p.deduction) AS points_lost
        FROM problems p WHERE ${where} GROUP BY 1) a
      ORDER BY a.cell`,
  );
  // Cell numbers stay below 2^43: exact as JavaScript numbers.
  return rows.map((r) => ({ ...r, cell: Number(r.cell) }));
}
