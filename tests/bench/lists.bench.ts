// Benchmark: the problem list (the coordinator's board) on a generated city, on the PostgreSQL +
// PostGIS server (issue 23, item 3). Every filter and sort the board offers — one status or none,
// one source or none, overdue or not, by urgency or newest first — is timed as the list service
// answers it (first page of 50 and its count), against the floor: the first page unfiltered,
// newest first. "before" times the same page as it was answered before migration 0037 (the
// urgency order's first key kept, every count a count of the problems, the new indexes dropped in
// a transaction that is rolled back), so one run prints both.
// Run with `pnpm --filter @civgrid/tests bench:lists` (BENCH_PROBLEMS, default 1,000,000; a
// throwaway database unless BENCH_DATABASE_URL reuses one, BENCH_KEEP=1 keeps it).
import { selectRows } from "@civgrid/api";
import { PREFECTURE } from "@civgrid/seeds";
import { sql } from "drizzle-orm";
import type { Executor } from "../../api/src/db/client.ts";
import { problemSources, problemStatuses } from "../../api/src/db/schema/index.ts";
import type { Scope } from "../../api/src/policy/scope.ts";
import {
  listProblems,
  type ProblemFilters,
  problemsWhere,
} from "../../api/src/problems/queries.ts";
import { benchDatabase, generateWithProgress, round, timed } from "./bench-city.ts";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? PREFECTURE.problems);
const PAGE = { limit: 50, offset: 0 };
/** The target: any filter and sort the pages offer ≤ 3× the first page unfiltered. */
const TARGET = 3;

/** The rows of one page as they were read before migration 0037: count(*) and the old order. */
async function answeredBefore(ex: Executor, scope: Scope, filters: ProblemFilters) {
  const where = problemsWhere(scope, filters);
  await selectRows(ex, sql`SELECT count(*)::int AS total FROM problems p WHERE ${where}`);
  const order =
    filters.sort === "urgency"
      ? sql`(p.status IN ('closed', 'ledger')), p.deadline NULLS LAST, p.id`
      : sql`p.reported_at DESC, p.id DESC`;
  await selectRows(
    ex,
    sql`SELECT p.id FROM problems p WHERE ${where} ORDER BY ${order} LIMIT ${PAGE.limit}`,
  );
}

async function main() {
  const { db, cityId, reused, close } = await benchDatabase("none");
  try {
    if (!reused) {
      const started = Date.now();
      // The generator ends with ANALYZE (as every bulk load now does): no manual step here.
      await generateWithProgress(db, cityId, { ...PREFECTURE, problems: PROBLEMS });
      console.log(`\ngenerated ${PROBLEMS} problems in ${Date.now() - started} ms`);
    }
    const scope: Scope = { kind: "city", cityId };
    const combos: ProblemFilters[] = [];
    for (const sort of ["newest", "urgency"] as const)
      for (const status of [undefined, ...problemStatuses])
        for (const source of [undefined, ...problemSources])
          for (const overdue of [undefined, true])
            combos.push({ sort, status: status && [status], source, overdue });
    const floor = await timed(() => listProblems(db.orm, scope, {}, PAGE));
    const after = new Map<ProblemFilters, number>();
    for (const f of combos) after.set(f, await timed(() => listProblems(db.orm, scope, f, PAGE)));
    // Before: the same pages without 0037's indexes and rollup, in a transaction rolled back.
    const before = new Map<ProblemFilters, number>();
    let floorBefore = 0;
    await db.orm
      .transaction(async (tx) => {
        await tx.execute(sql`DROP INDEX problems_urgency_idx, problems_status_deadline_idx,
          problems_status_newest_idx`);
        await tx.execute(sql`CREATE INDEX problems_status_idx ON problems (city_id, status)`);
        floorBefore = await timed(() => answeredBefore(tx, scope, {}));
        for (const f of combos) before.set(f, await timed(() => answeredBefore(tx, scope, f)));
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    const rows = combos.map((f) => ({
      sort: f.sort,
      status: f.status?.[0] ?? "",
      source: f.source ?? "",
      overdue: f.overdue ? "yes" : "",
      "before ms": before.get(f) ?? 0,
      "after ms": after.get(f) ?? 0,
      "after/floor": round((after.get(f) ?? 0) / floor),
    }));
    console.table(rows);
    const worst = rows.reduce((w, r) => (r["after/floor"] > w["after/floor"] ? r : w));
    const worstBefore = Math.max(...rows.map((r) => r["before ms"] / floorBefore));
    console.log(
      `${PROBLEMS} problems; floor (first page unfiltered, newest first): ${floor} ms (before: ${floorBefore} ms)`,
    );
    console.log(
      `worst before: ${round(worstBefore)}× its floor; worst after: ${worst["after/floor"]}× (${worst.sort} ${worst.status} ${worst.source} ${worst.overdue}) — target ≤ ${TARGET}×: ${
        worst["after/floor"] <= TARGET ? "met" : "NOT met"
      }`,
    );
  } finally {
    await close();
  }
}

class RolledBack extends Error {}

await main();
