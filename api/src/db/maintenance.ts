// Planner statistics kept fresh whoever writes. Without them a query planned on an empty table's
// estimates (after a bulk load, before any ANALYZE) picks nested loops over hundreds of thousands
// of rows: the leaders' hotspots took 37 s on the server and froze the embedded engine for minutes
// right after importing 100,000 problems, and 0.2 s after a 1.7 s ANALYZE.
//
// - A bulk writer (the problem import, the seeds, the scale generator) analyzes the tables it
//   touched at its end; a grid or community import and a restructuring analyze those of the
//   tables they touched that went stale (freshenStatistics: a split of one grid costs one look at
//   pg_class, not an ANALYZE of a million problems).
// - PGlite has no autovacuum, and it keeps no per-table change counters either
//   (pg_stat_user_tables.n_mod_since_analyze stays 0), so the embedded engine's schedule compares
//   each table's size on disk with the size its last VACUUM/ANALYZE recorded (pg_class.relpages)
//   and vacuums and analyzes the tables that grew or shrank by more than a tenth.
// - On a server, autovacuum does this; the start-up log says so when it is off.
import { sql } from "drizzle-orm";
import { type Db, type Executor, type Orm, selectRows } from "./client.ts";
import { runEveryPeriod } from "./scheduled.ts";

/** The tables whose statistics the hot reads depend on; a bulk writer names those it touched. */
export const analyzedTables = [
  "problems",
  "problem_cell_days",
  "rectification_events",
  "grids",
  "grid_units",
  "grid_people",
  "inspection_points",
  "communities",
  "units",
] as const;
export type AnalyzedTable = (typeof analyzedTables)[number];

/** A table whose size changed by more than this share since its statistics were taken is stale. */
export const STALE_SHARE = 0.1;
/** …and by at least this many 8 KB pages (a tiny table's growth is not worth a pass). */
const STALE_MIN_PAGES = 16;

/** ANALYZE the named tables (outside any transaction the caller still has open). */
export async function analyze(db: Pick<Db, "orm">, tables: readonly AnalyzedTable[]) {
  if (tables.length === 0) return;
  // The names come from the closed list above, never from a request.
  await db.orm.execute(sql.raw(`ANALYZE ${[...new Set(tables)].join(", ")}`));
}

/** The tables whose size on disk moved away from the size their last statistics saw. */
export async function staleTables(executor: Pick<Executor, "execute">): Promise<AnalyzedTable[]> {
  const rows = await selectRows<{ name: AnalyzedTable }>(
    executor,
    sql`SELECT c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'
        AND c.relname IN (${sql.join(
          analyzedTables.map((t) => sql`${t}`),
          sql`, `,
        )})
        AND abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages)
          > greatest(${STALE_MIN_PAGES}::int, c.relpages * ${STALE_SHARE}::float8)`,
  );
  return rows.map((r) => r.name);
}

/**
 * ANALYZE those of the tables a write touched whose statistics went stale (after its commit:
 * ANALYZE inside the writer's transaction would hold it open for the sampling).
 */
export async function freshenStatistics(
  orm: Orm,
  touched: readonly AnalyzedTable[],
): Promise<AnalyzedTable[]> {
  const stale = (await staleTables(orm)).filter((t) => touched.includes(t));
  await analyze({ orm }, stale);
  return stale;
}

/**
 * Runs a service (one transaction) and then freshens the statistics of the tables it touched:
 * for the grid and community imports and the restructurings.
 */
export function thenFreshen<A extends unknown[], R>(
  service: (orm: Orm, ...args: A) => Promise<R>,
  touched: readonly AnalyzedTable[],
): (orm: Orm, ...args: A) => Promise<R> {
  return async (orm, ...args) => {
    const result = await service(orm, ...args);
    await freshenStatistics(orm, touched);
    return result;
  };
}

/** What a restructuring (or a grid or community import) writes: grids, their teams, problems. */
export const restructuredTables: readonly AnalyzedTable[] = [
  "grids",
  "grid_units",
  "grid_people",
  "communities",
  "problems",
  "problem_cell_days",
  "rectification_events",
];

/**
 * The embedded engine's stand-in for autovacuum: VACUUM (ANALYZE) each stale table. VACUUM runs
 * outside a transaction and holds PGlite's one connection while it runs, so one table at a time,
 * letting queued requests in between.
 */
export async function vacuumStale(db: Db): Promise<AnalyzedTable[]> {
  const stale = await staleTables(db.orm);
  for (const table of stale) await db.orm.execute(sql.raw(`VACUUM (ANALYZE) ${table}`));
  return stale;
}

/** How often the embedded engine looks for stale tables. */
export const EMBEDDED_MAINTENANCE_MINUTES = 10;

/**
 * Starts the background statistics upkeep for this engine; on a server it only reports, once,
 * when autovacuum (or the counters it needs) is off. Returns a function that stops it.
 */
export async function startMaintenance(db: Db, log: (line: string) => void): Promise<() => void> {
  if (db.engine === "postgres") {
    const [settings] = await selectRows<{ autovacuum: string; track_counts: string }>(
      db.orm,
      sql`SELECT current_setting('autovacuum') AS autovacuum,
        current_setting('track_counts') AS track_counts`,
    );
    if (settings?.autovacuum !== "on" || settings.track_counts !== "on") {
      log(
        "warning: the server's autovacuum is off (autovacuum or track_counts): planner statistics " +
          "go stale after bulk writes; turn it on, or run ANALYZE after large imports",
      );
    }
    return () => {};
  }
  // Through the one "once per period" helper (db/scheduled.ts): one pass at start (in the
  // background: start-up and a first start's demo load need not wait), then every period.
  return runEveryPeriod(
    db,
    "vacuum-analyze",
    EMBEDDED_MAINTENANCE_MINUTES * 60_000,
    async () => {
      const done = await vacuumStale(db);
      if (done.length) log(`vacuumed and analyzed ${done.join(", ")}`);
    },
    log,
  );
}
