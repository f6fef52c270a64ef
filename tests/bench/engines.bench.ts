// bench:engines (issue 23 item 4): the real server (api/src/main.ts, a child process, so its
// resident memory is its own) with the demo city on each engine — embedded PGlite + PostGIS and a
// PostgreSQL + PostGIS server (a throwaway database on the test server) — side by side:
//   - first start and restart, and where the start spends its time (from the start-up log);
//   - the demo's main requests, N rounds: median ms per request on each engine, embedded ÷ server;
//   - requests per second (the rounds' requests one after another);
//   - resident memory sampled every few seconds (start, after open, after browsing, idle), with
//     the V8 breakdown the app itself cannot print from outside (rss from /proc);
//   - --browse-minutes=M: keeps browsing M minutes and prints RSS over time and its spread (the
//     issue's target: flat within ±10 % over 10 minutes);
//   - --problems=N: imports N problems with `import:problems` (no manual step after), restarts,
//     and times the hotspots at city zoom and every leaders'-page request right after, then again
//     after a manual ANALYZE: the ratio is the issue's first target (≤ 2×).
//   - --runner=build (default, what `start` runs: api/dist/main.mjs, built by api/scripts/build.mjs,
//     the build's time printed) or --runner=tsx (src/main.ts through tsx, as the tests run it).
// Flags: --rounds=20 --engines=pglite,postgres --browse-minutes=0 --problems=0 --runner=build
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "@civgrid/api";
import { AREA } from "@civgrid/seeds";
import { sql } from "drizzle-orm";
import { createServerDatabase, serverUnavailable } from "../api/engines.ts";
import { tileAt } from "../api/tile-math.ts";
import { freePort, root } from "../e2e/server.ts";
import { demoPassword } from "../e2e/sign-in.ts";
import { round } from "./bench-city.ts";

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string", default: "20" },
    engines: { type: "string", default: "pglite,postgres" },
    "browse-minutes": { type: "string", default: "0" },
    problems: { type: "string", default: "0" },
    runner: { type: "string", default: "build" },
  },
});
const ROUNDS = Number(flags.rounds);
const BROWSE_MS = Number(flags["browse-minutes"]) * 60_000;
const PROBLEMS = Number(flags.problems);
const ENGINES = flags.engines.split(",") as EngineName[];
const RUNNER = flags.runner === "tsx" ? "tsx" : "build";
const SAMPLE_MS = 2000;
const API = path.join(root, "api");

type EngineName = "pglite" | "postgres";
type Account = "coordinator" | "leader" | "volunteer";

/** Tengzhou's centre (the demo city) and the whole generated city area. */
const CENTRE = { lon: 117.165, lat: 35.085 };
const CITY_BBOX = [AREA.west, AREA.south, AREA.east, AREA.north].join(",");
const VIEW = "117.10,35.04,117.22,35.12";

const tile = (layer: string, z: number) => {
  const t = tileAt(CENTRE.lon, CENTRE.lat, z);
  return `/tiles/${layer}/${z}/${t.x}/${t.y}.mvt`;
};

/** The leaders' page: hotspots (clusters) and hexagons at city zoom, trends, rankings. */
const leaderRequests: [string, Account, string][] = [
  ["hotspots, city zoom", "leader", `/api/analytics/clusters?bbox=${CITY_BBOX}&zoom=10`],
  ["hexagons, city zoom", "leader", `/api/analytics/hexagons?bbox=${CITY_BBOX}&zoom=10`],
  ["hexagons, z13 view", "leader", `/api/analytics/hexagons?bbox=${VIEW}&zoom=13`],
  ["trends by unit", "leader", "/api/analytics/trends?by=unit"],
  ["rankings by unit", "leader", "/api/analytics/rankings?by=unit"],
  ["rankings by grid", "leader", "/api/analytics/rankings?by=grid"],
];

/** The demo's main requests, as the pages make them. `{problem}` is a problem of the list. */
const mainRequests: [string, Account | null, string][] = [
  ["config", null, "/api/config"],
  ["me", "coordinator", "/api/auth/me"],
  ["grids (map list)", "coordinator", `/api/grids?bbox=${VIEW}&limit=1000`],
  ["points (map list)", "coordinator", `/api/points?bbox=${VIEW}&limit=1000`],
  ["communities (list)", "coordinator", "/api/communities"],
  ["grids tile z12", "coordinator", tile("grids", 12)],
  ["grids tile z14", "coordinator", tile("grids", 14)],
  ["problems tile z12", "coordinator", tile("problems", 12)],
  ["problems tile z14", "coordinator", tile("problems", 14)],
  ["problems tile z16", "coordinator", tile("problems", 16)],
  ["points tile z15", "coordinator", tile("points", 15)],
  ["problem list", "coordinator", "/api/problems?limit=50"],
  [
    "problem list, open",
    "coordinator",
    "/api/problems?limit=50&status=reported,dispatched,rectifying",
  ],
  ["problem detail", "coordinator", "/api/problems/{problem}"],
  ["problem board", "coordinator", "/api/problems/board"],
  ...leaderRequests,
  ["my area (volunteer)", "volunteer", "/api/my-area"],
  ["my reports (volunteer)", "volunteer", "/api/my-reports"],
];

