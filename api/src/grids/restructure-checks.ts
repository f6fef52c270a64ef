// PostGIS's half of geo/'s split and merge rules: the same thresholds (geo/restructure-rules.ts),
// passed in as parameters, so a cut or a merge the browser's preview allows is one the save allows.
import { restructureRules } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import type { LineString } from "geojson";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface SplitPiece {
  geometry: string;
  areaM2: number;
}

/**
 * The pieces `line` cuts `grid` (an SQL geometry expression) into, north to south then west to
 * east, or null when the cut is refused: fewer than two pieces, or a sliver below the minimum.
 */
export async function splitPieces(
  ex: Executor,
  grid: SQL,
  line: LineString,
): Promise<SplitPiece[] | null> {
  const pieces = await selectRows<SplitPiece>(
    ex,
    sql`SELECT ST_AsGeoJSON(ST_Multi(p.geom), 7) AS geometry, ST_Area(p.geom::geography)::float8 AS "areaM2"
        FROM ST_Dump(ST_Split(${grid}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(line)}), 4326))) p
        ORDER BY round(ST_Y(ST_PointOnSurface(p.geom))::numeric, 3) DESC, ST_X(ST_PointOnSurface(p.geom))`,
  );
  const refused =
    pieces.length < 2 || pieces.some((p) => p.areaM2 < restructureRules.splitMinPieceM2);
  return refused ? null : pieces;
}

/**
 * How long (m) the borders of `a` and `b` run together, with geo's slack: the length of a's
 * border within the slack of b's border (geography buffer, so metres everywhere).
 */
export function sharedBorderM(a: SQL, b: SQL): SQL<number> {
  return sql<number>`ST_Length(ST_Intersection(ST_Boundary(${a}),
      ST_Buffer(ST_Boundary(${b})::geography, ${restructureRules.mergeSlackM})::geometry)::geography)::float8`;
}

/** Whether grids `a` and `b` may merge: their borders share at least the minimum length. */
export async function mayMerge(ex: Executor, a: SQL, b: SQL): Promise<boolean> {
  const [row] = await selectRows<{ shared: number }>(
    ex,
    sql`SELECT ${sharedBorderM(a, b)} AS shared`,
  );
  return (row?.shared ?? 0) >= restructureRules.mergeMinSharedM;
}
