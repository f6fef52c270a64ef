// Problems counted per hexagon cell of a zoom band inside a viewport: stored cells are grouped (no
// hexagon grid is built at query time); only the answer's cells become polygons.
// A hexagon the viewport touches counts all its problems, also those just outside the viewport:
// its number does not change as the map pans, and clicking it lists exactly that many problems.
import { sql } from "drizzle-orm";
import type { Polygon } from "geojson";
import { type Executor, selectRows } from "../db/client.ts";
import { type Bbox, whereAll } from "../db/query-helpers.ts";
import { rolledUpCellSizes } from "../db/schema/index.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere, statusIn } from "../problems/queries.ts";
import type { HexBand } from "./bands.ts";
import { type AnalyticsFilters, asProblemFilters, inCells } from "./filters.ts";
import { cellsTouching, hexagonOf } from "./hexagon-shape.ts";

export interface HexagonRow {
  /** The cell number (civgrid_hex_cell). */
  cell: number;
  count: number;
  /** Sum of the problems' deductions (失分). */
  pointsLost: number;
  geometry: Polygon;
}

/** Where the counts are read: the rollup kept on write, or the problems themselves. */
export type HexagonSource = "rollup" | "problems";

interface CellCount {
  cell: string;
  count: number;
  pointsLost: number;
}

/**
 * The rollup (problem_cell_days) answers a city-wide band for the whole city, by period and
 * status; a unit, grid or category filter, a narrower scope or a finer band reads the problems.
 */
export function hexagonSourceFor(
  scope: Scope,
  band: HexBand,
  filters: AnalyticsFilters,
): HexagonSource {
  const rolledUp =
    scope.kind === "city" &&
    (rolledUpCellSizes as readonly number[]).includes(band.size) &&
    filters.categoryId === undefined &&
    filters.unitId === undefined &&
    filters.gridId === undefined;
  return rolledUp ? "rollup" : "problems";
}

export async function hexagonCounts(
  ex: Executor,
  scope: Scope,
  bbox: Bbox,
  band: HexBand,
  filters: AnalyticsFilters,
  // The tests and the benchmark ask for either source to hold them equal and to time them.
  source: HexagonSource = hexagonSourceFor(scope, band, filters),
): Promise<HexagonRow[]> {
  const cells = cellsTouching(bbox, band.size);
  const counts =
    source === "rollup"
      ? await countsFromRollup(ex, scope, band, filters)
      : await countsFromProblems(ex, scope, band, cells, filters);
  const inView = new Set(cells);
  // Cell numbers stay below 2^43: exact as JavaScript numbers.
  return counts
    .filter((r) => inView.has(Number(r.cell)))
    .map((r) => ({ ...r, cell: Number(r.cell), geometry: hexagonOf(Number(r.cell), band.size) }));
}

/** The whole city's cells of the band: a city holds a few hundred 4 km hexagons. */
function countsFromRollup(ex: Executor, scope: Scope, band: HexBand, filters: AnalyticsFilters) {
  return selectRows<CellCount>(
    ex,
    sql`SELECT cell::text AS cell, sum(problems)::int AS count,
        sum(points_lost)::float8 AS "pointsLost"
      FROM problem_cell_days
      WHERE ${whereAll([
        sql`city_id = ${scope.cityId}`,
        sql`cell_size = ${band.size}`,
        sql`day BETWEEN ${filters.period.from}::date AND ${filters.period.to}::date`,
        statusIn(sql`status`, filters.status),
      ])}
      GROUP BY cell HAVING sum(problems) > 0 ORDER BY cell`,
  );
}

function countsFromProblems(
  ex: Executor,
  scope: Scope,
  band: HexBand,
  cells: readonly number[],
  filters: AnalyticsFilters,
) {
  return selectRows<CellCount>(
    ex,
    sql`SELECT p.${sql.raw(band.column)}::text AS cell, count(*)::int AS count,
        sum(p.deduction)::float8 AS "pointsLost"
      FROM problems p
      WHERE ${problemsWhere(scope, asProblemFilters(filters))} AND ${inCells(band, cells)}
      GROUP BY 1 ORDER BY 1`,
  );
}
