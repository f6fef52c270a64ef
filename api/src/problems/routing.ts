// Routes problems to the grid that contains them and to that grid's lead unit, in one spatial join.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

/**
 * For the given problems (all unrouted ones of the city when `ids` is omitted): the grid whose
 * polygon contains the location; failing that the nearest grid, flagged for the coordinator.
 * The responsible unit is the chosen grid's lead unit. Returns how many were routed each way.
 */
export async function routeProblems(ex: Executor, cityId: number, ids?: number[]) {
  const only = ids
    ? sql`AND p.id = ANY(${sql.raw(`ARRAY[${ids.filter(Number.isSafeInteger).join(",") || "NULL"}]::int[]`)})`
    : sql`AND p.grid_id IS NULL`;
  const [counts] = await selectRows<{ contained: number; nearest: number }>(
    ex,
    sql`WITH chosen AS (
          SELECT p.id AS problem_id, g.id AS grid_id, ST_Contains(g.geom, p.location) AS inside
          FROM problems p
          CROSS JOIN LATERAL (
            -- The nearest few by the GiST index's KNN order alone (a second sort key would turn
            -- it into a scan of every grid per problem), then the id breaks ties on a shared edge.
            SELECT n.id, n.geom FROM (
              SELECT g.id, g.geom, g.geom <-> p.location AS distance FROM grids g
              WHERE g.city_id = p.city_id AND g.deleted_at IS NULL
              ORDER BY g.geom <-> p.location
              LIMIT 8
            ) n
            ORDER BY n.distance, n.id
            LIMIT 1
          ) g
          WHERE p.city_id = ${cityId} ${only}
        ), routed AS (
          UPDATE problems p
          SET grid_id = c.grid_id,
              routed_to_nearest = NOT c.inside,
              unit_id = (SELECT gu.unit_id FROM grid_units gu
                WHERE gu.city_id = ${cityId} AND gu.grid_id = c.grid_id AND gu.role = 'lead')
          FROM chosen c WHERE p.city_id = ${cityId} AND p.id = c.problem_id
          RETURNING p.routed_to_nearest
        )
        SELECT count(*) FILTER (WHERE NOT routed_to_nearest)::int AS contained,
               count(*) FILTER (WHERE routed_to_nearest)::int AS nearest
        FROM routed`,
  );
  return counts ?? { contained: 0, nearest: 0 };
}