interface Sample {
  at: number;
  phase: string;
  rssMb: number;
}

/** Resident memory of a process, from /proc (the child's own, not this process's). */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

class App {
  child!: ChildProcess;
  url = "";
  log: { at: number; line: string }[] = [];
  samples: Sample[] = [];
  phase = "start";
  private sampler: NodeJS.Timeout | undefined;
  private cookies = new Map<Account, string>();
  private started = 0;

  constructor(private env: Record<string, string>) {}

  /** Starts the server; resolves with ms until it listens. */
  async start(): Promise<number> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.cookies.clear();
    this.log = [];
    this.started = performance.now();
    // node itself, not the tsx CLI (which runs the app in a second process): one pid to measure.
    const main = RUNNER === "tsx" ? ["--import", "tsx", "src/main.ts"] : ["dist/main.mjs"];
    this.child = spawn(process.execPath, main, {
      cwd: API,
      env: { ...process.env, ...this.env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const child = this.child;
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS);
    this.sample();
    return new Promise<number>((resolve, reject) => {
      let rest = "";
      const onData = (chunk: Buffer) => {
        rest += chunk.toString();
        const lines = rest.split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) {
          this.log.push({ at: performance.now() - this.started, line });
          if (line.includes("CivGrid is running")) resolve(performance.now() - this.started);
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code) =>
        reject(
          new Error(`the server stopped (${code}):\n${this.log.map((l) => l.line).join("\n")}`),
        ),
      );
    });
  }

  sample() {
    if (this.child?.pid && this.child.exitCode === null) {
      this.samples.push({
        at: performance.now(),
        phase: this.phase,
        rssMb: rssMb(this.child.pid),
      });
    }
  }

