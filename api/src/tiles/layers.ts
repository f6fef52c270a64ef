// What each vector-tile layer holds: the features of one tile with the properties the map needs,
// filtered by the caller's read scope, with an index-using `geom && envelope` bounding-box test.
import { type SQL, sql } from "drizzle-orm";
import {
  communitiesReadable,
  gridsReadable,
  pointsReadable,
  problemsReadable,
  unitsReadable,
} from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { isOpen, openProblem } from "../problems/open.ts";
import { overdue, startOfChinaToday } from "../problems/queries.ts";

export const tileLayers = ["grids", "communities", "units", "points", "problems"] as const;
export type TileLayer = (typeof tileLayers)[number];

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** MVT extent: tile coordinates run 0…4096. */
export const EXTENT = 4096;
/** Below this zoom problems come as counts per cell, so that no tile grows past a few hundred KB. */
export const PROBLEM_POINTS_MIN_ZOOM = 13;
/** Most single problems in a tile (about 30 bytes each: ~300 KB); more come as cells. */
export const MAX_PROBLEM_POINTS = 10_000;
/** Side of an aggregation cell in tile coordinates (64 × 64 cells per tile at most). */
export const CELL = 64;

/** A column in WGS84 → its clipped geometry in tile coordinates (the engine decides how). */
export type TileGeometry = (wgs84: SQL, buffer: number) => SQL;

export function envelope({ z, x, y }: TileAddress): SQL {
  return sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;
}

/** `column && the tile's bounds in WGS84` (with the 64/4096 clipping margin): the GiST index picks the candidates. */
function inTile(column: SQL, tile: TileAddress): SQL {
  const env = envelope(tile);
  const margin = sql`(ST_XMax(${env}) - ST_XMin(${env})) / 64`;
  // The margin stops at the edge of the world: past it, the box would wrap round the antimeridian
  // in WGS84 and miss everything (tiles at x = 0 or 2^z − 1, all of z1 and z2).
  const edge = sql.raw(String(WORLD_EDGE));
  return sql`${column} && ST_Transform(ST_MakeEnvelope(
    greatest(ST_XMin(${env}) - ${margin}, -${edge}), greatest(ST_YMin(${env}) - ${margin}, -${edge}),
    least(ST_XMax(${env}) + ${margin}, ${edge}), least(ST_YMax(${env}) + ${margin}, ${edge}), 3857), 4326)`;
}

/** Half the side of the Web Mercator world, in metres. */
const WORLD_EDGE = 20037508.342789244;

/**
 * One SELECT of `id`, the properties and `geom` (in tile coordinates, NULL when the feature
 * vanishes at this zoom) for the layer's features in the tile.
 */
export function layerQuery(
  layer: TileLayer,
  tile: TileAddress,
  scope: Scope,
  geom: TileGeometry,
): SQL {
  switch (layer) {
    case "grids":
      // labelHere: the grid's label point lies in this tile, so the map labels the grid once,
      // not once per tile its outline crosses
      return sql`SELECT g.id, g.code, g.name, g.community_id AS "communityId",
          lu.id AS "leadUnitId", lu.short_name AS "leadUnitShortName",
          ST_Intersects(ST_PointOnSurface(g.geom), ST_Transform(${envelope(tile)}, 4326)) AS "labelHere",
          ${geom(sql`g.geom`, 64)} AS geom
        FROM grids g
        LEFT JOIN grid_units gl ON gl.grid_id = g.id AND gl.city_id = g.city_id AND gl.role = 'lead'
        LEFT JOIN units lu ON lu.id = gl.unit_id AND lu.city_id = gl.city_id
        WHERE ${gridsReadable(scope)} AND g.deleted_at IS NULL AND ${inTile(sql`g.geom`, tile)}`;
    case "communities":
      return sql`SELECT c.id, c.code, c.name, ${geom(sql`c.geom`, 64)} AS geom
        FROM communities c
        WHERE ${communitiesReadable(scope)} AND ${inTile(sql`c.geom`, tile)}`;
    case "units":
      return sql`SELECT u.id, u.name, u.short_name AS "shortName", u.kind, ${geom(sql`u.location`, 0)} AS geom
        FROM units u
        WHERE ${unitsReadable(scope)} AND u.location IS NOT NULL AND ${inTile(sql`u.location`, tile)}`;
    case "points":
      return sql`SELECT p.id, p.name, p.kind, p.grid_id AS "gridId", p.unit_id AS "unitId",
          ${geom(sql`p.location`, 0)} AS geom
        FROM inspection_points p
        WHERE ${pointsReadable(scope)} AND ${inTile(sql`p.location`, tile)}`;
    case "problems":
      // Below PROBLEM_POINTS_MIN_ZOOM a tile is cells: problemCellsQuery, encoded by cell-tile.ts.
      if (tile.z < PROBLEM_POINTS_MIN_ZOOM) throw new Error("problem cells: use problemCellsQuery");
      return problemPoints(tile, scope, geom);
  }
}

