// Benchmark: the web map page on a generated city of 5,000 grids (seeds/src/scale) on the
// PostgreSQL + PostGIS server. Prints the gzip size of the JS and CSS each page loads before its
// first paint and in all, against issue 22's budgets (web-budget.ts, from a `vite build` of web/), and the time until the map page is drawn and idle (maplibre's `idle`
// after its data, as body[data-map-ready]) in headless chromium, with its layers read as GeoJSON
// (MAP_TILES_ABOVE above any count) beside the same page reading them from /tiles, in one run.
// Run with `pnpm --filter @civgrid/tests bench:web`; BENCH_PROBLEMS sets the number of problems
// (default 20,000), BENCH_RUNS the measured loads per path (default 5).

import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, routeProblems } from "@civgrid/api";
import { PREFECTURE } from "@civgrid/seeds";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { SESSION_COOKIE } from "../../api/src/accounts/sessions.ts";
import { browserUnavailable, launchBrowser } from "../e2e/browser.ts";
import { root } from "../e2e/server.ts";
import { benchCoordinator, benchDatabase, generateWithProgress } from "./bench-city.ts";
import { type PageWeight, pageWeights, printWeights } from "./web-budget.ts";

/** Today's page weights, recorded by bench:phone on main's build (web-phone.today.json). */
function todayWeights(): PageWeight[] | undefined {
  const file = path.join(root, "tests/bench/web-phone.today.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).weights : undefined;
}

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VIEWPORT = { width: 1280, height: 800 };

/** Builds web/ into a throwaway folder (never the shared web/dist) as production code. */
async function buildWeb(outDir: string) {
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: path.join(root, "web"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = mode;
  }
}

interface Load {
  readyMs: number;
  requests: number;
  dataKb: number;
}

/** One cold load of the map page (a new browser context: no HTTP cache) until it is drawn and idle. */
async function loadMap(browser: Browser, url: string, cookie: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url }]);
  const page = await context.newPage();
  // the moment the page marks the map ready, in the page's own clock (0 = navigation start)
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body?.dataset.mapReady === "true") {
        (window as unknown as { readyAt: number }).readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-map-ready"] });
  });
  let requests = 0;
  let dataBytes = 0;
  page.on("response", async (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith("/api/") && !pathname.startsWith("/tiles/")) return;
    requests++;
    dataBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(`${url}/map`);
  await page.waitForSelector("body[data-map-ready='true']", { timeout: 300_000 });
  const readyMs = await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt);
  const gridCount = Number(await page.evaluate(() => document.body.dataset.gridCount));
  if (!(gridCount > 0)) throw new Error(`${url}: the map drew no grid`);
  await context.close();
  return { readyMs, requests, dataKb: Math.round(dataBytes / 1024) };
}

async function main() {
  const unavailable = browserUnavailable();
  if (unavailable) throw new Error(unavailable);
  const dist = await mkdtemp(path.join(tmpdir(), "civgrid-bench-web-"));
  // Always a city of its own: the two map paths are timed on what this run generates.
  const { db, cityId, close } = await benchDatabase("none", { reusable: false });
  const http: ReturnType<typeof serve>[] = [];
  let browser: Browser | undefined;
  try {
    await buildWeb(dist);
    const weights = pageWeights(dist);

    const size = { ...PREFECTURE, problems: PROBLEMS };
    await generateWithProgress(db, cityId, size);
    await db.orm.execute(sql`VACUUM ANALYZE`);
    await routeProblems(db.orm, cityId);
    const cookie = await benchCoordinator(db, cityId);

    // The same database and build behind two servers that differ only in the switch.
    const paths = { GeoJSON: Number.MAX_SAFE_INTEGER, tiles: 2000 };
    const urls: Record<string, string> = {};
    for (const [name, mapTilesAbove] of Object.entries(paths)) {
      const app = createApp({ db, cityId, basemapUrl: null, mapTilesAbove, webDist: dist });
      const listening = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      http.push(listening);
      await new Promise((resolve) => listening.once("listening", resolve));
      urls[name] = `http://127.0.0.1:${(listening.address() as { port: number }).port}`;
    }

    browser = await launchBrowser();
    const loads: Record<string, Load[]> = { GeoJSON: [], tiles: [] };
    for (const name of Object.keys(paths)) await loadMap(browser, urls[name]!, cookie); // warm-up
    // alternate the two paths, so the machine's other work weighs on both alike
    for (let i = 0; i < RUNS; i++)
      for (const name of Object.keys(paths))
        loads[name]!.push(await loadMap(browser, urls[name]!, cookie));

    console.log(
      `\nCity: ${size.communities} communities, ${size.grids} grids, ${size.units} units, ${PROBLEMS.toLocaleString("en")} problems; chromium ${VIEWPORT.width}×${VIEWPORT.height}, software WebGL`,
    );
    console.log("JS and CSS per page, gzip (vite build of web/), beside today's main:");
    printWeights(weights, todayWeights());
    console.log(`Map page until drawn and idle (median of ${RUNS} cold loads after a warm-up):`);
    const median = (name: string) => middle(loads[name]!.map((l) => l.readyMs));
    const rows = Object.keys(paths).map((name) => ({
      path: name,
      "idle ms (median)": Math.round(median(name)),
      "min ms": Math.round(Math.min(...loads[name]!.map((l) => l.readyMs))),
      "max ms": Math.round(Math.max(...loads[name]!.map((l) => l.readyMs))),
      requests: middle(loads[name]!.map((l) => l.requests)),
      "data KB": middle(loads[name]!.map((l) => l.dataKb)),
      "× GeoJSON": round(median(name) / median("GeoJSON")),
    }));
    console.table(rows);
  } finally {
    await browser?.close();
    for (const listening of http) listening.close();
    await close();
    if (existsSync(dist)) await rm(dist, { recursive: true, force: true });
  }
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

await main();
