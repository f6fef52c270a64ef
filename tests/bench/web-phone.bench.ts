// Benchmark: the web app on a phone (issue 22). For a build of the tree at BENCH_ROOT (this repo
// by default) served by that tree's own server on the demo city, prints:
// - the gzip bytes each page needs before its first paint and in all, against the budgets;
// - Lighthouse scores (npm `lighthouse`, mobile, its default simulated throttling, on Debian's
//   chromium) for /report, the sign-in page, /my-area as a volunteer and / as the coordinator;
// - the time until each page is drawn and idle in chromium at 4× CPU slowdown on a throttled
//   link (150 ms, 1.6 Mbit/s down: Lighthouse's mobile link).
// Each figure beside today's: those of main's build, measured by this script with
// BENCH_ROOT=<a checkout of main> BENCH_RECORD=tests/bench/web-phone.today.json and kept there.
// Run with `pnpm --filter @civgrid/tests bench:phone`; BENCH_RUNS sets the runs per page (3),
// BENCH_PAGES (e.g. "/my-area") measures only the pages whose path it names (comma-separated).
// Exits with 1 when a gzip budget or a Lighthouse target is missed.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { browserUnavailable, chromiumPath, launchBrowser } from "../e2e/browser.ts";
import { freePort, root as repo } from "../e2e/server.ts";
import { demoPassword } from "../e2e/sign-in.ts";
import { brokenBudgets, type PageWeight, pageWeights, printWeights } from "./web-budget.ts";

const run = promisify(execFile);
/** The tree measured: its web build, served by its server. */
export const ROOT = path.resolve(process.env.BENCH_ROOT ?? repo);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TODAY = path.join(repo, "tests/bench/web-phone.today.json");

/** The pages the issue judges, and who is signed in on each. */
export const allPages = [
  { name: "/report", path: "/report", account: null },
  { name: "sign-in", path: "/login", account: null },
  { name: "/my-area (volunteer)", path: "/my-area", account: "volunteer" },
  { name: "/ (coordinator)", path: "/", account: "coordinator" },
] as const;
const only = process.env.BENCH_PAGES?.split(",").map((p) => p.trim());
const pages = allPages.filter((page) => !only || only.includes(page.path));

/** Lighthouse mobile performance each page must reach (issue 22); accessibility 100 on all. */
const performanceTargets: Record<string, number> = {
  "/report": 90,
  "sign-in": 90,
  "/my-area (volunteer)": 80,
};

interface Figures {
  weights: PageWeight[];
  /** fcpMs, lcpMs, tbtMs: what the performance score is made of (absent in older records) */
  lighthouse: Record<
    string,
    { performance: number; accessibility: number; fcpMs?: number; lcpMs?: number; tbtMs?: number }
  >;
  idleMs: Record<string, number>;
}

/**
 * The server of the tree at `root` (BENCH_ROOT's by default) on a fresh data directory (it loads
 * the demo city on its first start).
 */