/** The zooms the rollup keeps (z10–z12); z0–z9 sum z10's cells. */
const ROLLED_UP_ZOOMS = { from: 10, to: PROBLEM_POINTS_MIN_ZOOM - 1 } as const;
/** Cells a tile side. */
export const CELLS = EXTENT / CELL;

/** The tile's cell (0…63 a side) of problem p, by the migration's functions (civgrid_tile_column/row). */
function cellOfProblem({ z, x, y }: TileAddress): { cx: SQL; cy: SQL } {
  return {
    cx: sql`civgrid_tile_column(ST_X(p.location), ${z}::int) - ${x * CELLS}`,
    cy: sql`civgrid_tile_row(ST_Y(p.location), ${z}::int) - ${y * CELLS}`,
  };
}

/**
 * Below PROBLEM_POINTS_MIN_ZOOM a tile holds whole-city numbers of problems, drawn as cells 1/64
 * of a tile a side: rows of (cell: cy × 64 + cx, problems, open, overdue), which cell-tile.ts sums
 * per cell and encodes. The whole city's (a city-wide role's) come from the rollup
 * problem_tile_cells (migration 0038): a few rows per cell instead of every problem in the tile
 * (3 s for a z10 tile of a million problems). A unit's or a volunteer's problems are not in the
 * rollup (it is not kept per unit or grid) and are few: their cells are worked out from each
 * problem's longitude and latitude by the same functions, so that both give the same cells.
 */
export function problemCellsQuery(tile: TileAddress, scope: Scope): SQL {
  if (scope.kind === "city") return rolledUpCells(tile, scope.cityId);
  const { cx, cy } = cellOfProblem(tile);
  return sql`SELECT cy * ${CELLS} + cx AS cell, count(*)::int AS problems,
      (count(*) FILTER (WHERE open))::int AS open, (count(*) FILTER (WHERE overdue))::int AS overdue
    FROM (SELECT ${cx} AS cx, ${cy} AS cy, ${openProblem} AS open, ${overdue} AS overdue
      FROM problems p WHERE ${problemsReadable(scope)} AND ${inTile(sql`p.location`, tile)}) cells
    WHERE cx BETWEEN 0 AND ${CELLS - 1} AND cy BETWEEN 0 AND ${CELLS - 1}
    GROUP BY 1`;
}

/**
 * The tile's cells from the rollup: the cells of the nearest kept zoom (z10 for z0–z9, whose
 * cells each hold 4^(10 − z) of them), overdue being the open problems of the days before today
 * (China time), and those due today already past their deadline, counted from the problems
 * themselves in rows of their own: the open-deadline index finds them, and their cells say which
 * are in the tile (no test on the location, which a generic plan took to the GiST index: a scan
 * of every problem of the city; OFFSET 0 keeps the cell of each worked out once, not once per
 * comparison). The app's deadlines fall at the end of a day, so there are none of these but for
 * deadlines imported with a time of day; then a tile reads each of them (the rollup knows only
 * their day).
 *
 * At a kept zoom the rows are read and summed in the key's order (an index-only scan, no sort or
 * hash), and today's China day is worked out once for the statement, not once per row (per row it
 * cost more than reading the rows).
 */
