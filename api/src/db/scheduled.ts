// Scheduled work with several app processes on one database (issue 20): each process keeps its
// own timer, and each period's run is claimed by inserting a row (job, period) — the first
// process to insert it runs the work, every other process's insert finds it and skips. So a job
// runs once per period across any number of processes, and a process that died mid-period costs
// at most that period's run. (An advisory lock only keeps two runs from overlapping; a period
// row also keeps a second process from running the same period again just after the first.)
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { selectRows } from "./client.ts";

/** This process in scheduled_runs.ran_by: host and process id. */
export const PROCESS_NAME = `${hostname()}:${process.pid}`;

/** Where periods start and how late into one its run may still begin. */
export interface PeriodOptions {
  /** Periods start this long after the epoch's multiples of the period (a daily job at 02:30 China time). */
  offsetMs?: number;
  /**
   * A period is claimed only in its first `lateByMs` (default: all of it): a process started long
   * after a daily slot began waits for the next slot instead of running at once.
   */
  lateByMs?: number;
}

/**
 * Claims the current period's run of the job: its number (periods counted from 1970 on the
 * database's clock, which every process shares) when this process is to run it, else null.
 */
export async function claimPeriod(
  db: Db,
  job: string,
  periodMs: number,
  options: PeriodOptions = {},
): Promise<number | null> {
  const offsetMs = options.offsetMs ?? 0;
  const lateByMs = options.lateByMs ?? periodMs;
  const [row] = await selectRows<{ period: string }>(
    db.orm,
    sql`WITH clock AS (
          SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 - ${offsetMs}::float8 AS ms
        )
        INSERT INTO scheduled_runs (job, period, ran_by)
        SELECT ${job}, floor(ms / ${periodMs}::float8), ${PROCESS_NAME} FROM clock
         WHERE ms - floor(ms / ${periodMs}::float8) * ${periodMs}::float8 < ${lateByMs}::float8
        ON CONFLICT DO NOTHING RETURNING period::text`,
  );
  if (row && Math.random() < 0.01) {
    await db.orm.execute(
      sql`DELETE FROM scheduled_runs WHERE started_at < now() - interval '30 days'`,
    );
  }
  return row ? Number(row.period) : null;
}

/**
 * Runs `work` once per period across every process: checks every period (and at once), runs when
 * it claims the period. Never two runs at once in one process; the timer keeps no process alive.
 */
export function runEveryPeriod(
  db: Db,
  job: string,
  periodMs: number,
  work: (period: number) => Promise<unknown>,
  log: (line: string) => void,
  options: PeriodOptions = {},
): () => void {
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    claimPeriod(db, job, periodMs, options)
      .then((period) => (period === null ? undefined : work(period)))
      .catch((error: unknown) => log(`${job} failed: ${String(error)}`))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  // A few times a period, so a period starting between two ticks is taken soon after it starts.
  const timer = setInterval(tick, Math.max(250, Math.min(periodMs / 4, 60_000)));
  timer.unref();
  return () => clearInterval(timer);
}
