// The daily fold of the problem tile rollup (migration 0039): each city's rows of deadline days
// now past are added into its "overdue since before today" rows, so that a tile at city zoom sums
// a few rows a cell, not one per day a deadline ever fell on. Every process keeps the timer; each
// China day's run is claimed by one of them (db/scheduled.ts), soon after midnight China time, or
// at start by a process started later in a day nobody folded yet. Folding changes no count a tile
// shows (a past day and '-infinity' both mean overdue), so no tile's data version moves.
import { chinaClockInUtcMs } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { type Db, selectRows } from "../db/client.ts";
import { runEveryPeriod } from "../db/scheduled.ts";

const DAY_MS = 86_400_000;
/** China time the day's fold is due: just after the day before ends. */
export const FOLD_AT = "00:05";

/** Folds every city's past deadline days, one city (one statement) at a time; the rows folded. */
export async function foldTileCells(db: Pick<Db, "orm">): Promise<number> {
  const cities = await selectRows<{ id: number }>(db.orm, sql`SELECT id FROM cities ORDER BY id`);
  let folded = 0;
  for (const { id } of cities) {
    const [row] = await selectRows<{ rows: number }>(
      db.orm,
      sql`SELECT civgrid_problem_tile_cells_fold(${id}::int) AS rows`,
    );
    folded += row?.rows ?? 0;
  }
  return folded;
}

/** Starts the daily fold in this process; answers a function that stops it. */
export function startTileCellsFold(db: Db, log: (line: string) => void): () => void {
  return runEveryPeriod(
    db,
    "tile-cells-fold",
    DAY_MS,
    async () => {
      const folded = await foldTileCells(db);
      if (folded) log(`problem tile rollup: ${folded} rows of past deadline days folded`);
    },
    log,
    { offsetMs: chinaClockInUtcMs(FOLD_AT) },
  );
}
