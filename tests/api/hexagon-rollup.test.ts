// The leaders' city-wide hexagons come from problem_cell_days, a rollup the database keeps on
// write. It must always equal the problems counted afresh, after any kind of write, and the map
// must give the same hexagons from it as from the problems themselves.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { bandForZoom } from "../../api/src/analytics/bands.ts";
import type { AnalyticsFilters } from "../../api/src/analytics/filters.ts";
import { hexagonCounts, hexagonSourceFor } from "../../api/src/analytics/hexagons.ts";
import type { Bbox } from "../../api/src/db/query-helpers.ts";
import type { Period } from "../../api/src/rankings/period.ts";
import { describeEachEngine } from "./engines.ts";

/** A place of its own, east of the demo city, for the problems these tests write. */
const EAST = { lon: 117.45, lat: 35.1 };

describeEachEngine("hexagon rollups kept on write", (ctx) => {
  const kept = () =>
    selectRows<Record<string, unknown>>(
      ctx().db.orm,
      sql`SELECT city_id, cell_size, cell::text, day::text, status, problems,
          points_lost::float8 AS lost
        FROM problem_cell_days ORDER BY 1, 2, 3, 4, 5`,
    );
  const recounted = () =>
    selectRows<Record<string, unknown>>(
      ctx().db.orm,
      sql`SELECT p.city_id, c.size AS cell_size, c.cell::text,
          (date '1970-01-01' + floor((extract(epoch FROM p.reported_at) + 8 * 3600) / 86400)::int)::text AS day,
          p.status, count(*)::int AS problems, sum(p.deduction)::float8 AS lost
        FROM problems p CROSS JOIN LATERAL (VALUES (4000, p.hex_4k), (16000, p.hex_16k)) c(size, cell)
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
  const expectInStep = async () => expect(await kept()).toEqual(await recounted());

  /** The test's own problems: `n` of them in a 2 km square east of the city. */
  const insert = (n: number, reportedAt = sql`now() - (i % 20) * interval '1 day'`) =>
    ctx().db.orm.execute(
      sql`INSERT INTO problems (city_id, source, description, location, deduction, reported_at)
        SELECT ${ctx().cityId}, 'patrol', '汇总测试 ' || i,
          ST_SetSRID(ST_MakePoint(${EAST.lon} + (i % 10) * 0.002, ${EAST.lat} + (i / 10 % 10) * 0.002), 4326),
          (i % 5) * 0.5, ${reportedAt}
        FROM generate_series(1, ${n}) i`,
    );
  const ours = sql`description LIKE '汇总测试%'`;

  it("holds the demo city's problems from the start", async () => {
    const rows = await kept();
    expect(rows.length).toBeGreaterThan(0);
    await expectInStep();
  });

  it("follows inserts, status steps, moves, changed points and deletes", async () => {
    const { orm } = ctx().db;
    await insert(300);
    await expectInStep();
    // One problem at a time, as the API writes them.
    await insert(1);
    await expectInStep();
    // 16:30 UTC is half past midnight in China: the next day's row.
    await orm.execute(sql`INSERT INTO problems (city_id, source, description, location, reported_at)
      VALUES (${ctx().cityId}, 'patrol', '汇总测试 午夜', ST_SetSRID(ST_MakePoint(${EAST.lon}, ${EAST.lat}), 4326),
        '2026-03-01T16:30:00Z')`);
    const [midnight] = await selectRows<{ day: string }>(
      orm,
      sql`SELECT day::text FROM problem_cell_days WHERE day BETWEEN '2026-03-01' AND '2026-03-02'`,
    );
    expect(midnight?.day).toBe("2026-03-02");
    await orm.execute(sql`UPDATE problems SET status = 'dispatched' WHERE ${ours} AND id % 3 = 0`);
    await expectInStep();
    await orm.execute(
      sql`UPDATE problems SET status = 'closed' WHERE ${ours} AND status = 'dispatched'`,
    );
    await expectInStep();
    // 20 km west: other 4 km and 16 km cells.
    await orm.execute(sql`UPDATE problems SET location = ST_SetSRID(ST_Translate(location, -0.2, 0), 4326)
      WHERE ${ours} AND id % 4 = 1`);
    await expectInStep();
    await orm.execute(
      sql`UPDATE problems SET deduction = deduction + 1 WHERE ${ours} AND id % 5 = 2`,
    );
    await expectInStep();
    await orm.execute(
      sql`UPDATE problems SET reported_at = reported_at - interval '3 days' WHERE ${ours} AND id % 6 = 3`,
    );
    await expectInStep();
    // A change the rollup does not key on leaves it as it was.
    const before = await kept();
    await orm.execute(
      sql`UPDATE problems SET description = description || '（已核实）' WHERE ${ours}`,
    );
    expect(await kept()).toEqual(before);
    await orm.execute(sql`DELETE FROM problems WHERE ${ours} AND id % 2 = 0`);
    await expectInStep();
    // Rows a day's problems have all left are gone, not kept at zero.
    const [zero] = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM problem_cell_days WHERE problems = 0`,
    );
    expect(zero?.n).toBe(0);
  });

  it("counts the office's problem list and board from it, as counting the problems does", async () => {
    const counted = async (where = sql`true`) => {
      const [row] = await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM problems WHERE city_id = ${ctx().cityId} AND ${where}`,
      );
      return row!.n;
    };
    const listed = async (query: string) =>
      (await ctx().request(`/api/problems?limit=1${query}`)).body.numberMatched;
    expect(await listed("")).toBe(await counted());
    expect(await listed("&status=closed,ledger")).toBe(
      await counted(sql`status IN ('closed', 'ledger')`),
    );
    expect(await listed("&status=reported&sort=urgency")).toBe(
      await counted(sql`status = 'reported'`),
    );
    // The board's counts by state, from the same rollup.
    const byStatus = await selectRows<{ status: string; n: number }>(
      ctx().db.orm,
      sql`SELECT status, count(*)::int AS n FROM problems WHERE city_id = ${ctx().cityId} GROUP BY 1`,
    );
    const board = (await ctx().request("/api/problems/board")).body;
    expect(board.byStatus).toEqual(Object.fromEntries(byStatus.map((r) => [r.status, r.n])));
    // Other filters, or a unit admin's scope, count the problems themselves.
    const unit = await ctx().as("unitadmin");
    const me = (await unit.request("/api/auth/me")).body.user;
    expect((await unit.request("/api/problems?limit=1")).body.numberMatched).toBe(
      await counted(sql`unit_id = ${me.unitId}`),
    );
  });

  it("gives the city-wide map the same hexagons as counting the problems", async () => {
    const { orm } = ctx().db;
    const [span] = await selectRows<{ from: string; to: string; bbox: string }>(
      orm,
      sql`SELECT min(day)::text AS from, max(day)::text AS to,
          (SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
            FROM (SELECT ST_Extent(location) AS e FROM problems) x) AS bbox
        FROM problem_cell_days`,
    );
    const [minLon, minLat, maxLon, maxLat] = span!.bbox.split(",").map(Number) as Bbox;
    const periodOf = (from: string, to: string): Period => ({
      from,
      to,
      start: new Date(`${from}T00:00:00+08:00`),
      end: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000),
    });
    const period = periodOf(span!.from, span!.to);
    const weekBefore = new Date(Date.parse(span!.to) - 6 * 86_400_000).toISOString().slice(0, 10);
    const lastWeek = periodOf(weekBefore, span!.to);
    const viewports: Bbox[] = [
      [minLon - 0.01, minLat - 0.01, maxLon + 0.01, maxLat + 0.01],
      // The western half: hexagons cut by the edge still count all their problems.
      [minLon, minLat, (minLon + maxLon) / 2, maxLat],
    ];
    const scope = { kind: "city", cityId: ctx().cityId } as const;
    let compared = 0;
    for (const zoom of [8, 10]) {
      const band = bandForZoom(zoom);
      for (const bbox of viewports) {
        for (const filters of [
          { period },
          { period: lastWeek },
          { period, status: ["closed", "ledger"] },
          { period, status: ["reported", "dispatched", "rectifying"] },
        ] as AnalyticsFilters[]) {
          expect(hexagonSourceFor(scope, band, filters)).toBe("rollup");
          const rollup = await hexagonCounts(orm, scope, bbox, band, filters, "rollup");
          const problems = await hexagonCounts(orm, scope, bbox, band, filters, "problems");
          expect({ zoom, bbox, filters, rollup }).toEqual({
            zoom,
            bbox,
            filters,
            rollup: problems,
          });
          compared += rollup.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
    // Filters the rollup does not keep, a narrower scope or a finer band read the problems.
    const band = bandForZoom(10);
    expect(hexagonSourceFor(scope, band, { period, unitId: 1 })).toBe("problems");
    expect(hexagonSourceFor(scope, band, { period, categoryId: 1 })).toBe("problems");
    expect(hexagonSourceFor({ kind: "unit", cityId: 1, unitId: 1 }, band, { period })).toBe(
      "problems",
    );
    expect(hexagonSourceFor(scope, bandForZoom(12), { period })).toBe("problems");
  });
});