function rolledUpCells(tile: TileAddress, cityId: number): SQL {
  const kept = Math.min(Math.max(tile.z, ROLLED_UP_ZOOMS.from), ROLLED_UP_ZOOMS.to);
  const shift = kept - tile.z;
  const first = (at: number) => (at * CELLS) << shift;
  // The shift is written into the text (a number of ours): the GROUP BY must name the very same
  // expression as the SELECT, which two parameters would not be.
  const cell = (column: string) =>
    shift ? sql`(${sql.identifier(column)} >> ${sql.raw(String(shift))})` : sql.identifier(column);
  const { cx, cy } = cellOfProblem(tile);
  return sql`SELECT (${cell("row")} - ${tile.y * CELLS}) * ${CELLS} + ${cell("column")} - ${tile.x * CELLS} AS cell,
      sum(problems)::int AS problems,
      coalesce(sum(problems) FILTER (WHERE open), 0)::int AS open,
      coalesce(sum(problems) FILTER (WHERE open AND due < (SELECT civgrid_china_day(now()))), 0)::int AS overdue
    FROM problem_tile_cells
    WHERE city_id = ${cityId} AND zoom = ${kept}
      AND "column" BETWEEN ${first(tile.x)} AND ${first(tile.x + 1) - 1}
      AND "row" BETWEEN ${first(tile.y)} AND ${first(tile.y + 1) - 1}
    GROUP BY ${cell("column")}, ${cell("row")}
    UNION ALL
    SELECT cy * ${CELLS} + cx, 0, 0, count(*)::int FROM (SELECT ${cx} AS cx, ${cy} AS cy FROM problems p
      WHERE p.city_id = ${cityId} AND ${openProblem} AND p.deadline >= ${startOfChinaToday}
        AND p.deadline < now() OFFSET 0) today
    WHERE cx BETWEEN 0 AND ${CELLS - 1} AND cy BETWEEN 0 AND ${CELLS - 1}
    GROUP BY 1`;
}

/** The scope's problems in the tile: the given columns, whether overdue, the clipped point. */
function locatedProblems(tile: TileAddress, scope: Scope, geom: TileGeometry, columns: SQL): SQL {
  return sql`SELECT ${columns}, ${overdue} AS overdue,
      ${geom(sql`p.location`, 0)} AS geom
    FROM problems p
    WHERE ${problemsReadable(scope)} AND ${inTile(sql`p.location`, tile)}`;
}

/**
 * Single problems; but a tile over a hotspot can hold tens of thousands (a z13 tile of the
 * generated million came to 576 KB), so past MAX_PROBLEM_POINTS the tile holds cells instead, as
 * below PROBLEM_POINTS_MIN_ZOOM. The map tells the two apart by the cells' `count`.
 */
function problemPoints(tile: TileAddress, scope: Scope, geom: TileGeometry): SQL {
  const located = locatedProblems(
    tile,
    scope,
    geom,
    sql`p.id, p.status, p.severity, p.source, p.grid_id AS "gridId", p.unit_id AS "unitId"`,
  );
  // NULL properties are left out of a feature (by ST_AsMVT, and by the Node encoder in render.ts).
  return sql`WITH located AS MATERIALIZED (${located}),
      dense AS (SELECT count(*) > ${MAX_PROBLEM_POINTS} AS yes FROM located)
    SELECT id, status, severity, source, "gridId", "unitId", overdue,
      NULL AS count, NULL AS "openCount", NULL AS "overdueCount", geom
    FROM located WHERE NOT (SELECT yes FROM dense)
    UNION ALL
    SELECT id, NULL, NULL, NULL, NULL, NULL, NULL, count, "openCount", "overdueCount", geom
    FROM (${cellFeatures(sql`SELECT ${pixelCell(sql`ST_X(geom)`)} AS cx, ${pixelCell(sql`ST_Y(geom)`)} AS cy,
        1 AS problems, (${isOpen(sql`status`)})::int AS open, overdue::int AS overdue
      FROM located WHERE geom IS NOT NULL`)}) cells WHERE (SELECT yes FROM dense)`;
}

/** A clipped point's cell along one axis (its tile coordinate 0…4096; 4096 falls in the last). */
const pixelCell = (axis: SQL) => sql`least(floor(${axis} / ${CELL}), ${CELLS - 1})::int`;

/**
 * Cells as features: `rows` gives each cell's place in the tile (cx, cy: 0…63) with numbers of
 * problems, open ones and overdue ones, summed here into one point per cell.
 */
function cellFeatures(rows: SQL): SQL {
  return sql`SELECT (cy * ${CELLS} + cx + 1)::int AS id, sum(problems)::int AS count,
      sum(open)::int AS "openCount", sum(overdue)::int AS "overdueCount",
      ST_MakePoint(cx * ${CELL} + ${CELL / 2}, cy * ${CELL} + ${CELL / 2}) AS geom
    FROM (${rows}) cells
    GROUP BY cx, cy HAVING sum(problems) > 0`;
}
