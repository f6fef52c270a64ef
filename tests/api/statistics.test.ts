// Planner statistics kept fresh whoever writes (api/src/db/maintenance.ts), on both engines: a
// bulk import analyzes what it loaded; rows written behind the app's back (a script, a restore)
// make their table stale, and the embedded engine's background pass vacuums and analyzes it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  freshenStatistics,
  staleTables,
  startMaintenance,
  vacuumStale,
} from "../../api/src/db/maintenance.ts";
import { importProblems } from "../../api/src/problems/bulk-import.ts";
import { describeEachEngine } from "./engines.ts";

describeEachEngine("planner statistics", (ctx) => {
  /** What the planner believes about problems beside what is there. */
  const problemStats = async () => {
    const [row] = await selectRows<{ estimated: number; actual: number }>(
      ctx().db.orm,
      sql`SELECT (SELECT reltuples FROM pg_class WHERE relname = 'problems'
            AND relnamespace = current_schema()::regnamespace)::float8 AS estimated,
          (SELECT count(*) FROM problems)::float8 AS actual`,
    );
    return row!;
  };

  /** pg_stat_user_tables.last_analyze of problems and their rollup (null: never analyzed). */
  const lastAnalyzed = async () => {
    const rows = await selectRows<{ name: string; at: string | null }>(
      ctx().db.orm,
      sql`SELECT relname AS name, greatest(last_analyze, last_autoanalyze)::text AS at
        FROM pg_stat_user_tables WHERE relname IN ('problems', 'problem_cell_days')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.at])) as Record<
      "problems" | "problem_cell_days",
      string | null
    >;
  };

  it("marks a table stale after a large write behind the app's back, and the pass freshens it", async () => {
    await vacuumStale(ctx().db);
    expect(await staleTables(ctx().db.orm)).not.toContain("problems");
    // A script's INSERT … SELECT: eight times the demo's problems, no ANALYZE after it.
    await ctx().db.orm.execute(
      sql`INSERT INTO problems (city_id, source, severity, status, description, location,
            reported_at, deadline, item_id, deduction)
          SELECT city_id, source, severity, status, description || ' (copy)', location,
            reported_at, deadline, item_id, deduction
          FROM problems, generate_series(1, greatest(8, 10000 / (SELECT count(*) FROM problems)::int))`,
    );
    const before = await problemStats();
    expect(before.estimated).toBeLessThan(before.actual * 0.5);
    expect(await staleTables(ctx().db.orm)).toContain("problems");
    expect(await vacuumStale(ctx().db)).toContain("problems");
    expect(await staleTables(ctx().db.orm)).toEqual([]);
    const after = await problemStats();
    expect(Math.abs(after.estimated - after.actual)).toBeLessThanOrEqual(after.actual * 0.1);
  });

  it("leaves the statistics fresh after a bulk import, with no manual step", async () => {
    const [box] = await selectRows<{ w: number; s: number; e: number; n: number }>(
      ctx().db.orm,
      sql`SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n
        FROM (SELECT ST_Extent(geom) AS x FROM grids WHERE deleted_at IS NULL) g`,
    );
    const { w, s, e, n } = box!;
    const rows = 6_000;
    const lines = ["经度 lon,纬度 lat,描述 description"];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `${(w + ((e - w) * ((i * 7) % 97)) / 97).toFixed(6)},${(s + ((n - s) * ((i * 13) % 89)) / 89).toFixed(6)},统计 ${i}`,
      );
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), "civgrid-stats-")), "many.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const before = await lastAnalyzed();
    await importProblems(ctx().db, ctx().cityId, file);
    expect(await staleTables(ctx().db.orm)).not.toContain("problems");
    // The import's own ANALYZE, as the statistics views record it.
    const after = await lastAnalyzed();
    expect(after.problems).not.toBeNull();
    expect(after.problems).not.toBe(before.problems);
    expect(after.problem_cell_days).not.toBe(before.problem_cell_days);
    const stats = await problemStats();
    expect(Math.abs(stats.estimated - stats.actual)).toBeLessThanOrEqual(stats.actual * 0.1);
  });

  it("freshens after a restructuring only the touched tables that went stale", async () => {
    await vacuumStale(ctx().db);
    expect(await freshenStatistics(ctx().db.orm, ["problems", "grids"])).toEqual([]);
    await ctx().db.orm.execute(
      sql`INSERT INTO problems (city_id, source, severity, status, description, location,
            reported_at, deadline, item_id, deduction)
          SELECT city_id, source, severity, status, description || ' (again)', location,
            reported_at, deadline, item_id, deduction
          FROM problems, generate_series(1, 2)`,
    );
    expect(await staleTables(ctx().db.orm)).toContain("problems");
    // A write that touched only grids leaves the problems' statistics to the background pass.
    expect(await freshenStatistics(ctx().db.orm, ["grids"])).toEqual([]);
    expect(await staleTables(ctx().db.orm)).toContain("problems");
    const before = await lastAnalyzed();
    expect(await freshenStatistics(ctx().db.orm, ["grids", "problems"])).toEqual(["problems"]);
    expect(await staleTables(ctx().db.orm)).toEqual([]);
    expect((await lastAnalyzed()).problems).not.toBe(before.problems);
  });

  it("runs the background upkeep through the once-per-period schedule (embedded) or not at all (server)", async () => {
    const lines: string[] = [];
    const stop = await startMaintenance(ctx().db, (line) => lines.push(line));
    stop();
    const claims = async () => {
      const [row] = await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM scheduled_runs WHERE job = 'vacuum-analyze'`,
      );
      return row!.n;
    };
    if (ctx().db.engine === "pglite") {
      await expect.poll(claims).toBe(1);
    } else {
      expect(await claims()).toBe(0);
      // The start-up log warns exactly when the server's autovacuum is off.
      const [setting] = await selectRows<{ on: boolean }>(
        ctx().db.orm,
        sql`SELECT current_setting('autovacuum') = 'on'
          AND current_setting('track_counts') = 'on' AS on`,
      );
      const warned = lines.some((l) => l.includes("autovacuum is off"));
      expect(warned).toBe(!setting!.on);
    }
    expect(lines.filter((l) => l.includes("failed"))).toEqual([]);
  });
});
