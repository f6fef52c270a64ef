// Benchmark: vector tiles and lists on a generated prefecture-size city (seeds/src/scale), on the
// PostgreSQL + PostGIS server. Prints: the tile endpoint beside the same tile SQL run directly
// (z10–z17; target ≤ 1.2×), tile bytes beside GeoJSON bytes for the same features, bulk import
// with routing beside a plain insert, and the list and tile endpoints under concurrent load.
// Run with `pnpm --filter @civgrid/tests bench:tiles`; BENCH_PROBLEMS sets the number of problems
// (default 1,000,000), BENCH_KEEP=1 keeps the throwaway database.

import { createApp, ensureCity, openDb, routeProblems, selectRows } from "@civgrid/api";
import { AREA, generateCity, insertProblems, PREFECTURE } from "@civgrid/seeds";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createSession, SESSION_COOKIE } from "../../api/src/accounts/sessions.ts";
import type { Scope } from "../../api/src/policy/scope.ts";
import type { TileLayer } from "../../api/src/tiles/layers.ts";
import { renderTile } from "../../api/src/tiles/render.ts";
import { createServerDatabase, serverUnavailable } from "../api/engines.ts";
import { tileAt, tileBbox } from "../api/tile-math.ts";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? PREFECTURE.problems);
const IMPORT_SAMPLE = Math.min(100_000, Math.max(10_000, Math.round(PROBLEMS / 10)));
const RUNS = 7;
const CENTRE = {
  lon: (AREA.west + AREA.east) / 2 + 0.013,
  lat: (AREA.south + AREA.north) / 2 + 0.007,
};

