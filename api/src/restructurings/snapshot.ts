// What a restructuring may move, read before it runs: the grids it replaces (exactly, as EWKB), the
// teams of the community's grids, its open problems, future dedication days and open task assignments.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { openProblem } from "../problems/open.ts";

export interface GridState {
  id: number;
  code: string;
  name: string;
  version: number;
  /** The exact shape, hex EWKB: undo brings back the very same coordinates. */
  wkb: string;
  areaM2: number;
}
export interface UnitRow {
  gridId: number;
  unitId: number;
  role: "lead" | "support";
}
export interface PersonRow {
  gridId: number;
  personId: number;
  role: "leader" | "volunteer";
}
export interface ProblemPlace {
  id: number;
  gridId: number | null;
  unitId: number | null;
  routedToNearest: boolean;
}
export interface Moved {
  id: number;
  gridId: number;
}

export interface Snapshot {
  grids: GridState[];
  /** Every live grid of the community and its version, before the change. */
  versions: Record<string, number>;
  units: UnitRow[];
  people: PersonRow[];
  problems: ProblemPlace[];
  days: Moved[];
  tasks: Moved[];
}

const intArray = (ids: number[]) => {
  const safe = ids.filter(Number.isSafeInteger);
  return sql.raw(safe.length ? `ARRAY[${safe.join(",")}]::int[]` : `'{}'::int[]`);
};

export async function snapshotOf(
  ex: Executor,
  communityId: number,
  before: number[],
): Promise<Snapshot> {
  const ids = intArray(before);
  // (city_id, grid_id) IN …: the rows of the community's live grids, joined within the city.
  const liveGrids = sql`(SELECT city_id, id FROM grids WHERE community_id = ${communityId} AND deleted_at IS NULL)`;
  const grids = await selectRows<GridState>(
    ex,
    sql`SELECT id, code, name, version, encode(ST_AsEWKB(geom), 'hex') AS wkb,
          ST_Area(geom::geography)::float8 AS "areaM2"
        FROM grids WHERE id = ANY(${ids}) ORDER BY code`,
  );
  const live = await selectRows<{ id: number; version: number }>(
    ex,
    sql`SELECT id, version FROM grids WHERE community_id = ${communityId} AND deleted_at IS NULL`,
  );
  const versions = Object.fromEntries(live.map((g) => [String(g.id), g.version]));
  const units = await selectRows<UnitRow>(
    ex,
    sql`SELECT grid_id AS "gridId", unit_id AS "unitId", role FROM grid_units
        WHERE (city_id, grid_id) IN ${liveGrids} ORDER BY grid_id, role, unit_id`,
  );
  const people = await selectRows<PersonRow>(
    ex,
    sql`SELECT grid_id AS "gridId", person_id AS "personId", role FROM grid_people
        WHERE (city_id, grid_id) IN ${liveGrids} ORDER BY grid_id, role, person_id`,
  );
  const problems = await selectRows<ProblemPlace>(
    ex,
    sql`SELECT p.id, p.grid_id AS "gridId", p.unit_id AS "unitId", p.routed_to_nearest AS "routedToNearest"
        FROM problems p, communities c
        WHERE c.id = ${communityId} AND p.city_id = c.city_id AND ${openProblem}
          AND (p.grid_id IN (SELECT sg.id FROM grids sg WHERE sg.community_id = ${communityId}
                 AND sg.city_id = p.city_id)
               OR ST_Contains(c.geom, p.location))
        ORDER BY p.id`,
  );
  // Days already held stay with the grid they were held in: they are history, not work.
  const days = await selectRows<Moved>(
    ex,
    sql`SELECT id, grid_id AS "gridId" FROM dedication_days
        WHERE grid_id = ANY(${ids}) AND held_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date ORDER BY id`,
  );
  const tasks = await selectRows<Moved>(
    ex,
    sql`SELECT id, grid_id AS "gridId" FROM task_assignments
        WHERE grid_id = ANY(${ids}) AND status <> 'done' ORDER BY id`,
  );
  return { grids, versions, units, people, problems, days, tasks };
}

export { intArray };
