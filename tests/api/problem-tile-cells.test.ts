// Problem tiles at city zoom (issue 23, item 2), on both engines: the whole city's cells come from
// the rollup problem_tile_cells (migration 0038), a unit's or a volunteer's from their problems.
// Either way a tile's cells and counts must equal those worked out from each problem directly
// (ST_Transform into the tile, 64 × 64 cells), after inserts, steps, deadline changes, moves,
// deletes and a restructuring that moves problems between grids and units; and across the daily
// fold of past deadline days (migration 0039), with writes made "days ago" (a clock moved back
// for a transaction) before it and writes to the folded problems after it.
import { routeProblems, selectRows } from "@civgrid/api";
import { type SQL, sql } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import type { Orm } from "../../api/src/db/client.ts";
import { foldTileCells, startTileCellsFold } from "../../api/src/tiles/fold.ts";
import { type Client, describeEachEngine } from "./engines.ts";
import { tileAt } from "./tile-math.ts";
import { decodeTile } from "./vector-tiles.ts";

interface Cell {
  id: number;
  count: number;
  openCount: number;
  overdueCount: number;
}

describeEachEngine("problem tiles at city zoom", (ctx) => {
  let centre: [number, number] | undefined;

  /** The rollup beside a fresh count of the problems: equal when the triggers kept it. */
  const rollupAgrees = async () => {
    // A day already past and '-infinity' both mean "overdue since before today": compared as one.
    const rows = await selectRows<{ key: string; rolled: number | null; counted: number | null }>(
      ctx().db.orm,
      sql`WITH rolled AS (
          SELECT city_id, zoom, "column", "row", open,
            CASE WHEN due < civgrid_china_day(now()) THEN date '-infinity' ELSE due END AS due,
            sum(problems)::int AS problems
          FROM problem_tile_cells GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(problems) <> 0),
        counted AS (
          SELECT p.city_id, z.zoom::smallint AS zoom, civgrid_tile_column(ST_X(p.location), z.zoom) AS "column",
            civgrid_tile_row(ST_Y(p.location), z.zoom) AS "row", p.status NOT IN ('closed', 'ledger') AS open,
            civgrid_tile_due(p.status, p.deadline) AS due, count(*)::int AS problems
          FROM problems p CROSS JOIN (VALUES (10), (11), (12)) z(zoom) GROUP BY 1, 2, 3, 4, 5, 6)
        SELECT concat_ws('/', zoom, "column", "row", open, due) AS key, r.problems AS rolled,
          c.problems AS counted
        FROM rolled r FULL JOIN counted c USING (city_id, zoom, "column", "row", open, due)
        WHERE r.problems IS DISTINCT FROM c.problems`,
    );
    expect(rows).toEqual([]);
    const [empty] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problem_tile_cells WHERE problems = 0`,
    );
    expect(empty!.n).toBe(0);
  };

  /** The tile's cells worked out from each problem the condition picks (alias p). */
  const expectedCells = (z: number, x: number, y: number, which: SQL) =>
    selectRows<Cell>(
      ctx().db.orm,
      sql`WITH env AS (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS e),
        cells AS (SELECT floor((ST_X(m) - ST_XMin(e)) * 64 / (ST_XMax(e) - ST_XMin(e))) AS cx,
            floor((ST_YMax(e) - ST_Y(m)) * 64 / (ST_XMax(e) - ST_XMin(e))) AS cy, status, deadline
          FROM (SELECT ST_Transform(p.location, 3857) AS m, p.status, p.deadline FROM problems p
            WHERE ${which}) p, env)
        SELECT (cy * 64 + cx + 1)::int AS id, count(*)::int AS count,
          count(*) FILTER (WHERE status NOT IN ('closed', 'ledger'))::int AS "openCount",
          count(*) FILTER (WHERE deadline < now() AND status NOT IN ('closed', 'ledger'))::int
            AS "overdueCount"
        FROM cells WHERE cx BETWEEN 0 AND 63 AND cy BETWEEN 0 AND 63
        GROUP BY 1 ORDER BY 1`,
    );

  const drawnCells = async (client: Client, z: number, x: number, y: number) => {
    const tile = await decodeTile(client, `/tiles/problems/${z}/${x}/${y}.mvt`);
    return tile.features
      .map((f) => ({
        id: Number(f.id),
        count: f.properties.count,
        openCount: f.properties.openCount,
        overdueCount: f.properties.overdueCount,
      }))
      .sort((a, b) => a.id - b.id);
  };

  /** At z8 (summed z10 cells) and z10–z12 around the centre, the tiles match the problems. */
  const tilesAgree = async (client: Client, which: SQL) => {
    if (!centre) {
      const [middle] = await selectRows<{ lon: number; lat: number }>(
        ctx().db.orm,
        sql`SELECT avg(ST_X(location)) AS lon, avg(ST_Y(location)) AS lat FROM problems`,
      );
      centre = [Number(middle!.lon), Number(middle!.lat)];
    }
    let cells = 0;
    for (const z of [8, 10, 11, 12]) {
      const { x, y } = tileAt(centre[0], centre[1], z);
      const expected = await expectedCells(z, x, y, which);
      cells += expected.length;
      expect(await drawnCells(client, z, x, y), `z${z}`).toEqual(expected);
    }
    return cells;
  };

  const city = () => sql`p.city_id = ${ctx().cityId}`;

  /**
   * Runs writes as if the clock read `shift` (an interval, e.g. '-3 days') from now: a schema whose
   * now() answers so comes before pg_catalog in the transaction's search_path, so the statements
   * and the triggers they fire (civgrid_tile_due's "today") all see the moved clock.
   */
  const asOf = async (shift: string, writes: (tx: Orm) => Promise<unknown>) => {
    const { orm } = ctx().db;
    await orm.execute(sql`CREATE SCHEMA IF NOT EXISTS moved_clock`);
    await orm.execute(sql`CREATE OR REPLACE FUNCTION moved_clock.now() RETURNS timestamptz
      LANGUAGE sql STABLE AS $$
        SELECT pg_catalog.now() + current_setting('moved_clock.shift')::interval
      $$`);
    await orm.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('moved_clock.shift', ${shift}, true)`);
      await tx.execute(sql`SET LOCAL search_path TO moved_clock, pg_catalog, public`);
      const [clock] = await selectRows<{ moved: boolean }>(
        tx,
        sql`SELECT now() < pg_catalog.now() - interval '1 hour' AS moved`,
      );
      expect(clock!.moved, "the moved clock is in force").toBe(true);
      await writes(tx as unknown as Orm);
    });
  };

  /** Rows of deadline days already past (what the fold folds). */
  const pastDayRows = async () => {
    const [row] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problem_tile_cells
        WHERE due > date '-infinity' AND due < civgrid_china_day(now())`,
    );
    return row!.n;
  };

  it("draws the city's cells as counting its problems does, whatever is written", async () => {
    const { orm } = ctx().db;
    await rollupAgrees();
    expect(await tilesAgree(ctx(), city())).toBeGreaterThan(4);
    const [lon, lat] = centre!;

    // Open problems overdue since yesterday, since a minute ago (today, China time), due in an
    // hour and due next week: the overdue count's two halves both have something to count.
    await orm.execute(
      sql`UPDATE problems SET deadline = now() + (ARRAY[interval '-1 day', interval '-1 minute',
            interval '1 hour', interval '7 days'])[1 + id % 4]
          WHERE status NOT IN ('closed', 'ledger', 'reported')`,
    );
    const [overdue] = await selectRows<{ today: number; before: number }>(
      orm,
      sql`SELECT count(*) FILTER (WHERE civgrid_china_day(deadline) = civgrid_china_day(now()))::int AS today,
          count(*) FILTER (WHERE civgrid_china_day(deadline) < civgrid_china_day(now()))::int AS before
        FROM problems WHERE deadline < now() AND status NOT IN ('closed', 'ledger')`,
    );
    expect(overdue!.before).toBeGreaterThan(0);
    await rollupAgrees();
    await tilesAgree(ctx(), city());

    // New problems (one already overdue, one closed), near the centre; some closed, some moved
    // across the city, some deleted.
    await orm.execute(sql`INSERT INTO problems (city_id, source, status, description, location,
        deadline, reported_at)
      SELECT ${ctx().cityId}, 'patrol', (ARRAY['dispatched', 'closed', 'rectifying'])[1 + n % 3],
        '切片测试', ST_SetSRID(ST_MakePoint(${lon} + (n % 7) * 0.003, ${lat} + (n / 7) * 0.003), 4326),
        now() + (n - 10) * interval '5 hours', now()
      FROM generate_series(1, 30) n`);
    await rollupAgrees();
    await tilesAgree(ctx(), city());
    await orm.execute(
      sql`UPDATE problems SET status = 'closed', closed_at = now() WHERE id IN (
        SELECT id FROM problems WHERE status NOT IN ('closed', 'ledger') ORDER BY id LIMIT 5)`,
    );
    await orm.execute(
      sql`UPDATE problems SET location = ST_SetSRID(ST_MakePoint(ST_X(location) + 0.02,
        ST_Y(location) - 0.01), 4326) WHERE id % 5 = 0`,
    );
    await orm.execute(sql`UPDATE problems SET description = description || '。' WHERE id % 3 = 0`);
    await rollupAgrees();
    await tilesAgree(ctx(), city());
    await orm.execute(sql`DELETE FROM problems WHERE description LIKE '切片测试%' AND id % 2 = 0`);
    await rollupAgrees();
    await tilesAgree(ctx(), city());
  });

  it("keeps to scope: a unit admin's cells are their unit's problems, before and after a restructuring", async () => {
    const { orm } = ctx().db;
    const unitAdmin = await ctx().as("unitadmin");
    const [me] = await selectRows<{ unitId: number }>(
      orm,
      sql`SELECT unit_id AS "unitId" FROM users WHERE username = 'unitadmin'`,
    );
    const theirs = () => sql`p.city_id = ${ctx().cityId} AND p.unit_id = ${me!.unitId}`;
    const all = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM problems p WHERE ${city()}`,
    );
    const mine = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM problems p WHERE ${theirs()}`,
    );
    expect(mine[0]!.n).toBeGreaterThan(0);
    expect(mine[0]!.n).toBeLessThan(all[0]!.n);
    expect(await tilesAgree(unitAdmin, theirs())).toBeGreaterThan(0);

    // A restructuring moves grids; routing the problems again moves them between grids and units
    // (as restructurings/reroute.ts does), not between cells.
    await orm.execute(sql`WITH pair AS (SELECT id, geom, row_number() OVER (ORDER BY id) AS k
          FROM grids WHERE city_id = ${ctx().cityId} AND deleted_at IS NULL ORDER BY id LIMIT 2)
        UPDATE grids g SET geom = other.geom FROM pair mine, pair other
        WHERE g.id = mine.id AND other.k = 3 - mine.k`);
    const before = await selectRows<{ id: number; gridId: number | null }>(
      orm,
      sql`SELECT id, grid_id AS "gridId" FROM problems WHERE city_id = ${ctx().cityId} ORDER BY id`,
    );
    await routeProblems(
      orm,
      ctx().cityId,
      before.map((p) => p.id),
    );
    const after = await selectRows<{ id: number; gridId: number | null }>(
      orm,
      sql`SELECT id, grid_id AS "gridId" FROM problems WHERE city_id = ${ctx().cityId} ORDER BY id`,
    );
    expect(after.filter((p, i) => p.gridId !== before[i]!.gridId).length).toBeGreaterThan(0);
    await rollupAgrees();
    await tilesAgree(unitAdmin, theirs());
    await tilesAgree(ctx(), city());
    // A volunteer's tile holds only their grids' problems and their own reports.
    const volunteer = await ctx().as("volunteer");
    const [person] = await selectRows<{ id: number; grids: number[] }>(
      orm,
      sql`SELECT u.id, coalesce(array_agg(gp.grid_id) FILTER (WHERE gp.grid_id IS NOT NULL), '{}') AS grids
        FROM users u LEFT JOIN grid_people gp ON gp.person_id = u.person_id
        WHERE u.username = 'volunteer' GROUP BY u.id`,
    );
    await tilesAgree(
      volunteer,
      sql`p.city_id = ${ctx().cityId} AND (p.grid_id = ANY(${sql.raw(`ARRAY[${person!.grids.join(",") || "0"}]::int[]`)})
        OR p.reported_by = ${person!.id})`,
    );
  });

  it("folds past deadline days into the overdue rows, and stays exact for writes before and after", async () => {
    const { orm } = ctx().db;
    await rollupAgrees();
    const [lon, lat] = centre ?? [117.16, 35.08];
    // Three days ago: deadlines set one to four days ahead (so due two days ago … tomorrow), and
    // new problems due then, near the centre; two days ago, some of them stepped on and moved.
    await asOf("-3 days", async (tx) => {
      await tx.execute(
        sql`UPDATE problems SET deadline = now() + (1 + id % 4) * interval '1 day'
          WHERE status NOT IN ('closed', 'ledger', 'reported')`,
      );
      await tx.execute(sql`INSERT INTO problems (city_id, source, status, description, location,
          deadline, reported_at)
        SELECT ${ctx().cityId}, 'patrol', (ARRAY['dispatched', 'rectifying', 'submitted'])[1 + n % 3],
          '折叠测试', ST_SetSRID(ST_MakePoint(${lon} + (n % 6) * 0.004, ${lat} + (n / 6) * 0.004), 4326),
          now() + (n % 4) * interval '1 day' + interval '1 hour', now()
        FROM generate_series(1, 36) n`);
    });
    await asOf("-2 days", async (tx) => {
      await tx.execute(
        sql`UPDATE problems SET status = 'rectifying' WHERE description = '折叠测试' AND id % 5 = 0`,
      );
      await tx.execute(
        sql`UPDATE problems SET location = ST_SetSRID(ST_MakePoint(ST_X(location) - 0.01,
          ST_Y(location) + 0.005), 4326) WHERE description = '折叠测试' AND id % 7 = 0`,
      );
    });
    expect(await pastDayRows(), "rows of days now past").toBeGreaterThan(0);
    await rollupAgrees();
    await tilesAgree(ctx(), city());

    // The fold: no past day's row is left, and every count is what it was.
    expect(await foldTileCells(ctx().db)).toBeGreaterThan(0);
    expect(await pastDayRows()).toBe(0);
    await rollupAgrees();
    await tilesAgree(ctx(), city());

    // Writes to problems whose day was folded: closed, moved, deleted, given a deadline ahead or
    // another past one; and others' deadlines moved into the past.
    const folded = sql`description = '折叠测试' AND deadline < now() AND status <> 'closed'`;
    await orm.execute(
      sql`UPDATE problems SET status = 'closed', closed_at = now() WHERE ${folded} AND id % 3 = 0`,
    );
    await orm.execute(
      sql`UPDATE problems SET location = ST_SetSRID(ST_MakePoint(ST_X(location) + 0.03,
        ST_Y(location) - 0.02), 4326) WHERE ${folded} AND id % 3 = 1`,
    );
    await orm.execute(
      sql`UPDATE problems SET deadline = now() + interval '2 days' WHERE ${folded} AND id % 5 = 2`,
    );
    await orm.execute(
      sql`UPDATE problems SET deadline = deadline - interval '4 days' WHERE ${folded} AND id % 5 = 4`,
    );
    await orm.execute(sql`DELETE FROM problems WHERE ${folded} AND id % 4 = 2`);
    await orm.execute(
      sql`UPDATE problems SET deadline = now() - interval '5 days'
        WHERE description = '折叠测试' AND deadline > now() AND id % 2 = 0`,
    );
    await rollupAgrees();
    await tilesAgree(ctx(), city());

    // A transaction begun the day before, writing after the fold: its "today" is yesterday, so it
    // writes yesterday's row again; the sums still hold, and the next fold takes the row.
    await asOf("-1 day", (tx) =>
      tx.execute(sql`INSERT INTO problems (city_id, source, status, description, location,
          deadline, reported_at)
        SELECT ${ctx().cityId}, 'citizen', 'dispatched', '折叠测试', ST_SetSRID(ST_MakePoint(
          ${lon} + n * 0.002, ${lat}), 4326), now() + interval '1 second', now()
        FROM generate_series(1, 5) n`),
    );
    expect(await pastDayRows()).toBeGreaterThan(0);
    await rollupAgrees();
    await tilesAgree(ctx(), city());

    // The scheduled fold: one run a China day across processes, at start when none ran today.
    const lines: string[] = [];
    const stops = [startTileCellsFold(ctx().db, (l) => lines.push(l))];
    await vi.waitFor(async () => expect(await pastDayRows()).toBe(0), { timeout: 10_000 });
    stops.push(startTileCellsFold(ctx().db, (l) => lines.push(l)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const stop of stops) stop();
    expect(lines.filter((l) => l.includes("folded"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("failed"))).toEqual([]);
    const [runs] = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM scheduled_runs WHERE job = 'tile-cells-fold'`,
    );
    expect(runs!.n).toBe(1);
    await rollupAgrees();
    await tilesAgree(ctx(), city());
    // Folding again folds nothing.
    expect(await foldTileCells(ctx().db)).toBe(0);
  });
});
