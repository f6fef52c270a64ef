// Hotspots (问题聚集区): density-based clusters of problems, found in PostGIS. The problems of the
// viewport are counted per stored cell of the given band (bands.ts clusterBandFor: a quarter the
// size of the map's hexagons); a cell's density is the problems in it and
// its six neighbours (so a knot on a cell border is not split and lost); a cell is a core cell
// when that density reaches `minPoints` and twice the viewport's average (its problems spread over
// every cell of the viewport: a city-wide background is not a hotspot); ST_ClusterDBSCAN joins
// core cells whose centres are neighbours (eps just over the distance between adjacent hexagons,
// in Mercator metres). Counting per cell first keeps a city of a million problems to thousands of
// rows, and DBSCAN over core cells with minpoints 1 has no border points to assign in input order:
// the clusters depend on the data alone, and are numbered by size, then by their first cell.
// Categories and units are read only for the problems of clustered cells.
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere } from "../problems/queries.ts";
import type { HexBand } from "./bands.ts";
import { type AnalyticsFilters, asProblemFilters, inCells } from "./filters.ts";
import { cellsTouching } from "./hexagon-shape.ts";

export const DEFAULT_MIN_POINTS = 3;
/** One step along q in a cell number (civgrid_hex_cell packs q above 21 bits of r). */
const Q = 2 ** 21;
/** At most this many clusters are answered, the largest first. */
export const MAX_CLUSTERS = 200;

export interface ClusterRow {
  /** 1 = the largest cluster. */
  rank: number;
  count: number;
  pointsLost: number;
  /** The cells (of `band`) the cluster is made of. */
  cells: number[];
  category: { id: number; name: string; count: number } | null;
  /** Responsible units, most problems first. */
  units: { id: number; name: string; count: number }[];
  /** ST_AsGeoJSON: the convex hull of the cluster's hexagons, and its problem-weighted centre. */
  hull: string;
  centroid: string;
}

export async function problemClusters(
  ex: Executor,
  scope: Scope,
  bbox: Bbox,
  band: HexBand,
  filters: AnalyticsFilters,
  minPoints: number,
): Promise<ClusterRow[]> {
  const cells = cellsTouching(bbox, band.size);
  const where = sql`${problemsWhere(scope, asProblemFilters(filters))} AND ${inCells(band, cells)}`;
  const size = band.size;
  const cell = sql.raw(band.column);
  const eps = Math.sqrt(3) * size * 1.01;
  const rows = await selectRows<Omit<ClusterRow, "cells" | "category" | "units"> & Raw>(
    ex,
    sql`WITH cells AS (
        SELECT p.${cell} AS cell, count(*) AS n, sum(p.deduction) AS lost
        FROM problems p WHERE ${where} GROUP BY 1),
      density AS (
        SELECT c.cell, sum(around.n) AS around FROM cells c
          CROSS JOIN (VALUES (0::bigint), (1), (-1), (${Q}), (${-Q}), (${Q - 1}), (${1 - Q})) o(d)
          JOIN cells around ON around.cell = c.cell + o.d
        GROUP BY c.cell),
      dense AS (
        SELECT c.cell, c.n, c.lost, civgrid_hex_centre(c.cell, ${size}) AS centre
        FROM cells c JOIN density d ON d.cell = c.cell
        WHERE d.around >= ${minPoints}
          AND d.around >= 2 * 7 * (SELECT sum(n) FROM cells) / ${cells.length}::float8),
      labelled AS (
        SELECT cell, n, lost, centre,
          ST_ClusterDBSCAN(centre, ${eps}::float8, 1) OVER (ORDER BY cell) AS cid
        FROM dense),
      clusters AS (
        SELECT cid, sum(n)::int AS count, sum(lost)::float8 AS "pointsLost", min(cell) AS first,
          array_to_string(array_agg(cell ORDER BY cell), ',') AS cells,
          ST_ConvexHull(ST_Collect(civgrid_hex_polygon(cell, ${size}))) AS hull,
          sum(ST_X(centre) * n) / sum(n) AS x, sum(ST_Y(centre) * n) / sum(n) AS y
        FROM labelled GROUP BY cid),
      -- Categories and units only for the problems of clustered cells, read cell by cell.
      by_category AS (
        SELECT DISTINCT ON (l.cid) l.cid, i.category_id, count(*)::int AS n
        FROM labelled l JOIN problems p ON p.${cell} = l.cell AND ${where}
          JOIN standard_items i ON i.id = p.item_id AND i.city_id = p.city_id
        GROUP BY l.cid, i.category_id ORDER BY l.cid, 3 DESC, i.category_id),
      by_unit AS (
        SELECT l.cid, p.unit_id, count(*)::int AS n
        FROM labelled l JOIN problems p ON p.${cell} = l.cell AND ${where}
        WHERE p.unit_id IS NOT NULL
        GROUP BY l.cid, p.unit_id)
      SELECT (row_number() OVER (ORDER BY c.count DESC, c.first))::int AS rank,
        c.count, c."pointsLost", c.cells,
        CASE WHEN bc.cid IS NULL THEN NULL ELSE json_build_object('id', sc.id, 'name', sc.name,
          'count', bc.n)::text END AS category,
        (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'count', bu.n)
            ORDER BY bu.n DESC, u.id), '[]')::text
          FROM by_unit bu JOIN units u ON u.id = bu.unit_id WHERE bu.cid = c.cid) AS units,
        ST_AsGeoJSON(c.hull, 6) AS hull,
        ST_AsGeoJSON(ST_MakePoint(degrees(c.x / 6378137.0),
          degrees(2 * atan(exp(c.y / 6378137.0)) - pi() / 2)), 6) AS centroid
      FROM clusters c
        LEFT JOIN by_category bc ON bc.cid = c.cid
        LEFT JOIN standard_categories sc ON sc.id = bc.category_id
      ORDER BY c.count DESC, c.first
      LIMIT ${MAX_CLUSTERS}`,
  );
  return rows.map((r) => ({
    ...r,
    cells: r.cells.split(",").map(Number),
    category: r.category ? JSON.parse(r.category) : null,
    units: JSON.parse(r.units),
  }));
}

interface Raw {
  cells: string;
  category: string | null;
  units: string;
}
