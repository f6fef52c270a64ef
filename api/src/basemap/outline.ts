// The base drawn where no basemap is set (and over one that is): the city, its districts and
// streets, and the communities, with their names. Public administrative boundaries, so the
// citizens' page has them too; simplified to about a metre, which no phone screen shows.
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";

/** Degrees; about a metre at Tengzhou's latitude. */
const SIMPLIFY = 0.00001;

export interface OutlineRow {
  level: "city" | "district" | "street" | "community";
  name: string;
  geometry: string;
  label: string;
}

export async function cityOutline(ex: Executor, cityId: number) {
  const rows = await selectRows<OutlineRow>(
    ex,
    sql`SELECT level, name,
               ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, ${SIMPLIFY}), 6) AS geometry,
               ST_AsGeoJSON(ST_PointOnSurface(geom), 6) AS label
          FROM (SELECT level, name, code, geom FROM regions
                 WHERE city_id = ${cityId} AND geom IS NOT NULL
                UNION ALL
                SELECT 'community', name, code, geom FROM communities
                 WHERE city_id = ${cityId}) AS outline
         ORDER BY code, name`,
  );
  // Each area and, apart, the point its name is written at (one label however the map tiles it).
  return {
    type: "FeatureCollection" as const,
    features: rows.flatMap((row) => [
      {
        type: "Feature" as const,
        properties: { level: row.level, name: row.name, kind: "area" },
        geometry: JSON.parse(row.geometry),
      },
      {
        type: "Feature" as const,
        properties: { level: row.level, name: row.name, kind: "label" },
        geometry: JSON.parse(row.label),
      },
    ]),
  };
}
