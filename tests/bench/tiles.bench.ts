// Benchmark: vector tiles and lists on a generated prefecture-size city (seeds/src/scale), on the
// PostgreSQL + PostGIS server. Prints: the tile endpoint with its cache off (every tile drawn)
// beside the same tile SQL run directly, as the same prepared statement (z10–z17; target ≤ 1.2×;
// for problem cells below z13 the statement that sums them, whose answer Node encodes);
// low-zoom problem tiles beside a count of the same cells from their rollup (z10–z12 ≤ 1.2×);
// and with its cache warm; tile bytes beside GeoJSON bytes for the same features; the largest
// tile of each layer at every zoom (limit 500 KB); bulk import with routing beside a plain
// insert; the list and tile endpoints under concurrent load, tiles with the cache off and on.
// Timings alternate endpoint and SQL run by run, so that a loaded machine weighs on both alike.
// Run with `pnpm --filter @civgrid/tests bench:tiles`; BENCH_PROBLEMS sets the number of problems
// (default 1,000,000), BENCH_KEEP=1 keeps the throwaway database, BENCH_DATABASE_URL times again
// on a city generated and kept before.

import { loadavg } from "node:os";
import { createApp, routeProblems, selectRows } from "@civgrid/api";
import { AREA, insertProblems, PREFECTURE } from "@civgrid/seeds";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { SESSION_COOKIE } from "../../api/src/accounts/sessions.ts";
import { type HexBand, hexBands } from "../../api/src/analytics/bands.ts";
import type { AnalyticsFilters } from "../../api/src/analytics/filters.ts";
import { hexagonCounts } from "../../api/src/analytics/hexagons.ts";
import type { Db } from "../../api/src/db/client.ts";
import type { Bbox } from "../../api/src/db/query-helpers.ts";
import type { Scope } from "../../api/src/policy/scope.ts";
import { openProblem } from "../../api/src/problems/open.ts";
import { startOfChinaToday } from "../../api/src/problems/queries.ts";
import { type TileLayer, tileLayers } from "../../api/src/tiles/layers.ts";
import { cellsQuery, isCellTile, mvtQuery, renderTile } from "../../api/src/tiles/render.ts";
import { tileAt, tileBbox } from "../api/tile-math.ts";
import { benchCoordinator, benchDatabase, generateWithProgress } from "./bench-city.ts";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? PREFECTURE.problems);
const IMPORT_SAMPLE = Math.min(100_000, Math.max(10_000, Math.round(PROBLEMS / 10)));
const RUNS = 9;
/**
 * Runs of the low-zoom tiles against their floor: these time 10–50 ms each, where a shared
 * machine's load moves single runs by half; more runs steady the medians the ratios are made of.
 */
const FLOOR_RUNS = 25;
const CENTRE = {
  lon: (AREA.west + AREA.east) / 2 + 0.013,
  lat: (AREA.south + AREA.north) / 2 + 0.007,
};
/** Every tile of the city is sized up to this zoom; above it, the centre's (a tile's points are its parent's). */
const ALL_TILES_UP_TO = 13;
const MAX_TILE_KB = 500;

