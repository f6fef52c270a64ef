// The problem list's orders and counts (issue 23, item 3), on both engines: every filter and sort
// the board offers answers the same rows in the same order as the plain urgency / newest order,
// and the counts summed from problem_list_counts (migration 0037) equal counting the problems,
// after inserts, steps, deadline changes and deletes.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { problemSources, problemStatuses } from "../../api/src/db/schema/index.ts";
import { describeEachEngine } from "./engines.ts";

describeEachEngine("problem lists at scale", (ctx) => {
  /** The rollup beside a fresh count of the problems it sums: equal when the triggers kept it. */
  const rollupAgrees = async () => {
    const rows = await selectRows<{ key: string; rolled: number | null; counted: number | null }>(
      ctx().db.orm,
      sql`WITH rolled AS (SELECT city_id, status, source, deadline_day, problems FROM problem_list_counts),
          counted AS (SELECT city_id, status, source, civgrid_deadline_day(deadline) AS deadline_day,
            count(*)::int AS problems FROM problems GROUP BY 1, 2, 3, 4)
        SELECT concat_ws('/', coalesce(r.status, c.status), coalesce(r.source, c.source),
            coalesce(r.deadline_day, c.deadline_day)) AS key, r.problems AS rolled, c.problems AS counted
        FROM rolled r FULL JOIN counted c USING (city_id, status, source, deadline_day)
        WHERE r.problems IS DISTINCT FROM c.problems`,
    );
    expect(rows).toEqual([]);
  };

  it("spreads the demo's deadlines over yesterday, earlier today, later today and next week", async () => {
    // Open problems overdue since yesterday, overdue since an hour ago (today, China time), due
    // in an hour and due next week: the overdue count's two halves both have something to count.
    await ctx().db.orm.execute(
      sql`UPDATE problems SET deadline = now() + (ARRAY[interval '-1 day', interval '-1 minute',
            interval '1 hour', interval '7 days'])[1 + id % 4]
          WHERE status NOT IN ('closed', 'ledger', 'reported')`,
    );
    await rollupAgrees();
    const [overdue] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problems WHERE deadline < now() AND status NOT IN ('closed', 'ledger')`,
    );
    expect(overdue!.n).toBeGreaterThan(0);
  });

  it("answers every filter and sort the board offers as counting and sorting the problems do", async () => {
    const { orm } = ctx().db;
    const statuses = [undefined, ...problemStatuses];
    const sources = [undefined, ...problemSources];
    let checked = 0;
    for (const status of statuses) {
      for (const source of sources) {
        for (const overdue of [undefined, true]) {
          const where = sql.join(
            [
              sql`p.city_id = ${ctx().cityId}`,
              status ? sql`p.status = ${status}` : sql`true`,
              source ? sql`p.source = ${source}` : sql`true`,
              overdue
                ? sql`p.deadline < now() AND p.status NOT IN ('closed', 'ledger')`
                : sql`true`,
            ],
            sql` AND `,
          );
          const [expected] = await selectRows<{ n: number }>(
            orm,
            sql`SELECT count(*)::int AS n FROM problems p WHERE ${where}`,
          );
          for (const sort of ["urgency", "newest"] as const) {
            const order =
              sort === "urgency"
                ? sql`(p.status IN ('closed', 'ledger')), p.deadline NULLS LAST, p.id`
                : sql`p.reported_at DESC, p.id DESC`;
            const ids = await selectRows<{ id: number }>(
              orm,
              sql`SELECT p.id FROM problems p WHERE ${where} ORDER BY ${order} LIMIT 20`,
            );
            const query = new URLSearchParams({ sort, limit: "20" });
            if (status) query.set("status", status);
            if (source) query.set("source", source);
            if (overdue) query.set("overdue", "true");
            const listed = await ctx().request(`/api/problems?${query}`);
            expect(listed.status, `${query}`).toBe(200);
            expect(listed.body.numberMatched, `${query}`).toBe(expected!.n);
            expect(
              listed.body.features.map((f: { id: number }) => f.id),
              `${query}`,
            ).toEqual(ids.map((r) => r.id));
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(statuses.length * sources.length * 2 * 2);
  });

  it("keeps the list's rollup equal to the problems through inserts, steps, deadlines and deletes", async () => {
    const { orm } = ctx().db;
    await orm.execute(
      sql`INSERT INTO problems (city_id, source, severity, status, description, location,
            reported_at, deadline, item_id, deduction)
          SELECT city_id, source, severity, status, description || ' (list)', location,
            reported_at, deadline, item_id, deduction
          FROM problems WHERE description NOT LIKE '% (list)'`,
    );
    await rollupAgrees();
    // A step of the loop (status), a new deadline, a moved source, a deadline taken away.
    await orm.execute(
      sql`UPDATE problems SET status = 'rectifying' WHERE description LIKE '% (list)' AND id % 3 = 0
        AND status NOT IN ('closed', 'ledger')`,
    );
    await orm.execute(
      sql`UPDATE problems SET deadline = deadline - interval '3 days' WHERE id % 5 = 0`,
    );
    await orm.execute(
      sql`UPDATE problems SET source = 'citizen', deadline = NULL WHERE id % 7 = 0`,
    );
    // An update that moves nothing the rollup keys on.
    await orm.execute(sql`UPDATE problems SET description = description || ' ' WHERE id % 2 = 0`);
    await rollupAgrees();
    await orm.execute(sql`DELETE FROM problems WHERE description LIKE '% (list)%'`);
    await rollupAgrees();
    const [board] = [await ctx().request("/api/problems/board")];
    const [late] = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM problems WHERE city_id = ${ctx().cityId}
        AND deadline < now() AND status NOT IN ('closed', 'ledger')`,
    );
    expect(board!.status).toBe(200);
    expect(board!.body.overdueCount).toBe(late!.n);
  });
});
