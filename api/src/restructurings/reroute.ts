// After a restructuring (or its undo) the open problems are routed again by location; each one
// whose grid or unit changed gets a "reroute" step in its history, status and deadline kept.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Actor } from "../grids/write.ts";
import { isOpen } from "../problems/open.ts";
import { routeProblems } from "../problems/routing.ts";
import { intArray, type ProblemPlace } from "./snapshot.ts";

export interface Rerouted extends ProblemPlace {
  toGridId: number | null;
  toUnitId: number | null;
  toRoutedToNearest: boolean;
}

async function placesOf(ex: Executor, ids: number[]) {
  return selectRows<ProblemPlace & { status: string }>(
    ex,
    sql`SELECT id, grid_id AS "gridId", unit_id AS "unitId", routed_to_nearest AS "routedToNearest", status
        FROM problems WHERE id = ANY(${intArray(ids)}) ORDER BY id`,
  );
}

/** Routes the problems again and logs those that moved; returns where each moved from and to. */
export async function rerouteAndLog(
  ex: Executor,
  actor: Actor,
  before: ProblemPlace[],
): Promise<Rerouted[]> {
  if (!before.length) return [];
  await routeProblems(
    ex,
    actor.cityId,
    before.map((p) => p.id),
  );
  const after = await placesOf(
    ex,
    before.map((p) => p.id),
  );
  const moved: Rerouted[] = [];
  for (const now of after) {
    const was = before.find((p) => p.id === now.id);
    if (!was || (was.gridId === now.gridId && was.unitId === now.unitId)) continue;
    moved.push({
      ...was,
      toGridId: now.gridId,
      toUnitId: now.unitId,
      toRoutedToNearest: now.routedToNearest,
    });
  }
  await logMoves(
    ex,
    actor,
    moved.map((m) => m.id),
  );
  return moved;
}

/** Sets problems back where they were (undo), only those still where the restructuring put them. */
export async function placeBack(ex: Executor, actor: Actor, moved: Rerouted[]) {
  const back: number[] = [];
  for (const m of moved) {
    const rows = await selectRows<{ id: number }>(
      ex,
      sql`UPDATE problems SET grid_id = ${m.gridId}, unit_id = ${m.unitId}, routed_to_nearest = ${m.routedToNearest}
          WHERE id = ${m.id} AND grid_id IS NOT DISTINCT FROM ${m.toGridId}
            AND unit_id IS NOT DISTINCT FROM ${m.toUnitId} AND ${isOpen(sql`status`)}
          RETURNING id`,
    );
    if (rows.length) back.push(m.id);
  }
  await logMoves(ex, actor, back);
}

/** One "reroute" step per problem, naming the grid and unit it now belongs to. */
async function logMoves(ex: Executor, actor: Actor, ids: number[]) {
  if (!ids.length) return;
  await ex.execute(sql`
    INSERT INTO rectification_events (city_id, problem_id, seq, action, from_status, to_status, actor_user_id, actor_name, note)
    SELECT p.city_id, p.id, (SELECT coalesce(max(seq), 0) + 1 FROM rectification_events e
             WHERE e.problem_id = p.id AND e.city_id = p.city_id),
           'reroute', p.status, p.status, ${actor.userId},
           coalesce((SELECT display_name FROM users au WHERE au.id = ${actor.userId}
             AND au.city_id = p.city_id), ''),
           concat_ws(' · ', g.code, u.name)
    FROM problems p LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
      LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
    WHERE p.id = ANY(${intArray(ids)})`);
}