async function main() {
  const { db, cityId, reused, close } = await benchDatabase("none");
  let http: ReturnType<typeof serve> | undefined;
  try {
    const run = (statement: string) => db.orm.execute(sql.raw(statement));
    const size = { ...PREFECTURE, problems: PROBLEMS };
    if (!reused) {
      const started = Date.now();
      await generateWithProgress(db, cityId, size);
      const inserted = Date.now() - started;
      // Statistics first: without them the planner scans every grid per problem.
      await run("VACUUM ANALYZE");
      const routed = await timed(() => routeProblems(db.orm, cityId), 1);
      await run("VACUUM ANALYZE problems");
      console.log(
        `\ngenerated ${JSON.stringify(size)} in ${seconds(Date.now() - started)} (inserts ${seconds(inserted)}, routing every problem to its grid ${seconds(routed)})`,
      );
    }
    size.problems = await count(db, "problems");

    // Bulk import: the same number of problems inserted plainly, and inserted then routed.
    const before = await maxId(db, "problems");
    const plain = await timed(
      () => insertProblems(run, cityId, before + 1, before + IMPORT_SAMPLE),
      1,
    );
    await run(`DELETE FROM problems WHERE id > ${before}`);
    const withRouting = await timed(async () => {
      await insertProblems(run, cityId, before + 1, before + IMPORT_SAMPLE);
      await routeProblems(db.orm, cityId);
    }, 1);
    await run(`DELETE FROM problems WHERE id > ${before}`);
    const rate = (ms: number) => Math.round((IMPORT_SAMPLE / ms) * 1000);

    const cookie = `${SESSION_COOKIE}=${await benchCoordinator(db, cityId)}`;
    const cold = createApp({ db, cityId, basemapUrl: null, tileCacheMb: 0 });
    const warm = createApp({ db, cityId, basemapUrl: null });
    const scope: Scope = { kind: "city", cityId };
    const load = () => loadavg()[0]!.toFixed(1);

    const loadBefore = load();
    const tileRows: Record<string, string | number>[] = [];
    for (const layer of ["grids", "problems"] as TileLayer[]) {
      for (let z = 10; z <= 17; z++) {
        const tile = tileAt(CENTRE.lon, CENTRE.lat, z);
        const path = `/tiles/${layer}/${z}/${tile.x}/${tile.y}.mvt`;
        let bytes = 0;
        const fetchTile = (app: typeof cold) => async () => {
          const r = await app.request(path, { headers: { cookie } });
          if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
          bytes = (await r.arrayBuffer()).byteLength;
        };
        const times = await timedTogether({
          sql: () =>
            db.prepared(
              isCellTile(layer, tile) ? cellsQuery(tile, scope) : mvtQuery(layer, tile, scope),
            ),
          cold: fetchTile(cold),
          warm: fetchTile(warm),
        });
        const bbox = tileBbox(tile).join(",");
        const geojson = await warm.request(`/api/${layer}?bbox=${bbox}&limit=5000`, {
          headers: { cookie },
        });
        const body = await geojson.text();
        const matched = (JSON.parse(body) as { numberMatched: number }).numberMatched;
        tileRows.push({
          layer,
          z,
          "tile KB": kb(bytes),
          "SQL ms": times.sql,
          "endpoint ms (cache off)": times.cold,
          "cold/SQL": round(times.cold / times.sql),
          "endpoint ms (cache warm)": times.warm,
          "warm/SQL": round(times.warm / times.sql),
          features: matched,
          "GeoJSON KB (≤5000)": kb(body.length),
          "tile/GeoJSON": matched <= 5000 ? round(bytes / body.length) : "—",
        });
      }
    }
    const loadAfter = load();

    // Low-zoom problem tiles (cache off) beside the floor the issue sets: counting the same cells
    // from the rollup (problem_tile_cells); beside counting the same area from the rollup the
    // hexagon view reads (4 km cells, the whole history), and the way they were drawn before any
    // rollup (each problem transformed and clipped by ST_AsMVTGeom, then grouped).
    const band4k = hexBands.find((b) => b.size === 4000) as HexBand;
    const history: AnalyticsFilters = {
      period: {
        from: "2000-01-01",
        to: "2099-12-31",
        start: new Date("1999-12-31T16:00:00Z"),
        end: new Date("2099-12-31T16:00:00Z"),
      },
    };
    const rollupRows: Record<string, string | number>[] = [];
    for (let z = 8; z <= 12; z++) {
      const tile = tileAt(CENTRE.lon, CENTRE.lat, z);
      const path = `/tiles/problems/${z}/${tile.x}/${tile.y}.mvt`;
      const bbox = tileBbox(tile).map(Number) as Bbox;
      const env = sql`ST_TileEnvelope(${z}::int, ${tile.x}::int, ${tile.y}::int)`;
      // The floor: counting the tile's own cells (64 × 64) from problem_tile_cells, the rollup
      // the tile is drawn from, as one prepared statement, without the open and overdue counts,
      // the cells' points or the encoding. Below z10 (the coarsest zoom kept) a cell is 4^(10 − z)
      // cells of z10, summed. The tile's statement answers its cells as one row of arrays: the
      // floor's count gathered the same way is printed beside it (packed), so that neither ratio
      // owes anything to how the rows travel.
      const kept = Math.max(z, 10);
      const first = (at: number) => (at * 64) << (kept - z);
      const [column, row] = ["column", "row"].map((name) =>
        kept === z
          ? sql.identifier(name)
          : sql`(${sql.identifier(name)} >> ${sql.raw(String(kept - z))})`,
      );
      const cellCount = sql`SELECT ${column} AS "column", ${row} AS "row", sum(problems)::int AS n
        FROM problem_tile_cells
        WHERE city_id = ${cityId} AND zoom = ${kept}
          AND "column" BETWEEN ${first(tile.x)} AND ${first(tile.x + 1) - 1}
          AND "row" BETWEEN ${first(tile.y)} AND ${first(tile.y + 1) - 1}
        GROUP BY 1, 2`;
      const times = await timedTogether(
        {
          cells: () => db.prepared(cellCount),
          packed: () =>
            db.prepared(sql`SELECT array_agg("column") AS columns, array_agg("row") AS rows,
              array_agg(n) AS n FROM (${cellCount}) c`),
          rollup: () => hexagonCounts(db.orm, scope, bbox, band4k, history, "rollup"),
          tile: async () => {
            const r = await cold.request(path, { headers: { cookie } });
            if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
            await r.arrayBuffer();
          },
        },
        FLOOR_RUNS,
      );
      // Seconds a run, so fewer of them (and none below z10, where it reads most of the city).
      const perPoint = sql`SELECT ST_AsMVT(c.*, 'problems', 4096, 'geom', 'id') FROM (
          SELECT (cy * 64 + cx + 1)::int AS id, count(*)::int AS count,
            count(*) FILTER (WHERE status NOT IN ('closed', 'ledger'))::int AS "openCount",
            ST_MakePoint(cx * 64 + 32, cy * 64 + 32) AS geom
          FROM (SELECT least(floor(ST_X(g) / 64), 63)::int AS cx, least(floor(ST_Y(g) / 64), 63)::int AS cy, status
            FROM (SELECT ST_AsMVTGeom(ST_Transform(p.location, 3857), ${env}, 4096, 0, true) AS g, p.status
              FROM problems p WHERE p.city_id = ${cityId}
                AND p.location && ST_Transform(${env}, 4326)) located
            WHERE g IS NOT NULL) cells GROUP BY cx, cy) c`;
      const before =
        z < 10 ? "—" : (await timedTogether({ before: () => db.orm.execute(perPoint) })).before;
      rollupRows.push({
        z,
        "cell rollup count ms (floor)": times.cells,
        "tile/floor": round(times.tile / times.cells),
        "floor packed ms": times.packed,
        "tile/packed": round(times.tile / times.packed),
        "hexagon rollup count ms": times.rollup,
        "tile ms (cache off)": times.tile,
        "tile/hexagons": round(times.tile / times.rollup),
        "per-point SQL before ms": before,
        "before/floor": typeof before === "number" ? round(before / times.cells) : "—",
      });
    }

    // A cell tile counts these from the problems (the rollup knows only their day), so its cost
    // beside the floor depends on the hour: the generator gives each batch of 100,000 one deadline.
    const [dueToday] = await selectRows<{ n: number }>(
      db.orm,
      sql`SELECT count(*)::int AS n FROM problems p WHERE p.city_id = ${cityId}
        AND ${openProblem} AND p.deadline >= ${startOfChinaToday} AND p.deadline < now()`,
    );

    const sizes = await largestTiles(db, scope);

    http = serve({ fetch: cold.fetch, port: 0, hostname: "127.0.0.1" });
    const warmHttp = serve({ fetch: warm.fetch, port: 0, hostname: "127.0.0.1" });
    await Promise.all(
      [http, warmHttp].map((h) => new Promise((resolve) => h.once("listening", resolve))),
    );
    const port = (h: ReturnType<typeof serve>) => (h.address() as { port: number }).port;
    // A map move asks for the tiles around the centre: 5 × 5 of them, in turn on each connection.
    const around = (layer: TileLayer, z: number) => {
      const c = tileAt(CENTRE.lon, CENTRE.lat, z);
      return [-2, -1, 0, 1, 2].flatMap((dx) =>
        [-2, -1, 0, 1, 2].map((dy) => `/tiles/${layer}/${z}/${c.x + dx}/${c.y + dy}.mvt`),
      );
    };
    const loads: [string, number, string[]][] = [
      [
        "GET /api/grids (bbox, one district)",
        port(http),
        [`/api/grids?bbox=${tileBbox(tileAt(CENTRE.lon, CENTRE.lat, 12)).join(",")}&limit=1000`],
      ],
      ["GET /api/problems (limit 100)", port(http), ["/api/problems?limit=100"]],
      ["GET /tiles/grids z14, 25 tiles, cache off", port(http), around("grids", 14)],
      ["GET /tiles/grids z14, 25 tiles, cache on", port(warmHttp), around("grids", 14)],
      ["GET /tiles/problems z14, 25 tiles, cache off", port(http), around("problems", 14)],
      ["GET /tiles/problems z14, 25 tiles, cache on", port(warmHttp), around("problems", 14)],
      ["GET /tiles/problems z12 cells, 25 tiles, cache off", port(http), around("problems", 12)],
      ["GET /tiles/problems z12 cells, 25 tiles, cache on", port(warmHttp), around("problems", 12)],
    ];
    const loadRows: Record<string, string | number>[] = [];
    for (const [name, at, paths] of loads) {
      // "Cache on" means warm: each of its tiles drawn once just before the clock starts.
      for (const path of at === port(warmHttp) ? paths : []) {
        await fetch(`http://127.0.0.1:${at}${path}`, { headers: { cookie } }).then((r) =>
          r.arrayBuffer(),
        );
      }
      const result = await autocannon({
        url: `http://127.0.0.1:${at}`,
        connections: 10,
        duration: 8,
        headers: { cookie },
        requests: paths.map((path) => ({ method: "GET" as const, path })),
      });
      loadRows.push({
        endpoint: name,
        "req/s": Math.round(result.requests.average),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        // Timeouts are among the errors; a request still unanswered when the run ends is in none.
        errors: result.errors + result.non2xx,
        requests: result.requests.total,
      });
    }
    warmHttp.close();

    console.log(
      `\nCity: ${size.communities} communities, ${size.grids} grids, ${size.units} units, ${size.volunteers} volunteers, ${size.problems.toLocaleString("en")} problems`,
    );
    console.log(
      `Tiles at the city centre, z10–z17, as the coordinator (median of ${RUNS} after a warm-up, SQL / cache off / cache warm in turn; in-process requests; load average ${loadBefore} → ${loadAfter} on ${"a 2-core machine"}):`,
    );
    console.table(tileRows);
    console.log(
      "Cold low-zoom problem tiles against a count of the same cells from the rollup (target ≤ 1.2× at z10–z12; z8–z9 sum z10's cells):",
    );
    console.table(rollupRows);
    const targetRows = rollupRows.filter((r) => Number(r.z) >= 10);
    const worstFloor = Math.max(...targetRows.map((r) => Number(r["tile/floor"])));
    const worstPacked = Math.max(...targetRows.map((r) => Number(r["tile/packed"])));
    console.log(
      `cold problem tiles z10–z12 / rollup cell count: worst ${worstFloor}× (target ≤ 1.2×: ${worstFloor <= 1.2 ? "met" : "NOT met"}); against the count packed into arrays as the tile's is: worst ${worstPacked}×; open problems past a deadline earlier today (China time), which each cell tile counts from the problems: ${dueToday?.n.toLocaleString("en")}`,
    );
    const worst = Math.max(...tileRows.map((r) => Number(r["cold/SQL"])));
    // Over the fixed set: the time to draw all eight tiles of a layer, endpoint beside SQL.
    const overSet = ["grids", "problems"].map((layer) => {
      const rows = tileRows.filter((r) => r.layer === layer);
      const sum = (column: string) => rows.reduce((total, r) => total + Number(r[column]), 0);
      return `${layer} ${round(sum("endpoint ms (cache off)") / sum("SQL ms"))}× (cache warm ${round(sum("endpoint ms (cache warm)") / sum("SQL ms"))}×)`;
    });
    console.log(
      `over the fixed set z10–z17, endpoint with the cache off / SQL: ${overSet.join(", ")}`,
    );
    console.log(
      `endpoint with the cache off / SQL: worst ${worst}× (target ≤ 1.2×: ${worst <= 1.2 ? "met" : "NOT met"}); with the cache warm the endpoint takes ${Math.min(...tileRows.map((r) => Number(r["endpoint ms (cache warm)"])))}–${Math.max(...tileRows.map((r) => Number(r["endpoint ms (cache warm)"])))} ms`,
    );
    console.log(
      `Largest tile per layer and zoom (KB; every tile of the city up to z${ALL_TILES_UP_TO}, the centre's above):`,
    );
    console.table(sizes.table);
    console.log(
      `largest tile ${sizes.largest.kb} KB (${sizes.largest.where}; limit ${MAX_TILE_KB} KB: ${sizes.largest.kb <= MAX_TILE_KB ? "met" : "NOT met"})`,
    );
    console.log(
      `Bulk import of ${IMPORT_SAMPLE.toLocaleString("en")} problems: plain insert ${rate(plain)}/s, insert + routing by one spatial join ${rate(withRouting)}/s (${round(withRouting / plain)}×)`,
    );
    console.log(
      `Under load (autocannon, 10 connections, 8 s each, over HTTP; load average ${load()}):`,
    );
    console.table(loadRows);
  } finally {
    http?.close();
    await close();
  }
}

