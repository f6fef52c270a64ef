// Whether a position is the city's business: its distance from the city's outline (regions, level
// "city"), measured on the spheroid. A city loaded without an outline accepts every position in China.
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

/** Metres from the city's outline (0 inside); null when the city has no outline on record. */
export async function distanceFromCity(
  ex: Executor,
  cityId: number,
  [lon, lat]: readonly [number, number],
): Promise<number | null> {
  const [row] = await selectRows<{ metres: number | null }>(
    ex,
    sql`SELECT ST_Distance(r.geom::geography, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography)::float8 AS metres
        FROM regions r WHERE r.city_id = ${cityId} AND r.level = 'city' AND r.geom IS NOT NULL
        ORDER BY r.id LIMIT 1`,
  );
  return row ? row.metres : null;
}

/** Metres from the city's outline to a geometry's nearest point, and the city's area in m². */
export async function outlineAgainstCity(ex: Executor, cityId: number, geometry: SQL) {
  const [row] = await selectRows<{ metres: number; cityM2: number }>(
    ex,
    sql`SELECT ST_Distance(r.geom::geography, ${geometry}::geography)::float8 AS metres,
          ST_Area(r.geom::geography)::float8 AS "cityM2"
        FROM regions r WHERE r.city_id = ${cityId} AND r.level = 'city' AND r.geom IS NOT NULL
        ORDER BY r.id LIMIT 1`,
  );
  return row ?? null;
}
