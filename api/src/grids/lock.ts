// Takes a grid for writing: it must exist, be the caller's city's, and still be at the version edited.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { AppError, notFound } from "../errors.ts";

export interface LockedGrid {
  id: number;
  code: string;
  name: string;
  communityId: number;
  version: number;
  updatedAt: string;
  geometry: string;
}

/**
 * SELECT … FOR UPDATE, then the version check: of two coordinators saving the same version,
 * the second waits for the first and then gets 409 with the newer version, never a silent overwrite.
 */
export async function lockGrid(
  ex: Executor,
  cityId: number,
  id: number,
  version: number,
): Promise<LockedGrid> {
  const [grid] = await selectRows<LockedGrid>(
    ex,
    sql`SELECT id, code, name, community_id AS "communityId", version, ${isoTime(sql`updated_at`)} AS "updatedAt",
          ST_AsGeoJSON(geom, 7) AS geometry
        FROM grids WHERE id = ${id} AND city_id = ${cityId} AND deleted_at IS NULL FOR UPDATE`,
  );
  if (!grid) throw notFound("grid", id);
  if (grid.version !== version) {
    throw new AppError(
      409,
      "version_conflict",
      { key: "error.version_conflict", params: { code: grid.code, version: grid.version } },
      undefined,
      () => ({
        current: { id: grid.id, version: grid.version, updatedAt: grid.updatedAt, name: grid.name },
      }),
    );
  }
  return grid;
}