  async stop() {
    clearInterval(this.sampler);
    const child = this.child;
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  /** The start-up log with the ms each line came at: where a start spends its time. */
  timeline(): string {
    return this.log
      .filter((l) => l.line.startsWith("[civgrid]"))
      .map((l) => `    ${(l.at / 1000).toFixed(1).padStart(6)} s  ${l.line.slice(0, 110)}`)
      .join("\n");
  }

  async signIn(account: Account) {
    const response = await fetch(`${this.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.url },
      body: JSON.stringify({ username: account, password: demoPassword }),
    });
    if (response.status !== 200) throw new Error(`sign-in ${account}: ${response.status}`);
    const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]);
    this.cookies.set(account, cookie.join("; "));
  }

  /** One request, its time in ms; anything but 200 stops the benchmark (a failing request is no figure). */
  async get(account: Account | null, pathname: string): Promise<number> {
    if (account && !this.cookies.has(account)) await this.signIn(account);
    const headers: Record<string, string> = account ? { cookie: this.cookies.get(account)! } : {};
    const t = performance.now();
    const response = await fetch(`${this.url}${pathname}`, { headers });
    const body = await response.arrayBuffer();
    const ms = performance.now() - t;
    if (response.status !== 200) {
      throw new Error(`GET ${pathname}: ${response.status} ${Buffer.from(body).toString()}`);
    }
    return ms;
  }

  async json<T>(account: Account, pathname: string): Promise<T> {
    if (!this.cookies.has(account)) await this.signIn(account);
    const response = await fetch(`${this.url}${pathname}`, {
      headers: { cookie: this.cookies.get(account)! },
    });
    return (await response.json()) as T;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.floor(s.length / 2)] ?? 0);
};

interface EngineResult {
  firstStartMs: number;
  restartMs: number;
  signInMs: number;
  medians: Map<string, number>;
  reqPerS: number;
  rss: Record<string, number>;
  browse: Sample[];
  scale?: {
    importMs: number;
    restartMs: number;
    right: Map<string, number>;
    analyzed: Map<string, number>;
  };
}

async function engineSetup(engine: EngineName) {
  if (engine === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), "civgrid-bench-engines-"));
    const env = { DATABASE_URL: "", DATA_DIR: path.join(dir, "data"), SEED: "demo" };
    return {
      env,
      databaseUrl: undefined,
      dataDir: env.DATA_DIR,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const unavailable = await serverUnavailable();
  if (unavailable) throw new Error(unavailable);
  const server = await createServerDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), "civgrid-bench-engines-"));
  const env = { DATABASE_URL: server.url, DATA_DIR: path.join(dir, "data"), SEED: "demo" };
  return {
    env,
    databaseUrl: server.url,
    dataDir: env.DATA_DIR,
    drop: async () => {
      await server.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const lastRss = (app: App, phase: string) =>
  app.samples.filter((s) => s.phase === phase).at(-1)?.rssMb ?? 0;

async function timeRequests(app: App, requests: typeof mainRequests, rounds: number) {
  const times = new Map<string, number[]>(requests.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, account, pathname] of requests) {
      times.get(name)!.push(await app.get(account, pathname));
    }
  }
  return new Map([...times].map(([name, ms]) => [name, median(ms)]));
}

/** A CSV of `n` problems spread over the city area, for import:problems. */
async function problemsCsv(n: number, file: string) {
  let seed = 23;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const lines = ["lon,lat,description"];
  for (let i = 0; i < n; i++) {
    const lon = AREA.west + random() * (AREA.east - AREA.west);
    const lat = AREA.south + random() * (AREA.north - AREA.south);
    lines.push(`${lon.toFixed(6)},${lat.toFixed(6)},bench problem ${i}`);
  }
  await writeFile(file, `${lines.join("\n")}\n`);
}

function runCli(env: Record<string, string>, args: string[]): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: API,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("exit", (code) =>
      code === 0 ? resolve(performance.now() - t) : reject(new Error(`${args[0]}: exit ${code}`)),
    );
  });
}

async function benchEngine(engine: EngineName): Promise<EngineResult> {
  console.log(`\n== ${engine} ==`);
  const setup = await engineSetup(engine);
  const app = new App(setup.env);
  try {
    const firstStartMs = await app.start();
    console.log(`  first start ${(firstStartMs / 1000).toFixed(1)} s:\n${app.timeline()}`);
    await app.stop();
    app.phase = "restart";
    const restartMs = await app.start();
    console.log(`  restart ${(restartMs / 1000).toFixed(1)} s:\n${app.timeline()}`);
    app.phase = "after open";
    app.sample();
    const t = performance.now();
    await app.signIn("coordinator");
    const signInMs = round(performance.now() - t);
    const list = await app.json<{ items?: { id: number }[]; features?: { id: number }[] }>(
      "coordinator",
      "/api/problems?limit=1",
    );
    const problemId = (list.items ?? list.features)?.[0]?.id;
    if (!problemId) throw new Error(`no problem in the demo: ${JSON.stringify(list)}`);
    const requests = mainRequests.map(
      ([name, account, p]) => [name, account, p.replace("{problem}", String(problemId))] as const,
    ) as typeof mainRequests;
    app.phase = "browsing";
    await timeRequests(app, requests, 1); // warm-up: caches, plans
    const started = performance.now();
    const medians = await timeRequests(app, requests, ROUNDS);
    const reqPerS = round((ROUNDS * requests.length) / ((performance.now() - started) / 1000));
    app.sample();
    app.phase = "idle";
    await new Promise((r) => setTimeout(r, 10_000));
    app.sample();
    let browse: Sample[] = [];
    if (BROWSE_MS > 0) {
      app.phase = "long browse";
      const until = performance.now() + BROWSE_MS;
      while (performance.now() < until) await timeRequests(app, requests, 1);
      browse = app.samples.filter((s) => s.phase === "long browse");
      app.phase = "idle after browse";
      await new Promise((r) => setTimeout(r, 10_000));
      app.sample();
    }
    const rss = {
      "after open": app.samples.find((s) => s.phase === "after open")?.rssMb ?? 0,
      "after browsing": app.samples.filter((s) => s.phase === "browsing").at(-1)?.rssMb ?? 0,
      "peak while browsing": Math.max(
        0,
        ...app.samples.filter((s) => s.phase === "browsing").map((s) => s.rssMb),
      ),
      idle: lastRss(app, "idle"),
      ...(BROWSE_MS > 0 && { "idle after long browse": lastRss(app, "idle after browse") }),
    };
    let scale: EngineResult["scale"];
    if (PROBLEMS > 0) {
      await app.stop();
      const csv = path.join(setup.dataDir, "..", "problems.csv");
      await problemsCsv(PROBLEMS, csv);
      const importMs = await runCli(setup.env, ["src/import-problems-cli.ts", csv]);
      app.phase = "after import";
      const scaleRestartMs = await app.start();
      // Right after the import, cold: each request once (the first is the one a leader waits for).
      const right = new Map<string, number>();
      for (const [name, account, p] of leaderRequests)
        right.set(name, round(await app.get(account, p)));
      await app.stop();
      // A manual ANALYZE of the whole database, the issue's baseline.
      const db = await openDb({ databaseUrl: setup.databaseUrl, dataDir: setup.dataDir });
      await db.orm.execute(sql`ANALYZE`);
      await db.close();
      app.phase = "after analyze";
      await app.start();
      const analyzed = new Map<string, number>();
      for (const [name, account, p] of leaderRequests) {
        analyzed.set(name, round(await app.get(account, p)));
      }
      scale = { importMs: round(importMs), restartMs: round(scaleRestartMs), right, analyzed };
    }
    return { firstStartMs, restartMs, signInMs, medians, reqPerS, rss, browse, scale };
  } finally {
    await app.stop().catch(() => {});
    await setup.drop();
  }
}

// `start` builds before it runs: the build is timed here once, and each start below runs its output.
const buildStarted = performance.now();
if (RUNNER === "build") execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: API });
const BUILD_MS = performance.now() - buildStarted;
const results = new Map<EngineName, EngineResult>();
for (const engine of ENGINES) results.set(engine, await benchEngine(engine));

const [a, b] = ENGINES.map((e) => results.get(e)!);
const cell = (s: string | number, w = 12) => String(s).padStart(w);
const ratio = (x: number, y: number | undefined) => (y ? `${(x / y).toFixed(2)}×` : "-");
const header = `${"".padEnd(28)}${ENGINES.map((e) => cell(e)).join("")}${b ? cell(`${ENGINES[0]}÷${ENGINES[1]}`, 18) : ""}`;
const row = (name: string, x: number, y: number | undefined, unit = "") =>
  console.log(
    `${name.padEnd(28)}${cell(`${x}${unit}`)}${y === undefined ? "" : cell(`${y}${unit}`)}${b ? cell(ratio(x, y), 18) : ""}`,
  );

console.log(`\n== bench:engines: demo city, ${ROUNDS} rounds, median ms per request ==`);
console.log(
  `runner: ${RUNNER === "tsx" ? "src/main.ts through tsx" : `dist/main.mjs, built in ${(BUILD_MS / 1000).toFixed(1)} s`}`,
);
console.log(header);
row("first start (s)", round(a!.firstStartMs / 1000), b && round(b.firstStartMs / 1000));
row("restart (s)", round(a!.restartMs / 1000), b && round(b.restartMs / 1000));
row("sign-in (ms)", a!.signInMs, b?.signInMs);
for (const name of a!.medians.keys()) row(name, a!.medians.get(name)!, b?.medians.get(name));
row("req/s (one after another)", a!.reqPerS, b?.reqPerS);
const slowest = b
  ? [...a!.medians.keys()]
      .map((name) => [name, a!.medians.get(name)! / Math.max(0.01, b.medians.get(name)!)] as const)
      .sort((x, y) => y[1] - x[1])[0]
  : undefined;
if (slowest) console.log(`slowest against ${ENGINES[1]}: ${slowest[0]} ${slowest[1].toFixed(2)}×`);

console.log("\n== resident memory (MB, the server process) ==");
console.log(header);
for (const phase of Object.keys(a!.rss)) {
  row(phase, a!.rss[phase]!, b?.rss[phase]);
}
if (BROWSE_MS > 0) {
  console.log(`\n== RSS over ${BROWSE_MS / 60_000} minutes of browsing (MB, every minute) ==`);
  for (const engine of ENGINES) {
    const browse = results.get(engine)!.browse;
    if (!browse.length) continue;
    const t0 = browse[0]!.at;
    const perMinute = browse.filter(
      (s, i) =>
        i === 0 || Math.floor((s.at - t0) / 60_000) > Math.floor((browse[i - 1]!.at - t0) / 60_000),
    );
    const first = browse[0]!.rssMb;
    const rss = browse.map((s) => s.rssMb);
    const spread = (Math.max(...rss) - first) / first;
    console.log(
      `${engine.padEnd(10)} ${perMinute.map((s) => s.rssMb).join(" → ")}   (max ${Math.max(...rss)}, min ${Math.min(...rss)}; max vs start ${(spread * 100).toFixed(1)} %)`,
    );
  }
}
if (a!.scale) {
  console.log(`\n== ${PROBLEMS.toLocaleString("en")} problems imported (import:problems) ==`);
  console.log(header);
  row("import (s)", round(a!.scale.importMs / 1000), b?.scale && round(b.scale.importMs / 1000));
  row("restart (s)", round(a!.scale.restartMs / 1000), b?.scale && round(b.scale.restartMs / 1000));
  for (const [name] of leaderRequests) {
    const x = a!.scale.right.get(name)!;
    const y = b?.scale?.right.get(name);
    row(`${name}, right after`, x, y);
    row(`  … after ANALYZE`, a!.scale.analyzed.get(name)!, b?.scale?.analyzed.get(name));
    console.log(
      `${"  right after ÷ after ANALYZE".padEnd(28)}${ENGINES.map((e) => {
        const s = results.get(e)!.scale!;
        return cell(ratio(s.right.get(name)!, s.analyzed.get(name)));
      }).join("")}`,
    );
  }
}
