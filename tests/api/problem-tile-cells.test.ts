// Problem tiles at city zoom (issue 23, item 2), on both engines: the whole city's cells come from
// the rollup problem_tile_cells (migration 0038), a unit's or a volunteer's from their problems.
// Either way a tile's cells and counts must equal those worked out from each problem directly
// (ST_Transform into the tile, 64 × 64 cells), after inserts, steps, deadline changes, moves,
// deletes and a restructuring that moves problems between grids and units.
import { routeProblems, selectRows } from "@civgrid/api";
import { type SQL, sql } from "drizzle-orm";
import { expect, it } from "vitest";
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
});