export async function startServer(
  dist: string,
  dataDir: string,
  root = ROOT,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(path.join(root, "api/node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: path.join(root, "api"),
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      WEB_DIST: dist,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("CivGrid is running")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the server stopped (${code}):\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function sessionCookie(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`sign-in as ${username}: ${response.status}`);
  return cookie;
}

/**
 * One Lighthouse run (mobile, simulated throttling): performance and accessibility, 0–100.
 * Asked again (up to three times) when Lighthouse loses its trace (NO_NAVSTART) on a busy machine.
 */
export async function lighthouse(url: string, cookie: string | null, attempt = 1): Promise<Scores> {
  try {
    return await lighthouseOnce(url, cookie);
  } catch (error) {
    if (attempt >= 3) throw error;
    return lighthouse(url, cookie, attempt + 1);
  }
}

export interface Scores {
  performance: number;
  accessibility: number;
  /** First and largest contentful paint, total blocking time (ms), as Lighthouse simulated them. */
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
}

async function lighthouseOnce(url: string, cookie: string | null): Promise<Scores> {
  const bin = path.join(repo, "tests/node_modules/.bin/lighthouse");
  const { stdout } = await run(
    bin,
    [
      url,
      "--only-categories=performance,accessibility",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout);
  const score = (category: string) => Math.round(report.categories[category].score * 100);
  const ms = (audit: string) => Math.round(report.audits[audit].numericValue);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    fcpMs: ms("first-contentful-paint"),
    lcpMs: ms("largest-contentful-paint"),
    tbtMs: ms("total-blocking-time"),
  };
}

/**
 * One cold load on a phone (360×800, 4× CPU, throttled link) until the page is drawn and idle:
 * the network quiet for half a second and, where the page has a map, the map loaded and idle.
 */
async function idleOnPhone(browser: Browser, url: string, cookie: string | null): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 800 },
    isMobile: true,
  });
  if (cookie) {
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await page.goto(url, { waitUntil: "networkidle", timeout: 180_000 });
  const ms = await page.evaluate(async () => {
    const map = window.__civgridMap;
    if (map && !(map.loaded() && map.areTilesLoaded()))
      await new Promise<void>((resolve) => map.once("idle", () => resolve()));
    return performance.now();
  });
  await context.close();
  return ms;
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(dist: string, url: string): Promise<Figures> {
  const figures: Figures = { weights: pageWeights(dist), lighthouse: {}, idleMs: {} };
  const cookies = new Map<string, string>();
  for (const { account } of pages)
    if (account && !cookies.has(account)) cookies.set(account, await sessionCookie(url, account));
  const browser = await launchBrowser();
  try {
    for (const { name, path: p, account } of pages) {
      const cookie = account ? cookies.get(account)! : null;
      const scores = [];
      const idle = [];
      for (let i = 0; i < RUNS; i++) {
        process.stdout.write(`  ${name} run ${i + 1}/${RUNS}\r`);
        scores.push(await lighthouse(url + p, cookie));
        idle.push(await idleOnPhone(browser, url + p, cookie));
      }
      figures.lighthouse[name] = {
        performance: median(scores.map((s) => s.performance)),
        accessibility: Math.min(...scores.map((s) => s.accessibility)),
        fcpMs: median(scores.map((s) => s.fcpMs)),
        lcpMs: median(scores.map((s) => s.lcpMs)),
        tbtMs: median(scores.map((s) => s.tbtMs)),
      };
      figures.idleMs[name] = Math.round(median(idle));
    }
  } finally {
    await browser.close();
  }
  return figures;
}

function print(now: Figures, today: Figures | null) {
  console.log("\nGzip bytes per page (KB), against the budgets; (before) = today's main:");
  printWeights(now.weights, today?.weights);
  console.log(
    `Lighthouse mobile (median of ${RUNS}; accessibility the lowest) and time to idle at 4× CPU on a 150 ms, 1.6 Mbit/s link:`,
  );
  console.table(
    pages.map(({ name }) => ({
      page: name,
      performance: now.lighthouse[name]?.performance,
      "(today)": today?.lighthouse[name]?.performance ?? "",
      accessibility: now.lighthouse[name]?.accessibility,
      "(today) ": today?.lighthouse[name]?.accessibility ?? "",
      "FCP/LCP/TBT ms": [
        now.lighthouse[name]?.fcpMs,
        now.lighthouse[name]?.lcpMs,
        now.lighthouse[name]?.tbtMs,
      ].join("/"),
      "idle ms": now.idleMs[name],
      "(today)  ": today?.idleMs[name] ?? "",
      "× today": today?.idleMs[name]
        ? Math.round((now.idleMs[name]! / today.idleMs[name]!) * 100) / 100
        : "",
    })),
  );
  console.log(
    "targets: performance ≥ 90 on /report and sign-in, ≥ 80 on /my-area; accessibility 100",
  );
}

/** The budgets and targets these figures miss, in words. */
function missed(now: Figures): string[] {
  const lines = brokenBudgets(now.weights);
  for (const { name } of pages) {
    const scores = now.lighthouse[name];
    const target = performanceTargets[name];
    if (scores && target !== undefined && scores.performance < target)
      lines.push(`${name}: Lighthouse performance ${scores.performance} (≥ ${target})`);
    if (scores && scores.accessibility < 100)
      lines.push(`${name}: Lighthouse accessibility ${scores.accessibility} (100)`);
  }
  return lines;
}

/** A production build of the web app of the tree at `root` (BENCH_ROOT's by default) into `dist`. */
export async function buildWeb(dist: string, root = ROOT) {
  console.log(`building ${root}/web …`);
  await run(
    path.join(root, "web/node_modules/.bin/vite"),
    ["build", "--outDir", dist, "--emptyOutDir", "--manifest", "--logLevel", "warn"],
    { cwd: path.join(root, "web"), env: { ...process.env, NODE_ENV: "production" } },
  );
}

/** Stops a server started here and waits for it: it still writes its database as it stops. */
export async function stopServer(server: ChildProcess | undefined) {
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((resolve) => server.once("exit", resolve));
    server.kill();
    await gone;
  }
}

async function main() {
  const unavailable = browserUnavailable();
  if (unavailable) throw new Error(unavailable);
  const dist = await mkdtemp(path.join(tmpdir(), "civgrid-bench-phone-dist-"));
  const dataDir = await mkdtemp(path.join(tmpdir(), "civgrid-bench-phone-data-"));
  let server: ChildProcess | undefined;
  try {
    await buildWeb(dist);
    const started = await startServer(dist, dataDir);
    server = started.child;
    const now = await measure(dist, started.url);
    const record = process.env.BENCH_RECORD;
    if (record) writeFileSync(path.resolve(record), `${JSON.stringify(now, null, 2)}\n`);
    const today = existsSync(TODAY) ? (JSON.parse(readFileSync(TODAY, "utf8")) as Figures) : null;
    print(now, record ? null : today);
    const misses = missed(now);
    for (const line of misses) console.error(`missed: ${line}`);
    if (misses.length) process.exitCode = 1;
  } finally {
    // the server still writes its database as it stops: remove its directory once it has gone
    await stopServer(server);
    await rm(dist, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}

// run as a script (web-phone-ab.bench.ts imports its parts)
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