async function main() {
  const unavailable = await serverUnavailable();
  if (unavailable) throw new Error(unavailable);
  const server = await createServerDatabase();
  const db = await openDb({ databaseUrl: server.url, dataDir: "memory://" });
  let http: ReturnType<typeof serve> | undefined;
  try {
    await db.migrate();
    const cityId = await ensureCity(
      db,
      { seed: "none", city: { code: "370481", name: "滕州市" } },
      () => {},
    );
    const run = (statement: string) => db.orm.execute(sql.raw(statement));
    const size = { ...PREFECTURE, problems: PROBLEMS };
    const started = Date.now();
    await generateCity(run, cityId, size, (step, done, of) =>
      process.stdout.write(`\r[${"#".repeat(done)}${".".repeat(of - done)}] ${step}          `),
    );
    // Statistics first: without them the planner scans every grid per problem.
    await run("VACUUM ANALYZE");
    const routed = await timed(() => routeProblems(db.orm, cityId), 1);
    console.log(
      `\ngenerated ${JSON.stringify(size)} in ${Date.now() - started} ms (routing ${routed} ms)`,
    );

    // Bulk import: the same number of problems inserted plainly, and inserted then routed.
    const before = await count(db, "problems");
    const plain = await timed(
      () => insertProblems(run, cityId, before + 1, before + IMPORT_SAMPLE),
      1,
    );
    await run(`DELETE FROM problems WHERE id > (SELECT max(id) - ${IMPORT_SAMPLE} FROM problems)`);
    const withRouting = await timed(async () => {
      await insertProblems(run, cityId, before + 1, before + IMPORT_SAMPLE);
      await routeProblems(db.orm, cityId);
    }, 1);
    await run(`DELETE FROM problems WHERE id > (SELECT max(id) - ${IMPORT_SAMPLE} FROM problems)`);
    const rate = (ms: number) => Math.round((IMPORT_SAMPLE / ms) * 1000);

    const [user] = await selectRows<{ id: number }>(
      db.orm,
      sql`INSERT INTO users (city_id, username, display_name, password_hash, role)
          VALUES (${cityId}, 'bench', 'bench', 'x', 'coordinator') RETURNING id`,
    );
    const sessionUser = {
      id: user!.id,
      cityId,
      username: "bench",
      displayName: "bench",
      role: "coordinator" as const,
      unitId: null,
      personId: null,
      mustChangePassword: false,
    };
    const cookie = `${SESSION_COOKIE}=${await createSession(db.orm, sessionUser, 2)}`;
    const app = createApp({ db, cityId, basemapUrl: null });
    const scope: Scope = { kind: "city", cityId };

    const tileRows: Record<string, string | number>[] = [];
    for (const layer of ["grids", "problems"] as TileLayer[]) {
      for (let z = 10; z <= 17; z++) {
        const tile = tileAt(CENTRE.lon, CENTRE.lat, z);
        const path = `/tiles/${layer}/${z}/${tile.x}/${tile.y}.mvt`;
        let bytes = 0;
        const endpoint = await timed(async () => {
          const r = await app.request(path, { headers: { cookie } });
          bytes = (await r.arrayBuffer()).byteLength;
        });
        const direct = await timed(() => renderTile(db, layer, tile, scope));
        const bbox = tileBbox(tile).join(",");
        const list = layer === "grids" ? "grids" : "problems";
        const geojson = await app.request(`/api/${list}?bbox=${bbox}&limit=5000`, {
          headers: { cookie },
        });
        const body = await geojson.text();
        const matched = (JSON.parse(body) as { numberMatched: number }).numberMatched;
        tileRows.push({
          layer,
          z,
          "tile KB": kb(bytes),
          "endpoint ms": endpoint,
          "SQL ms": direct,
          "endpoint/SQL": round(endpoint / direct),
          features: matched,
          "GeoJSON KB (≤5000)": kb(body.length),
          "tile/GeoJSON": matched <= 5000 ? round(bytes / body.length) : "—",
        });
      }
    }

    http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => http!.once("listening", resolve));
    const port = (http.address() as { port: number }).port;
    const z14 = tileAt(CENTRE.lon, CENTRE.lat, 14);
    const loads = [
      [
        "GET /api/grids (bbox, one district)",
        `/api/grids?bbox=${tileBbox(tileAt(CENTRE.lon, CENTRE.lat, 12)).join(",")}&limit=1000`,
      ],
      ["GET /api/problems (limit 100)", "/api/problems?limit=100"],
      ["GET /tiles/grids z14", `/tiles/grids/14/${z14.x}/${z14.y}.mvt`],
      [
        "GET /tiles/problems z12 (cells)",
        (() => {
          const t = tileAt(CENTRE.lon, CENTRE.lat, 12);
          return `/tiles/problems/12/${t.x}/${t.y}.mvt`;
        })(),
      ],
    ] as const;
    const loadRows: Record<string, string | number>[] = [];
    for (const [name, path] of loads) {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}${path}`,
        connections: 10,
        duration: 8,
        headers: { cookie },
      });
      loadRows.push({
        endpoint: name,
        "req/s": Math.round(result.requests.average),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        errors: result.errors + result.non2xx,
        requests: result.requests.total,
      });
    }

    console.log(
      `\nCity: ${size.communities} communities, ${size.grids} grids, ${size.units} units, ${size.volunteers} volunteers, ${PROBLEMS.toLocaleString("en")} problems`,
    );
    console.log(
      "Tiles at the city centre, z10–z17 (median of 7 after a warm-up; in-process requests):",
    );
    console.table(tileRows);
    const worst = Math.max(...tileRows.map((r) => Number(r["endpoint/SQL"])));
    const largest = Math.max(...tileRows.map((r) => Number(r["tile KB"])));
    console.log(
      `endpoint/SQL worst ${worst}× (target ≤ 1.2×: ${worst <= 1.2 ? "met" : "NOT met"}); largest tile ${largest} KB (limit 500 KB)`,
    );
    console.log(
      `Bulk import of ${IMPORT_SAMPLE.toLocaleString("en")} problems: plain insert ${rate(plain)}/s, insert + routing by one spatial join ${rate(withRouting)}/s (${round(withRouting / plain)}×)`,
    );
    console.log("Under load (autocannon, 10 connections, 8 s each, over HTTP):");
    console.table(loadRows);
  } finally {
    http?.close();
    await db.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${server.url}`);
    else await server.drop();
  }
}

async function count(db: { orm: Parameters<typeof selectRows>[0] }, table: string) {
  const [row] = await selectRows<{ n: number }>(
    db.orm,
    sql`SELECT coalesce(max(id), 0)::int AS n FROM ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

async function timed(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  if (runs > 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)] ?? 0);
}

const round = (n: number) => Math.round(n * 100) / 100;
const kb = (bytes: number) => round(bytes / 1024);

await main();
