// Caps on one inspection by what an inspector could record in one round (issue 21): past them a
// 400 names the field in the reader's language, and nothing is written.
import { selectRows } from "@civgrid/api";
import { INSPECTION_LIMITS } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const post = (body: unknown, language = "zh-CN") => ({
  method: "POST",
  headers: { "content-type": "application/json", "accept-language": language },
  body: JSON.stringify(body),
});

describeEachEngine("inspection limits", (ctx) => {
  async function demo() {
    const [row] = await selectRows<{ standardId: number; points: number[]; items: number[] }>(
      ctx().db.orm,
      sql`SELECT s.id AS "standardId",
            ARRAY(SELECT id FROM inspection_points ORDER BY id LIMIT 30) AS points,
            ARRAY(SELECT id FROM standard_items WHERE standard_id = s.id ORDER BY id LIMIT 50) AS items
          FROM standards s LIMIT 1`,
    );
    return row!;
  }

  /** `perVisit` results at each of `visits` points (points reused), all with `result`. */
  function inspection(
    d: Awaited<ReturnType<typeof demo>>,
    visits: number,
    perVisit: number,
    result: string,
  ) {
    return {
      kind: "self",
      standardId: d.standardId,
      visits: Array.from({ length: visits }, (_, v) => ({
        pointId: d.points[v % d.points.length],
        results: Array.from({ length: perVisit }, (_, r) => ({
          itemId: d.items[r % d.items.length],
          result,
        })),
      })),
    };
  }

  const inspections = async () =>
    (
      await selectRows<{ n: number }>(ctx().db.orm, sql`SELECT count(*)::int AS n FROM inspections`)
    )[0]?.n;

  it("refuses more failed results than one inspection may turn into problems, writing nothing", async () => {
    const inspector = await ctx().as("inspector");
    const d = await demo();
    const before = await inspections();
    // 5 visits × 41 failures = 205, each would be a problem.
    const body = inspection(d, 5, 41, "fail");
    const zh = await inspector.request("/api/inspections", post(body));
    expect(zh.status).toBe(400);
    expect(zh.body.error.fields.visits).toContain(`${INSPECTION_LIMITS.failed}`);
    expect(zh.body.error.fields.visits).toContain("不合格");
    const en = await inspector.request("/api/inspections", post(body, "en"));
    expect(en.status).toBe(400);
    expect(en.body.error.fields.visits).toContain("failed results");
    expect(await inspections()).toBe(before);
  });

  it("refuses more results in all than one round could hold", async () => {
    const inspector = await ctx().as("inspector");
    const d = await demo();
    const before = await inspections();
    // 11 visits × 100 passes = 1,100 results.
    const answer = await inspector.request(
      "/api/inspections",
      post(inspection(d, 11, 100, "pass"), "en"),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.visits).toContain(
      `at most ${INSPECTION_LIMITS.results} results`,
    );
    expect(await inspections()).toBe(before);
  });

  it("refuses more visits than one inspection may hold", async () => {
    const inspector = await ctx().as("inspector");
    const d = await demo();
    const answer = await inspector.request("/api/inspections", post(inspection(d, 201, 1, "pass")));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.visits).toContain("最多 200 个点位");
  });

  it("still records an inspection inside the caps", async () => {
    const inspector = await ctx().as("inspector");
    const d = await demo();
    const answer = await inspector.request("/api/inspections", post(inspection(d, 2, 3, "pass")));
    expect(answer.status).toBe(201);
  });
});
