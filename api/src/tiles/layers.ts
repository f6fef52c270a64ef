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
import { overdue } from "../problems/queries.ts";

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
const CELL = 64;

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
        LEFT JOIN grid_units gl ON gl.grid_id = g.id AND gl.role = 'lead'
        LEFT JOIN units lu ON lu.id = gl.unit_id
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
      return tile.z >= PROBLEM_POINTS_MIN_ZOOM
        ? problemPoints(tile, scope, geom)
        : problemCells(sql`(${pixelsOfProblems(tile, scope)})`);
  }
}

/** The Earth's radius in Web Mercator (EPSG:3857), in metres. */
const MERCATOR_RADIUS = 6378137;

/**
 * Below PROBLEM_POINTS_MIN_ZOOM a tile holds whole-city numbers of problems, and only their cells
 * become geometry: each problem's pixel is worked out from its longitude and latitude with arithmetic
 * (Web Mercator, as ST_Transform and ST_AsMVTGeom do, rounded to whole pixels as they snap)
 * instead of transforming and clipping a million points one by one (most of a z10 tile's 3 s at
 * a million problems). Both engines run the same SQL; what lies outside the tile (its rounded
 * pixel past 0…4096: the index test's margin) is left out, as clipping with no buffer does.
 */
function pixelsOfProblems(tile: TileAddress, scope: Scope): SQL {
  const world = 2 * WORLD_EDGE;
  const scale = (2 ** tile.z * EXTENT) / world;
  const px = sql`round((${MERCATOR_RADIUS}::float8 * radians(ST_X(p.location)) + ${WORLD_EDGE}::float8) * ${scale}::float8 - ${tile.x * EXTENT}::float8)`;
  const py = sql`round((${WORLD_EDGE}::float8 - ${MERCATOR_RADIUS}::float8 * ln(tan(pi() / 4 + radians(ST_Y(p.location)) / 2))) * ${scale}::float8 - ${tile.y * EXTENT}::float8)`;
  return sql`SELECT px, py, status, overdue FROM (
      SELECT ${px} AS px, ${py} AS py, p.status, ${overdue} AS overdue
      FROM problems p WHERE ${problemsReadable(scope)} AND ${inTile(sql`p.location`, tile)}) pixels
    WHERE px BETWEEN 0 AND ${EXTENT} AND py BETWEEN 0 AND ${EXTENT}`;
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
    FROM (${problemCells(sql`(SELECT ST_X(geom) AS px, ST_Y(geom) AS py, status, overdue
      FROM located WHERE geom IS NOT NULL)`)}) cells WHERE (SELECT yes FROM dense)`;
}

/** Problems (from `located`: status, overdue, px, py) as one point per 64 × 64 cell of the tile. */
function problemCells(located: SQL): SQL {
  const cell = (axis: SQL) => sql`least(floor(${axis} / ${CELL}), ${EXTENT / CELL - 1})::int`;
  return sql`SELECT (cy * ${EXTENT / CELL} + cx + 1)::int AS id, count(*)::int AS count,
      count(*) FILTER (WHERE status NOT IN ('closed', 'ledger'))::int AS "openCount",
      count(*) FILTER (WHERE overdue)::int AS "overdueCount",
      ST_MakePoint(cx * ${CELL} + ${CELL / 2}, cy * ${CELL} + ${CELL / 2}) AS geom
    FROM (SELECT ${cell(sql`l.px`)} AS cx, ${cell(sql`l.py`)} AS cy, l.status, l.overdue
      FROM ${located} l) cells
    GROUP BY cx, cy`;
}
