// The leaders' view: hexagons count every problem of the viewport once, at the size the zoom asks
// for; clusters are found in PostGIS and stay the same for the same data; trends agree with SQL
// counted directly; each caller sees only what they may read; bad input is a 400 naming the field.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { hexagonOf } from "../../api/src/analytics/hexagon-shape.ts";
import { describeEachEngine } from "./engines.ts";

const DAY = 86_400_000;
const chinaDay = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
const from = chinaDay(-89);
const to = chinaDay();
const inPeriod = sql`p.reported_at >= ${`${from} 00:00:00+08`}::timestamptz
  AND p.reported_at < (${`${to} 00:00:00+08`}::timestamptz + interval '1 day')`;

/** A spot away from the demo's problems where the tests put a tight knot of problems. */
const SPOT = { lon: 117.3, lat: 35.2 };
const SPOT_PROBLEMS = 12;

describeEachEngine("the leaders' view: hexagons, clusters, trends", (ctx) => {
  let bbox = "";

  beforeAll(async () => {
    // A knot of problems within ~60 m, reported yesterday, on the first unit.
    await ctx().db.orm.execute(
      sql`INSERT INTO problems (city_id, source, description, location, unit_id, deduction, reported_at)
        SELECT ${ctx().cityId}, 'patrol', '测试聚集点 ' || i,
          ST_SetSRID(ST_MakePoint(${SPOT.lon} + (i % 4) * 0.0002, ${SPOT.lat} + (i / 4) * 0.0002), 4326),
          (SELECT min(id) FROM units WHERE city_id = ${ctx().cityId}), 1.5, now() - interval '1 day'
        FROM generate_series(1, ${SPOT_PROBLEMS}) i`,
    );
    const [extent] = await selectRows<{ b: string }>(
      ctx().db.orm,
      sql`SELECT concat_ws(',', ST_XMin(e) - 0.01, ST_YMin(e) - 0.01, ST_XMax(e) + 0.01, ST_YMax(e) + 0.01) AS b
        FROM (SELECT ST_Extent(location) AS e FROM problems) x`,
    );
    bbox = extent!.b
      .split(",")
      .map((n) => Number(n).toFixed(4))
      .join(",");
  });

  const countInBbox = async (box: string, extra = sql`true`) => {
    const [a, b, c, d] = box.split(",").map(Number);
    const [row] = await selectRows<{ n: number; lost: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n, coalesce(sum(deduction), 0)::float8 AS lost FROM problems p
        WHERE ${inPeriod} AND p.location && ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326) AND ${extra}`,
    );
    return row!;
  };

  it("counts every problem of the viewport once, in hexagons sized by the zoom", async () => {
    const close = [SPOT.lon - 0.01, SPOT.lat - 0.01, SPOT.lon + 0.01, SPOT.lat + 0.01].join(",");
    for (const [zoom, size, box] of [
      [8, 16000, bbox],
      [10, 4000, bbox],
      [12, 1000, bbox],
      [14.5, 250, bbox],
      [16, 62.5, close],
    ] as const) {
      const direct = await countInBbox(box);
      expect(direct.n).toBeGreaterThanOrEqual(SPOT_PROBLEMS);
      const answer = await ctx().request(
        `/api/analytics/hexagons?bbox=${box}&zoom=${zoom}&from=${from}&to=${to}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.cellSize).toBe(size);
      const features = answer.body.features;
      const sum = (key: string) => features.reduce((s: number, f: any) => s + f.properties[key], 0);
      expect(sum("count")).toBe(direct.n);
      expect(answer.body.count).toBe(direct.n);
      expect(sum("pointsLost")).toBeCloseTo(direct.lost, 6);
      expect(features[0].geometry.type).toBe("Polygon");
      expect(features[0].geometry.coordinates[0]).toHaveLength(7);
      expect(new Set(features.map((f: any) => f.id)).size).toBe(features.length);
    }
    // The same test bbox at street zoom would be too many hexagons: a 400 naming bbox.
    const tooMany = await ctx().request(`/api/analytics/hexagons?bbox=${bbox}&zoom=16`);
    expect(tooMany.status).toBe(400);
    expect(Object.keys(tooMany.body.error.fields)).toEqual(["bbox"]);
  });

  it("assigns each problem the hexagon that contains it, in every band, when it is written", async () => {
    const [row] = await selectRows<{ outside: number; missing: number }>(
      ctx().db.orm,
      sql`SELECT
        count(*) FILTER (WHERE NOT (ST_Intersects(civgrid_hex_polygon(hex_62, 62.5), location)
          AND ST_Intersects(civgrid_hex_polygon(hex_250, 250), location)
          AND ST_Intersects(civgrid_hex_polygon(hex_1k, 1000), location)
          AND ST_Intersects(civgrid_hex_polygon(hex_4k, 4000), location)
          AND ST_Intersects(civgrid_hex_polygon(hex_16k, 16000), location)))::int AS outside,
        count(*) FILTER (WHERE hex_62 IS NULL OR hex_16k IS NULL)::int AS missing
        FROM problems`,
    );
    expect(row).toEqual({ outside: 0, missing: 0 });
    // The API draws a cell's hexagon in TypeScript; the database's own shape is the same.
    const cells = await selectRows<{ cell: string; shape: string }>(
      ctx().db.orm,
      sql`SELECT hex_250::text AS cell, ST_AsGeoJSON(civgrid_hex_polygon(hex_250, 250), 7) AS shape
        FROM problems ORDER BY id LIMIT 20`,
    );
    for (const { cell, shape } of cells) {
      const ours = hexagonOf(Number(cell), 250).coordinates[0]!;
      const theirs = JSON.parse(shape).coordinates[0] as number[][];
      ours.forEach(([lon, lat], i) => {
        expect(lon).toBeCloseTo(theirs[i]![0]!, 6);
        expect(lat).toBeCloseTo(theirs[i]![1]!, 6);
      });
    }
    // Moving a problem moves it to another cell.
    const [moved] = await selectRows<{ before: string; after: string }>(
      ctx().db.orm,
      sql`WITH old AS (SELECT id, hex_250 FROM problems ORDER BY id LIMIT 1)
        UPDATE problems p SET location = ST_SetSRID(ST_Translate(p.location, 0.01, 0), 4326)
        FROM old WHERE p.id = old.id RETURNING old.hex_250::text AS before, p.hex_250::text AS after`,
    );
    expect(moved!.after).not.toBe(moved!.before);
  });

  it("filters hexagons by status, unit and category like the problem list", async () => {
    const [unit] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT unit_id AS id FROM problems p WHERE ${inPeriod} AND unit_id IS NOT NULL
        GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`,
    );
    const total = async (query: string) => {
      const answer = await ctx().request(
        `/api/analytics/hexagons?bbox=${bbox}&zoom=12&from=${from}&to=${to}&${query}`,
      );
      expect(answer.status).toBe(200);
      return answer.body.count;
    };
    expect(await total(`unitId=${unit!.id}`)).toBe(
      (await countInBbox(bbox, sql`p.unit_id = ${unit!.id}`)).n,
    );
    expect(await total("status=closed,ledger")).toBe(
      (await countInBbox(bbox, sql`p.status IN ('closed', 'ledger')`)).n,
    );
    const [category] = await selectRows<{ id: number; n: number }>(
      ctx().db.orm,
      sql`SELECT i.category_id AS id, count(*)::int AS n FROM problems p
        JOIN standard_items i ON i.id = p.item_id WHERE ${inPeriod}
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    expect(category!.n).toBeGreaterThan(0);
    expect(await total(`categoryId=${category!.id}`)).toBe(category!.n);
  });

  it("shows a unit admin the hexagons of its own unit's problems only", async () => {
    const [me] = await selectRows<{ unitId: number }>(
      ctx().db.orm,
      sql`SELECT unit_id AS "unitId" FROM users WHERE username = 'unitadmin'`,
    );
    const query = `/api/analytics/hexagons?bbox=${bbox}&zoom=12&from=${from}&to=${to}`;
    const mine = await (await ctx().as("unitadmin")).request(query);
    expect(mine.status).toBe(200);
    const own = await countInBbox(bbox, sql`p.unit_id = ${me!.unitId}`);
    expect(mine.body.count).toBe(own.n);
    expect(mine.body.count).toBeLessThan((await countInBbox(bbox)).n);
    const leader = await (await ctx().as("leader")).request(query);
    expect(leader.body.count).toBe((await countInBbox(bbox)).n);
    // Clicking a hexagon lists the unit's problems in it, and nobody else's.
    const cells = mine.body.features.map((f: any) => f.id).join(",");
    const listed = await (await ctx().as("unitadmin")).request(
      `/api/analytics/problems?cellSize=1000&cells=${cells}&from=${from}&to=${to}&limit=5000`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.numberMatched).toBe(own.n);
    for (const f of listed.body.features) expect(f.properties.unitId).toBe(me!.unitId);
  });

  it("refuses bad input with a 400 naming the field, before running a query", async () => {
    const bad = async (path: string) => {
      const answer = await ctx().request(path);
      expect(answer.status).toBe(400);
      return Object.keys(answer.body.error.fields);
    };
    const ok = `bbox=${bbox}&zoom=12`;
    expect(await bad(`/api/analytics/hexagons?bbox=${bbox}&zoom=2`)).toEqual(["zoom"]);
    expect(await bad(`/api/analytics/hexagons?bbox=${bbox}&zoom=21`)).toEqual(["zoom"]);
    expect(await bad(`/api/analytics/hexagons?bbox=${bbox}&zoom=near`)).toEqual(["zoom"]);
    expect(await bad(`/api/analytics/hexagons?${ok}&from=2024-05-10&to=2024-05-01`)).toEqual([
      "to",
    ]);
    expect(await bad(`/api/analytics/hexagons?${ok}&unitId=999999`)).toEqual(["unitId"]);
    expect(await bad(`/api/analytics/hexagons?${ok}&categoryId=999999`)).toEqual(["categoryId"]);
    expect(await bad(`/api/analytics/hexagons?${ok}&gridId=999999`)).toEqual(["gridId"]);
    expect(await bad(`/api/analytics/hexagons?${ok}&status=lost`)).toEqual(["status"]);
    expect(await bad("/api/analytics/hexagons?zoom=12")).toEqual(["bbox"]);
    // The whole world, even at the coarsest zoom, is too many hexagons: zoom in.
    const world = await ctx().request("/api/analytics/hexagons?bbox=-180,-90,180,90&zoom=3");
    expect(world.status).toBe(400);
    expect(Object.keys(world.body.error.fields)).toEqual(["bbox"]);
    expect(world.body.error.fields.bbox).toContain("放大地图");
    expect(await bad("/api/analytics/clusters?bbox=-180,-90,180,90&zoom=3")).toEqual(["bbox"]);
    expect(await bad(`/api/analytics/clusters?${ok}&minPoints=0`)).toEqual(["minPoints"]);
    expect(await bad("/api/analytics/trends?from=2024-05-10&to=2024-05-01")).toEqual(["to"]);
    expect(await bad("/api/analytics/trends?by=street")).toEqual(["by"]);
    expect(await bad("/api/analytics/trends?unitId=999999")).toEqual(["unitId"]);
    expect(await bad("/api/analytics/problems?cellSize=300&cells=1")).toEqual(["cellSize"]);
    expect(await bad("/api/analytics/problems?cellSize=250&cells=1,x")).toEqual(["cells"]);
    expect(await (await ctx().anonymous.request(`/api/analytics/hexagons?${ok}`)).status).toBe(401);
  });

  it("finds the knot of problems as a cluster, with its count, category and units", async () => {
    const query = `/api/analytics/clusters?bbox=${bbox}&zoom=14&from=${from}&to=${to}`;
    const answer = await ctx().request(query);
    expect(answer.status).toBe(200);
    // The test's bbox (the whole demo city) holds too many 62.5 m hexagons: clustered on 250 m.
    expect(answer.body.cellSize).toBe(250);
    const spot = answer.body.features.find((f: any) => {
      const [lon, lat] = f.properties.centroid.coordinates;
      return Math.abs(lon - SPOT.lon) < 0.005 && Math.abs(lat - SPOT.lat) < 0.005;
    });
    expect(spot).toBeDefined();
    expect(spot.properties.count).toBe(SPOT_PROBLEMS);
    expect(spot.properties.pointsLost).toBeCloseTo(SPOT_PROBLEMS * 1.5, 6);
    expect(spot.properties.units).toHaveLength(1);
    expect(spot.properties.units[0].count).toBe(SPOT_PROBLEMS);
    expect(spot.geometry.type).toBe("Polygon");
    // Numbered by size: 1 is the largest.
    const counts = answer.body.features.map((f: any) => f.properties.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(answer.body.features.map((f: any) => f.id)).toEqual(
      counts.map((_: number, i: number) => i + 1),
    );
    // Clicking the cluster lists exactly its problems.
    const listed = await ctx().request(
      `/api/analytics/problems?cellSize=250&cells=${spot.properties.cells.join(",")}&from=${from}&to=${to}`,
    );
    expect(listed.body.numberMatched).toBe(SPOT_PROBLEMS);
    // Closer in, the knot is found on hexagons a quarter the size of the map's 250 m ones.
    const close = [SPOT.lon - 0.01, SPOT.lat - 0.01, SPOT.lon + 0.01, SPOT.lat + 0.01].join(",");
    const near = await ctx().request(
      `/api/analytics/clusters?bbox=${close}&zoom=14&from=${from}&to=${to}`,
    );
    expect(near.body.cellSize).toBe(62.5);
    const knot = near.body.features[0];
    expect(knot.properties.count).toBe(SPOT_PROBLEMS);
    expect(knot.properties.cells.length).toBeLessThan(spot.properties.cells.length * 16);
    const knotListed = await ctx().request(
      `/api/analytics/problems?cellSize=62.5&cells=${knot.properties.cells.join(",")}&from=${from}&to=${to}`,
    );
    expect(knotListed.body.numberMatched).toBe(SPOT_PROBLEMS);
    const withCategory = answer.body.features.find((f: any) => f.properties.category);
    if (withCategory) expect(withCategory.properties.category.name).toBeTruthy();
  });

  it("gives the same clusters for the same data, whatever order the rows are stored in", async () => {
    const query = `/api/analytics/clusters?bbox=${bbox}&zoom=11&from=${from}&to=${to}&minPoints=2`;
    const first = await ctx().request(query);
    expect(first.body.features.length).toBeGreaterThan(0);
    // Rewrite every row (new physical order, newest versions last) and ask again.
    await ctx().db.orm.execute(
      sql`UPDATE problems SET description = description WHERE id IN (SELECT id FROM problems ORDER BY id DESC)`,
    );
    const again = await ctx().request(query);
    expect(again.body).toEqual(first.body);
  });

  it("counts weekly found, closed, open and overdue problems as SQL does", async () => {
    const answer = await ctx().request(`/api/analytics/trends?from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    const { weeks, series } = answer.body;
    expect(series).toHaveLength(1);
    const city = series[0].weeks;
    expect(city.map((w: any) => w.week)).toEqual(weeks);
    expect(new Date(`${weeks[0]}T00:00:00Z`).getUTCDay()).toBe(1);
    const start = `${weeks[0]} 00:00:00+08`;
    const end = `${to} 00:00:00+08`;
    const [direct] = await selectRows<any>(
      ctx().db.orm,
      sql`SELECT
        count(*) FILTER (WHERE reported_at >= ${start}::timestamptz AND reported_at < ${end}::timestamptz + interval '1 day')::int AS found,
        count(*) FILTER (WHERE closed_at >= ${start}::timestamptz AND closed_at < ${end}::timestamptz + interval '1 day')::int AS closed,
        coalesce(sum(deduction) FILTER (WHERE reported_at >= ${start}::timestamptz AND reported_at < ${end}::timestamptz + interval '1 day'), 0)::float8 AS lost,
        count(*) FILTER (WHERE status <> 'ledger' AND closed_at IS NULL)::int AS open,
        count(*) FILTER (WHERE status <> 'ledger' AND closed_at IS NULL AND deadline < now())::int AS overdue
        FROM problems`,
    );
    const sum = (key: string) => city.reduce((s: number, w: any) => s + w[key], 0);
    expect(sum("found")).toBe(direct.found);
    expect(sum("closed")).toBe(direct.closed);
    expect(sum("pointsLost")).toBeCloseTo(direct.lost, 6);
    expect(city.at(-1).open).toBe(direct.open);
    expect(city.at(-1).overdue).toBe(direct.overdue);

    const byUnit = await ctx().request(`/api/analytics/trends?by=unit&from=${from}&to=${to}`);
    const unitFound = byUnit.body.series.reduce(
      (s: number, u: any) => s + u.weeks.reduce((t: number, w: any) => t + w.found, 0),
      0,
    );
    const [unrouted] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problems WHERE unit_id IS NULL
        AND reported_at >= ${start}::timestamptz AND reported_at < ${end}::timestamptz + interval '1 day'`,
    );
    expect(unitFound).toBe(direct.found - unrouted!.n);
    for (const s of byUnit.body.series) expect(s.name).toBeTruthy();
  });

  it("adds the weekly trend and the hotspots to the notice workbook", async () => {
    const response = await ctx().raw(`/api/analytics/rankings/notice?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const trend = book.getWorksheet("每周趋势");
    const spots = book.getWorksheet("问题聚集区");
    const weekly = (await ctx().request(`/api/analytics/trends?from=${from}&to=${to}`)).body;
    expect(trend!.getCell(2, 1).text).toBe("序号");
    expect(trend!.getCell(2, 2).text).toBe("周（周一）");
    expect(trend!.rowCount).toBe(2 + weekly.weeks.length + 1);
    expect(trend!.getCell(3, 2).text).toBe(weekly.weeks[0]);
    expect(Number(trend!.getCell(3, 3).text)).toBe(weekly.series[0].weeks[0].found);
    const found = weekly.series[0].weeks.reduce((s: number, w: any) => s + w.found, 0);
    expect(trend!.getCell(trend!.rowCount, 1).text).toBe("合计");
    expect(Number(trend!.getCell(trend!.rowCount, 3).text)).toBe(found);
    expect(trend!.getCell(trend!.rowCount, 5).text).toBe(""); // open at a week's end: no sum
    const listed: string[] = [];
    spots!.eachRow((row, n) => n > 2 && n < spots!.rowCount && listed.push(row.getCell(2).text));
    expect(spots!.getCell(spots!.rowCount, 1).text).toBe("合计");
    const spotTotal = listed.reduce((s, n) => s + Number(n), 0);
    expect(Number(spots!.getCell(spots!.rowCount, 2).text)).toBe(spotTotal);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map(Number)).toContain(SPOT_PROBLEMS);
  });

  it("documents every analytics endpoint in the OpenAPI document", async () => {
    const { status, body } = await ctx().request("/api/openapi.json");
    expect(status).toBe(200);
    for (const path of [
      "hexagons",
      "clusters",
      "problems",
      "trends",
      "rankings",
      "rankings/notice",
    ]) {
      expect(body.paths[`/api/analytics/${path}`]?.get, path).toBeDefined();
    }
    const zoom = body.paths["/api/analytics/hexagons"].get.parameters.find(
      (p: any) => p.name === "zoom",
    );
    expect(zoom.schema).toMatchObject({ minimum: 3, maximum: 20 });
  });
});
