// The grid rules checked again by PostGIS, inside the saving transaction: a valid polygon, inside
// its community, overlapping no other grid. geo/ checks the same rules first; a test feeds both
// the same shapes and expects the same verdicts.

import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface PostgisProblem {
  code: "invalid" | "outside_community" | "overlap";
  /** PostGIS's own reason for an invalid polygon, e.g. "Self-intersection". */
  reason?: string;
  at?: [number, number];
  areaM2?: number;
  gridId?: number;
  gridCode?: string;
  geometry?: unknown;
}

/** Areas below this are rounding, not a rule broken (coordinates are kept to 1e-7°, ~1 cm). */
export const SLIVER_M2 = 1;

/** The shape as a PostGIS expression (SRID 4326). */
export const geometrySql = (geometry: MultiPolygon) =>
  sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)`;

/** PostGIS's own validity verdict (ST_IsValidDetail), with its reason and where; null when valid. */
export async function invalidInPostgis(
  ex: Executor,
  geometry: MultiPolygon,
): Promise<PostgisProblem | null> {
  const [validity] = await selectRows<{
    valid: boolean;
    reason: string | null;
    location: string | null;
  }>(
    ex,
    sql`SELECT (d).valid, (d).reason, ST_AsGeoJSON((d).location, 7) AS location
        FROM (SELECT ST_IsValidDetail(${geometrySql(geometry)}) AS d) v`,
  );
  if (validity?.valid) return null;
  const at = validity?.location
    ? (JSON.parse(validity.location).coordinates as [number, number])
    : undefined;
  return { code: "invalid", reason: validity?.reason ?? "invalid", ...(at && { at }) };
}

export async function checkGridInPostgis(
  ex: Executor,
  args: { cityId: number; communityId: number; geometry: MultiPolygon; exceptGridIds: number[] },
): Promise<PostgisProblem[]> {
  const geom = geometrySql(args.geometry);
  const invalid = await invalidInPostgis(ex, args.geometry);
  if (invalid) return [invalid];
  const except = sql.raw(
    `ARRAY[${args.exceptGridIds.filter(Number.isSafeInteger).join(",")}]::int[]`,
  );
  const outside = await selectRows<{ areaM2: number; geometry: string }>(
    ex,
    sql`SELECT ST_Area(d::geography)::float8 AS "areaM2", ST_AsGeoJSON(d, 7) AS geometry
        FROM (SELECT ST_Difference(${geom}, c.geom) AS d FROM communities c
              WHERE c.id = ${args.communityId} AND c.city_id = ${args.cityId}) x
        WHERE NOT ST_IsEmpty(d) AND ST_Area(d::geography) > ${SLIVER_M2}`,
  );
  const overlaps = await selectRows<{
    gridId: number;
    gridCode: string;
    areaM2: number;
    geometry: string;
  }>(
    ex,
    sql`SELECT s.id AS "gridId", s.code AS "gridCode", ST_Area(i::geography)::float8 AS "areaM2",
          ST_AsGeoJSON(i, 7) AS geometry
        FROM (SELECT s.id, s.code, ST_Intersection(s.geom, ${geom}) AS i FROM grids s
              WHERE s.city_id = ${args.cityId} AND s.deleted_at IS NULL AND NOT (s.id = ANY(${except}))
                AND s.geom && ${geom} AND ST_Intersects(s.geom, ${geom})) s
        WHERE ST_Area(i::geography) > ${SLIVER_M2}
        ORDER BY s.code`,
  );
  return [
    ...outside.map((o) => ({
      code: "outside_community" as const,
      areaM2: o.areaM2,
      geometry: JSON.parse(o.geometry),
    })),
    ...overlaps.map((o) => ({
      code: "overlap" as const,
      gridId: o.gridId,
      gridCode: o.gridCode,
      areaM2: o.areaM2,
      geometry: JSON.parse(o.geometry),
    })),
  ];
}
