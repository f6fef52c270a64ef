// Benchmark: a change to what the web app's build serves, A against B, measured in the same run
// (issue 22). On a loaded machine Lighthouse's score moves with the load by more than such a
// change does, so two separate runs cannot be compared: here both variants are served at once and
// their Lighthouse runs alternate (A B, then B A, …), each printed with the load average at its
// start, then the medians.
// B is a production build of this tree (BENCH_ROOT, as bench:phone). A is either
// - the build of another checkout, BENCH_A_ROOT (main's, say: `git worktree add /tmp/main main`
//   and `pnpm install` there), served by that checkout's own server; or
// - the same build as B without the files BENCH_A_WITHOUT names (comma-separated, with their .br
//   and .gz copies). By default that is report.html, /report's copy of index.html that preloads the
//   citizen page's chunk: A is then /report as main served it, loading that chunk only once the
//   shell has run and asked.
// Each variant is served on a data directory of its own (demo city); a page that needs a user
// (/my-area: the volunteer, as bench:phone) is opened with a session of that server's.
// Run with `pnpm --filter @civgrid/tests bench:phone-ab`; BENCH_RUNS sets the runs per variant
// and page (3), BENCH_PAGES the pages measured (comma-separated paths, "/report" by default;
// "/my-area" for the volunteer's).
import type { ChildProcess } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { CITIZEN_PAGE_HTML } from "@civgrid/geo";
import { browserUnavailable } from "../e2e/browser.ts";
import {
  allPages,
  buildWeb,
  lighthouse,
  median,
  ROOT,
  type Scores,
  sessionCookie,
  startServer,
  stopServer,
} from "./web-phone.bench.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAGES = (process.env.BENCH_PAGES ?? "/report").split(",").map((p) => p.trim());
const A_ROOT = process.env.BENCH_A_ROOT ? path.resolve(process.env.BENCH_A_ROOT) : null;
const WITHOUT = (process.env.BENCH_A_WITHOUT ?? CITIZEN_PAGE_HTML).split(",").map((f) => f.trim());

/** Who is signed in on a page measured (bench:phone's table); null for a public page. */
const accountOf = (page: string) => allPages.find((p) => p.path === page)?.account ?? null;

interface Run extends Scores {
  page: string;
  variant: "A" | "B";
  load: number;
}

async function main() {
  const unavailable = browserUnavailable();
  if (unavailable) throw new Error(unavailable);
  const temp = await mkdtemp(path.join(tmpdir(), "civgrid-bench-phone-ab-"));
  const servers: ChildProcess[] = [];
  try {
    const distB = path.join(temp, "dist-b");
    const distA = path.join(temp, "dist-a");
    await buildWeb(distB);
    if (A_ROOT) await buildWeb(distA, A_ROOT);
    else {
      cpSync(distB, distA, { recursive: true });
      for (const file of WITHOUT) {
        if (!existsSync(path.join(distB, file))) throw new Error(`the build has no ${file}`);
        for (const copy of [file, `${file}.br`, `${file}.gz`])
          rmSync(path.join(distA, copy), { force: true });
      }
    }
    const urls: Record<"A" | "B", string> = { A: "", B: "" };
    // each server's sessions, by account
    const cookies: Record<"A" | "B", Map<string, string>> = { A: new Map(), B: new Map() };
    for (const [variant, dist, root] of [
      ["A", distA, A_ROOT ?? undefined],
      ["B", distB, undefined],
    ] as const) {
      const started = await startServer(dist, path.join(temp, `data-${variant}`), root);
      servers.push(started.child);
      urls[variant] = started.url;
      for (const page of PAGES) {
        const account = accountOf(page);
        if (account && !cookies[variant].has(account))
          cookies[variant].set(account, await sessionCookie(started.url, account));
      }
    }
    const runs: Run[] = [];
    for (const page of PAGES)
      for (let i = 0; i < RUNS; i++)
        for (const variant of i % 2 === 0 ? (["A", "B"] as const) : (["B", "A"] as const)) {
          process.stdout.write(`  ${page} ${variant} run ${i + 1}/${RUNS}\r`);
          const load = loadavg()[0]!;
          const account = accountOf(page);
          const cookie = account ? cookies[variant].get(account)! : null;
          runs.push({ page, variant, load, ...(await lighthouse(urls[variant] + page, cookie)) });
        }
    console.log(
      `\nA: ${A_ROOT ? `the build of ${A_ROOT}` : `the build without ${WITHOUT.join(", ")}`}; B: the build of ${ROOT}.`,
    );
    console.log("Each Lighthouse mobile run (simulated throttling), in the order run:");
    console.table(
      runs.map((r) => ({
        page: r.page,
        variant: r.variant,
        performance: r.performance,
        "FCP ms": r.fcpMs,
        "LCP ms": r.lcpMs,
        "TBT ms": r.tbtMs,
        "load (1 min)": r.load.toFixed(2),
      })),
    );
    console.log(`Medians of ${RUNS} runs each:`);
    console.table(
      PAGES.flatMap((page) =>
        (["A", "B"] as const).map((variant) => {
          const mine = runs.filter((r) => r.page === page && r.variant === variant);
          const of = (pick: (r: Run) => number) => median(mine.map(pick));
          return {
            page,
            variant,
            performance: of((r) => r.performance),
            "FCP ms": of((r) => r.fcpMs),
            "LCP ms": of((r) => r.lcpMs),
            "TBT ms": of((r) => r.tbtMs),
            "load (median)": of((r) => r.load).toFixed(2),
          };
        }),
      ),
    );
  } finally {
    for (const server of servers) await stopServer(server);
    await rm(temp, { recursive: true, force: true });
  }
}

await main();
