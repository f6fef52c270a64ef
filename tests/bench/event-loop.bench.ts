// Benchmark (issue 21 item 4): is a cheap request still quick while a heavy one runs? Starts the
// app on the embedded engine (PGlite, in memory, the demo city), gives a community a large
// outline, and times GET /api/config alone, then while 40-grid partition previews run:
// "before", the partition on the event loop as the handler ran it before the worker pool (the
// same geo/ call, made on this thread), and "after", POST …/partition/preview (the pool).
// Run with `npx tsx tests/bench/event-loop.bench.ts` (a plain script; vitest does not pick it up).
import type { AddressInfo } from "node:net";
import { createApp, ensureCity, openDb, selectRows } from "@civgrid/api";
import { partitionBalanced } from "@civgrid/geo";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { SESSION_COOKIE } from "../../api/src/accounts/sessions.ts";
import { closeWorkerPool } from "../../api/src/workers/pool.ts";
import { benchCoordinator } from "./bench-city.ts";
import { prefectureOutline } from "./prefecture-outline.ts";

/** Heavy runs per phase; a config request every GAP_MS meanwhile. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GAP_MS = 20;
const COUNT = 40;

const db = await openDb({ dataDir: "memory://" });
await db.migrate();
const cityId = await ensureCity(
  db,
  { seed: "demo", city: { code: "370481", name: "滕州市" } },
  () => {},
);
const [community] = await selectRows<{ id: number; lon: number; lat: number }>(
  db.orm,
  sql`SELECT id, ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat
      FROM communities ORDER BY id LIMIT 1`,
);
if (!community) throw new Error("the demo city has no community");
// A large community: a jagged 6,000-vertex coast 8 km across with three islands.
const outline = prefectureOutline({
  radiusKm: 4,
  islands: 3,
  centre: [community.lon, community.lat],
});
await db.orm.execute(
  sql`UPDATE communities SET geom = ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(outline)}), 4326)
      WHERE id = ${community.id}`,
);
const token = await benchCoordinator(db, cityId);
const app = createApp({ db, cityId, basemapUrl: null });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const headers = { cookie: `${SESSION_COOKIE}=${token}`, origin: base };

async function configMs(): Promise<number> {
  const started = performance.now();
  // Signed in: an anonymous caller is throttled, which would time the limiter, not the loop.
  const answer = await fetch(`${base}/api/config`, { headers });
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`/api/config answered ${answer.status}`);
  return performance.now() - started;
}

/** Config requests one after another, GAP_MS apart, until `done` resolves. */
async function sampleWhile(done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const times: number[] = [];
  while (!finished) {
    times.push(await configMs());
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  return times;
}

async function phase(heavy: () => Promise<unknown>): Promise<{ times: number[]; heavyMs: number }> {
  const times: number[] = [];
  const started = performance.now();
  for (let run = 0; run < RUNS; run++) {
    const running = heavy();
    times.push(...(await sampleWhile(running)));
    await running;
  }
  return { times, heavyMs: (performance.now() - started) / RUNS };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

// Warm both sides: the first config answer, and the pool's first task (it compiles geo/).
for (let i = 0; i < 20; i++) await configMs();
const preview = () =>
  fetch(`${base}/api/communities/${community.id}/partition/preview`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ count: COUNT }),
  }).then(async (answer) => {
    if (answer.status !== 200)
      throw new Error(`preview answered ${answer.status}: ${await answer.text()}`);
    return answer.json();
  });
await preview();

const alone: number[] = [];
for (let i = 0; i < 200; i++) {
  alone.push(await configMs());
  await new Promise((resolve) => setTimeout(resolve, GAP_MS / 4));
}
// Before: the handler computed on the event loop; a macrotask lets the sampler start first.
const before = await phase(
  () =>
    new Promise((resolve) =>
      setTimeout(() => resolve(partitionBalanced(outline, { count: COUNT })), GAP_MS),
    ),
);
const after = await phase(preview);

const rows = [
  { name: "GET /api/config alone", times: alone, heavyMs: 0 },
  { name: `… while a ${COUNT}-grid partition runs on the event loop (before)`, ...before },
  { name: `… while ${COUNT}-grid partition previews run on the pool (after)`, ...after },
];
const p50 = percentile(alone, 50);
const p99 = percentile(alone, 99);
console.log(
  `Node ${process.version}, ${new Date().toISOString()}, outline of ${outline.coordinates.flat(2).length} vertices, ${RUNS} runs`,
);
console.log("| requests | n | p50 ms | p99 ms | p50 ÷ alone | p99 ÷ alone | partition ms |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) {
  const [a, b] = [percentile(row.times, 50), percentile(row.times, 99)];
  console.log(
    `| ${row.name} | ${row.times.length} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / p50).toFixed(1)} | ${(b / p99).toFixed(1)} | ${row.heavyMs ? row.heavyMs.toFixed(0) : ""} |`,
  );
}
const verdict = percentile(after.times, 99) < 200 ? "under" : "OVER";
console.log(
  `p99 while the pool runs partitions: ${percentile(after.times, 99).toFixed(0)} ms, ${verdict} the 200 ms target`,
);

server.close();
await closeWorkerPool();
await db.close();
