// One restructuring: read what the change will move, run the change, carry teams and work over to
// the new grids, route open problems again, and record it all so it can be undone as a whole.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { RestructuringKind } from "../db/schema/index.ts";
import { AppError } from "../errors.ts";
import { recordVersions } from "../grids/versions.ts";
import type { Actor } from "../grids/write.ts";
import { sharesOf, targetsOf, teamsOf, writeTeams } from "./carry-over.ts";
import { type Impact, impactOf } from "./impact.ts";
import { type Rerouted, rerouteAndLog } from "./reroute.ts";
import { intArray, type PersonRow, type Snapshot, snapshotOf, type UnitRow } from "./snapshot.ts";
import { type FoldedTask, type MovedTo, moveWork } from "./work.ts";

export interface Plan {
  kind: RestructuringKind;
  communityId: number;
  /** The grids the change replaces or reshapes: their teams and work move. */
  before: number[];
  /** Old grid id → code of the grid that is to take its team and work (the coordinator's choice). */
  carryOver?: Record<string, string> | undefined;
}

/** Everything undo needs, stored with the restructuring. */
export interface UndoData {
  grids: Snapshot["grids"];
  units: UnitRow[];
  people: PersonRow[];
  created: number[];
  problems: Rerouted[];
  movedDays: MovedTo[];
  movedTasks: MovedTo[];
  folded: FoldedTask[];
  /** Every grid it touched, at the version it left: undo needs them unchanged since. */
  versions: Record<string, number>;
  /** The community's grids at the version it found them (an undo hands older ones the new versions). */
  versionsBefore: Record<string, number>;
}

export interface Restructured {
  restructuringId: number;
  gridIds: number[];
  impact: Impact;
}

/** Runs `change` (which returns the resulting grids) as one restructuring, inside `tx`. */
export async function restructure(
  tx: Executor,
  actor: Actor,
  plan: Plan,
  change: () => Promise<number[]>,
): Promise<Restructured> {
  const snapshot = await snapshotOf(tx, plan.communityId, plan.before);
  const gridIds = await change();
  const live = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM grids WHERE community_id = ${plan.communityId} AND deleted_at IS NULL ORDER BY id`,
  );
  // After a delete the neighbours take the work; otherwise the grids the change made.
  const receivers = plan.kind === "delete" ? live.map((g) => g.id) : gridIds;
  const shares = await sharesOf(tx, snapshot, receivers);
  const targets = targetsOf(snapshot, shares, plan.carryOver);
  const stranded = [...snapshot.days, ...snapshot.tasks].some((w) => !targets.has(w.gridId));
  if (stranded) throw new AppError(422, "no_receiver", { key: "error.restructuring_no_receiver" });
  const teams = teamsOf(snapshot, shares, targets, receivers);
  const gone = plan.before.filter((id) => !live.some((g) => g.id === id));
  const changed = await writeTeams(tx, actor.cityId, snapshot, teams, gone);
  if (changed.length) {
    await tx.execute(
      sql`UPDATE grids SET version = version + 1, updated_at = now() WHERE id = ANY(${intArray(changed)})`,
    );
    await recordVersions(tx, actor.cityId, changed, "assign", actor.userId);
  }
  const work = await moveWork(tx, snapshot.days, snapshot.tasks, targets);
  const problems = await rerouteAndLog(tx, actor, snapshot.problems);
  const touched = [...new Set([...plan.before, ...receivers])];
  const versions = await selectRows<{ id: number; version: number }>(
    tx,
    sql`SELECT id, version FROM grids WHERE id = ANY(${intArray(touched)})`,
  );
  const undo: UndoData = {
    grids: snapshot.grids,
    units: snapshot.units,
    people: snapshot.people,
    created: gridIds.filter((id) => !plan.before.includes(id)),
    problems,
    ...work,
    versions: Object.fromEntries(versions.map((v) => [String(v.id), v.version])),
    versionsBefore: snapshot.versions,
  };
  const [row] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO restructurings (city_id, community_id, kind, created_by, grids_before, grids_after, undo)
        VALUES (${actor.cityId}, ${plan.communityId}, ${plan.kind}, ${actor.userId},
                ${intArray(plan.before)}, ${intArray(gridIds)}, ${JSON.stringify(undo)}::jsonb)
        RETURNING id`,
  );
  if (!row) throw new Error("the restructuring was not recorded");
  const impact = await impactOf(tx, snapshot, shares, targets, receivers, problems);
  return { restructuringId: row.id, gridIds, impact };
}
