// Benchmark (issue 20): vector tiles and the problem list under concurrent load, against one
// CivGrid process on a primary (the baseline, measured in the same run) and against two processes
// on the same primary with a streaming replica serving the tiles. Both set-ups run on throwaway
// clusters (tests/api/replica-clusters.ts: pg_createcluster, pg_basebackup -R), the demo city
// loaded; the tile cache is off so that every tile is drawn. Without a proxy here, the load is
// split between the two processes by sending half the connections to each.
// Run with `pnpm --filter @civgrid/tests bench:replicas` (as root, for pg_createcluster);
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 16) change the load.
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import postgres from "postgres";
import {
  type AppProcess,
  clusterTools,
  primaryAndReplica,
  startApp,
  stopApp,
} from "../api/replica-clusters.ts";
import { tileAt } from "../api/tile-math.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

interface Load {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function signIn(app: AppProcess): Promise<string> {
  const answer = await fetch(`${app.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ username: "coordinator", password: "civgrid-demo" }),
  });
  if (answer.status !== 200) throw new Error(`sign-in: ${answer.status}`);
  // The session alone: the sign-in's read-after-write cookie would only add a replica check.
  return answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => c.startsWith("civgrid_session="))
    .join("; ");
}

/** `paths` round-robin, CONNECTIONS in all split over the processes, for SECONDS. */
async function load(targets: { app: AppProcess; cookie: string }[], paths: string[]) {
  const runs = await Promise.all(
    targets.map(({ app, cookie }) =>
      autocannon({
        url: app.url,
        connections: Math.max(1, Math.round(CONNECTIONS / targets.length)),
        duration: SECONDS,
        headers: { cookie },
        requests: paths.map((path) => ({ method: "GET", path })),
      }),
    ),
  );
  const requests = runs.reduce((n, r) => n + r.requests.total, 0);
  const result: Load = {
    requests,
    perSecond: Math.round(requests / SECONDS),
    // Of the busiest process: the slower one sets what a user sees.
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
  };
  return result;
}

async function main() {
  if (!clusterTools) throw new Error("needs pg_createcluster as root");
  const clusters = await primaryAndReplica();
  const apps: AppProcess[] = [];
  try {
    const common = { DATABASE_URL: clusters.primaryUrl, TILE_CACHE_MB: "0" };
    const solo = await startApp("solo", common);
    apps.push(solo);
    const direct = postgres(clusters.primaryUrl, { max: 1, onnotice: () => {} });
    const [spot] = await direct<{ lon: number; lat: number }[]>`
      SELECT ST_X(ST_Centroid(ST_Collect(geom))) AS lon, ST_Y(ST_Centroid(ST_Collect(geom))) AS lat
      FROM grids WHERE deleted_at IS NULL`;
    await direct.end();
    const tiles = [12, 13, 14, 15].flatMap((z) => {
      const { x, y } = tileAt(spot!.lon, spot!.lat, z);
      return ["grids", "problems", "points"].map((layer) => `/tiles/${layer}/${z}/${x}/${y}.mvt`);
    });
    const list = ["/api/problems?limit=50", "/api/problems?limit=50&offset=50"];
    const scenarios = { tiles, "problem list": list } as const;

    const rows: Record<string, string | number>[] = [];
    const baseline: Record<string, Load> = {};
    const soloCookie = await signIn(solo);
    for (const [name, paths] of Object.entries(scenarios)) {
      const r = await load([{ app: solo, cookie: soloCookie }], paths);
      baseline[name] = r;
      rows.push({ setup: "1 process, primary", load: name, ...r, "× baseline req/s": 1 });
    }
    await stopApp(solo);

    const env = { ...common, DATABASE_READ_URL: clusters.replicaUrl };
    const a = await startApp("A", env);
    apps.push(a);
    const b = await startApp("B", env);
    apps.push(b);
    const targets = [
      { app: a, cookie: await signIn(a) },
      { app: b, cookie: await signIn(b) },
    ];
    for (const [name, paths] of Object.entries(scenarios)) {
      const r = await load(targets, paths);
      const ratio = r.perSecond / Math.max(1, baseline[name]?.perSecond ?? 1);
      rows.push({
        setup: "2 processes + replica",
        load: name,
        ...r,
        "× baseline req/s": Number(ratio.toFixed(2)),
      });
    }
    console.log(
      `\n${SECONDS} s per load, ${CONNECTIONS} connections, ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}; tile cache off; the demo city (latency in ms)`,
    );
    console.table(rows);
  } finally {
    for (const app of apps) await stopApp(app);
    await clusters.drop();
  }
}

await main();