/** The byte size of every tile of each layer that holds any of the city, z0–z17. */
async function largestTiles(db: Db, scope: Scope) {
  const table: Record<string, string | number>[] = [];
  let largest = { kb: 0, where: "" };
  for (const layer of tileLayers) {
    const row: Record<string, string | number> = { layer };
    for (let z = 0; z <= 17; z++) {
      const tiles = z <= ALL_TILES_UP_TO ? cityTiles(z) : [tileAt(CENTRE.lon, CENTRE.lat, z)];
      let most = 0;
      for (const tile of tiles) {
        const bytes = (await renderTile(db, layer, tile, scope)).body.byteLength;
        most = Math.max(most, bytes);
        if (kb(bytes) > largest.kb)
          largest = { kb: kb(bytes), where: `${layer} ${z}/${tile.x}/${tile.y}` };
      }
      row[`z${z}`] = Math.round(most / 1024);
    }
    table.push(row);
  }
  return { table, largest };
}

/** The tiles at zoom z that cover the generated city. */
function cityTiles(z: number) {
  const nw = tileAt(AREA.west, AREA.north, z);
  const se = tileAt(AREA.east, AREA.south, z);
  const tiles = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}

async function count(db: Db, table: string) {
  const [row] = await selectRows<{ n: number }>(
    db.orm,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

async function maxId(db: Db, table: string) {
  const [row] = await selectRows<{ n: number }>(
    db.orm,
    sql`SELECT coalesce(max(id), 0)::int AS n FROM ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

/** Median of `runs` timed runs after one warm-up, in ms. */
async function timed(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  if (runs > 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Medians of each, after a warm-up of each, run in turn (order rotated each round). */
async function timedTogether<K extends string>(
  runs: Record<K, () => Promise<unknown>>,
  rounds = RUNS,
): Promise<Record<K, number>> {
  const names = Object.keys(runs) as K[];
  for (const name of names) await runs[name]();
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]!;
      const t = performance.now();
      await runs[name]();
      times[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])])) as Record<K, number>;
}

function median(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

const round = (n: number) => Math.round(n * 100) / 100;
const kb = (bytes: number) => round(bytes / 1024);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await main();
