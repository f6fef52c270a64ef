// An inspector records an inspection; every failed item becomes a problem at its point.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describeEachEngine("inspections", (ctx) => {
  async function demo() {
    const [row] = await selectRows<{
      standardId: number;
      pointId: number;
      items: number[];
      points: number;
    }>(
      ctx().db.orm,
      sql`SELECT s.id AS "standardId", (SELECT min(id) FROM inspection_points WHERE kind = 'stairwell') AS "pointId",
            ARRAY(SELECT id FROM standard_items WHERE standard_id = s.id ORDER BY id LIMIT 3) AS items,
            (SELECT points::float8 FROM standard_items WHERE standard_id = s.id ORDER BY id LIMIT 1) AS points
          FROM standards s LIMIT 1`,
    );
    return row!;
  }

  it("records a covert inspection; failed items become routed problems with their deductions", async () => {
    const inspector = await ctx().as("inspector");
    const d = await demo();
    const [photo] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`INSERT INTO files (city_id, sha256, mime, size, original_name)
          VALUES (${ctx().cityId}, ${"e".repeat(64)}, 'image/jpeg', 1000, '检查.jpg') RETURNING id`,
    );
    const photoId = photo!.id;
    const answer = await inspector.request(
      "/api/inspections",
      post({
        kind: "covert",
        standardId: d.standardId,
        visits: [
          {
            pointId: d.pointId,
            results: [
              { itemId: d.items[0], result: "fail", note: "楼道堆放杂物", photoIds: [photoId] },
              { itemId: d.items[1], result: "pass" },
              { itemId: d.items[2], result: "fail", deduction: 0.5 },
            ],
          },
        ],
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ kind: "covert", pointsVisited: 1, failed: 2 });
    expect(answer.body.pointsLost).toBeCloseTo(d.points + 0.5, 5);
    expect(answer.body.problemIds).toHaveLength(2);
    const problem = await inspector.request(`/api/problems/${answer.body.problemIds[0]}`);
    expect(problem.body.properties).toMatchObject({
      source: "inspection",
      status: "reported",
      gridCode: expect.stringMatching(/^\d{15}$/),
    });
    expect(problem.body.properties.description).toContain("楼道堆放杂物");
    expect(problem.body.properties.photos).toMatchObject([{ fileId: photoId, phase: "before" }]);
    // Without a note, the item's own wording says what falls short.
    const [wording] = await selectRows<{ title: string; checklist: string }>(
      ctx().db.orm,
      sql`SELECT title, checklist FROM standard_items WHERE id = ${d.items[2]}`,
    );
    const second = await inspector.request(`/api/problems/${answer.body.problemIds[1]}`);
    expect(second.body.properties.description).toBe(`${wording!.title}：${wording!.checklist}`);
    expect((await inspector.request("/api/inspections")).body.total).toBeGreaterThan(0);
  });

  it("refuses unknown points and items and a deduction above the item's points, saving nothing", async () => {
    const inspector = await ctx().as("inspector");
    const d = await demo();
    const count = async () =>
      (
        await selectRows<{ n: number }>(
          ctx().db.orm,
          sql`SELECT count(*)::int AS n FROM inspections`,
        )
      )[0]?.n;
    const before = await count();
    const answer = await inspector.request(
      "/api/inspections",
      post({
        kind: "open",
        standardId: d.standardId,
        visits: [
          { pointId: 2147483647, results: [{ itemId: d.items[0], result: "pass" }] },
          {
            pointId: d.pointId,
            results: [
              { itemId: 2147483647, result: "fail" },
              { itemId: d.items[0], result: "fail", deduction: 99 },
            ],
          },
        ],
      }),
    );
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual([
      "visits.0.pointId",
      "visits.1.results.0.itemId",
      "visits.1.results.1.deduction",
    ]);
    expect(await count()).toBe(before);
  });

  it("lets only inspectors record, and keeps inspections from volunteers", async () => {
    const volunteer = await ctx().as("volunteer");
    expect((await volunteer.request("/api/inspections")).status).toBe(403);
    const unitadmin = await ctx().as("unitadmin");
    const d = await demo();
    const answer = await unitadmin.request(
      "/api/inspections",
      post({
        kind: "self",
        standardId: d.standardId,
        visits: [{ pointId: d.pointId, results: [{ itemId: d.items[0], result: "pass" }] }],
      }),
    );
    expect(answer.status).toBe(403);
  });
});
