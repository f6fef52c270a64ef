// The data model as both engines hold it: PostGIS columns and indexes, append-only history,
// transactions that do not interleave, routing by location.
import { routeProblems, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine, failureOf } from "./engines.ts";

describeEachEngine("data model", (ctx) => {
  it("stores every geometry in SRID 4326 with a GiST index", async () => {
    const columns = await selectRows<{ table: string; column: string; srid: number; type: string }>(
      ctx().db.orm,
      sql`SELECT f_table_name AS table, f_geometry_column AS column, srid, type
          FROM geometry_columns WHERE f_table_schema = 'public' ORDER BY 1, 2`,
    );
    expect(columns.map((c) => `${c.table}.${c.column}:${c.type}:${c.srid}`)).toEqual([
      "communities.geom:MULTIPOLYGON:4326",
      "dedication_signups.check_in_location:POINT:4326",
      "files.exif_location:POINT:4326",
      "grid_versions.geom:MULTIPOLYGON:4326",
      "grids.geom:MULTIPOLYGON:4326",
      "inspection_points.location:POINT:4326",
      "open311_requests.location:POINT:4326",
      "patrol_points.location:POINT:4326",
      "patrols.track:LINESTRING:4326",
      "problems.location:POINT:4326",
      "regions.geom:MULTIPOLYGON:4326",
      "regions.label_point:POINT:4326",
      "units.location:POINT:4326",
    ]);
    const gist = await selectRows<{ indexname: string }>(
      ctx().db.orm,
      sql`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gist%' ORDER BY 1`,
    );
    expect(gist.map((g) => g.indexname)).toEqual(
      expect.arrayContaining([
        "communities_geom_gist",
        "grids_geom_gist",
        "patrols_track_gist",
        "problems_location_gist",
      ]),
    );
  });

  it("refuses to rewrite rectification history or the audit log", async () => {
    const { orm } = ctx().db;
    expect(
      await failureOf(orm.execute(sql`UPDATE rectification_events SET note = 'rewritten'`)),
    ).toMatch(/rectification_events is append-only/);
    expect(await failureOf(orm.execute(sql`DELETE FROM audit_log`))).toMatch(
      /audit_log is append-only/,
    );
    const [audit] = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM audit_log`,
    );
    expect(audit?.n).toBeGreaterThan(0);
  });

  it("refuses an invalid grid polygon (a self-intersecting bow tie)", async () => {
    const { orm } = ctx().db;
    const bowTie = JSON.stringify({
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [117.1, 35.1],
            [117.2, 35.2],
            [117.2, 35.1],
            [117.1, 35.2],
            [117.1, 35.1],
          ],
        ],
      ],
    });
    const failure = await failureOf(
      orm.execute(sql`INSERT INTO grids (city_id, community_id, code, name, geom)
        SELECT city_id, id, '370481999999999', 'bow tie', ST_SetSRID(ST_GeomFromGeoJSON(${bowTie}), 4326)
        FROM communities LIMIT 1`),
    );
    expect(failure).toMatch(/grids_geom_valid/);
  });

  it("rolls a failed transaction back completely", async () => {
    const { orm } = ctx().db;
    const count = async () =>
      (
        await selectRows<{ n: number }>(orm, sql`SELECT count(*)::int AS n FROM volunteer_branches`)
      )[0]?.n;
    const before = await count();
    await expect(
      orm.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO volunteer_branches (city_id, name, focus)
          VALUES (${ctx().cityId}, '临时支队', '测试')`);
        await tx.execute(sql`SELECT 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it("runs concurrent transactions without interleaving their statements", async () => {
    const { orm } = ctx().db;
    await orm.execute(
      sql`CREATE TABLE IF NOT EXISTS interleave_probe (city_id int, tx int, step int, seen int)`,
    );
    // Each transaction reads the row count, waits, then writes; interleaving would make two see the same.
    await Promise.all(
      [1, 2, 3, 4].map((tx) =>
        orm.transaction(async (t) => {
          if (ctx().db.engine === "postgres")
            await t.execute(sql`LOCK TABLE interleave_probe IN EXCLUSIVE MODE`);
          const [row] = await selectRows<{ n: number }>(
            t,
            sql`SELECT count(*)::int AS n FROM interleave_probe`,
          );
          await new Promise((resolve) => setTimeout(resolve, 20));
          await t.execute(sql`INSERT INTO interleave_probe VALUES (0, ${tx}, 1, ${row?.n ?? -1})`);
        }),
      ),
    );
    const seen = await selectRows<{ seen: number }>(
      orm,
      sql`SELECT seen FROM interleave_probe ORDER BY seen`,
    );
    expect(seen.map((r) => r.seen)).toEqual([0, 1, 2, 3]);
    await orm.execute(sql`DROP TABLE interleave_probe`);
  });

  it("routes a problem to the grid that contains it, and one outside every grid to the nearest, flagged", async () => {
    const { orm } = ctx().db;
    const [grid] = await selectRows<{ id: number; lon: number; lat: number; lead: number }>(
      orm,
      sql`SELECT g.id, ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            (SELECT unit_id FROM grid_units WHERE grid_id = g.id AND role = 'lead') AS lead
          FROM grids g ORDER BY g.id LIMIT 1`,
    );
    const insert = async (lon: number, lat: number) => {
      const [row] = await selectRows<{ id: number }>(
        orm,
        sql`INSERT INTO problems (city_id, source, description, location)
            VALUES (${ctx().cityId}, 'patrol', '测试问题', ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))
            RETURNING id`,
      );
      return row!.id;
    };
    const inside = await insert(grid!.lon, grid!.lat);
    const outside = await insert(grid!.lon + 0.2, grid!.lat + 0.2);
    const routed = await routeProblems(orm, ctx().cityId, [inside, outside]);
    expect(routed).toEqual({ contained: 1, nearest: 1 });
    const flagged = await ctx().request(`/api/problems/${outside}`);
    expect(flagged.body.properties.routedToNearest).toBe(true);

    const [row] = await selectRows<{
      grid_id: number;
      unit_id: number;
      routed_to_nearest: boolean;
    }>(orm, sql`SELECT grid_id, unit_id, routed_to_nearest FROM problems WHERE id = ${inside}`);
    expect(row).toEqual({ grid_id: grid!.id, unit_id: grid!.lead, routed_to_nearest: false });
  });
});
