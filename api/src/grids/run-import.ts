// What the grid and community imports share on the service side: every feature is checked inside
// one transaction, and, when the caller commits, saved in that same transaction (so the checks
// and the write see the same grids).
import type { GridProblem } from "@civgrid/geo";
import type { Feature } from "geojson";
import type { Executor, Orm } from "../db/client.ts";
import { freshenStatistics, restructuredTables } from "../db/maintenance.ts";
import type { Actor } from "./write.ts";

export type ImportOutcome<F, S> =
  | { committed: false; checked: F[] }
  | { committed: true; saved: S };

export async function checkAndSave<F extends { problems: GridProblem[] }, S>(
  orm: Orm,
  actor: Actor,
  features: Feature[],
  commit: boolean,
  check: (tx: Executor, actor: Actor, features: Feature[]) => Promise<F[]>,
  save: (tx: Executor, actor: Actor, checked: F[]) => Promise<S>,
): Promise<ImportOutcome<F, S>> {
  const outcome = await orm.transaction(async (tx): Promise<ImportOutcome<F, S>> => {
    const checked = await check(tx, actor, features);
    if (!commit) return { committed: false, checked };
    return { committed: true, saved: await save(tx, actor, checked) };
  });
  // A saved import may have replaced a community's grids (a restructuring): fresh statistics.
  if (outcome.committed) await freshenStatistics(orm, restructuredTables);
  return outcome;
}
