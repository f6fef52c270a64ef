// Scores and rankings (失分排名) and the notice (通报): the numbers agree with the database counted
// directly, rates wait for enough problems, periods are checked, and each caller sees their part.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const DAY = 86_400_000;
/** A day in China time, `days` from today. */
const chinaDay = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
/** The period's bounds written independently of the api: midnight in China, `to` included. */
const bounds = (from: string, to: string) =>
  sql`p.reported_at >= ${`${from} 00:00:00+08`}::timestamptz
    AND p.reported_at < (${`${to} 00:00:00+08`}::timestamptz + interval '1 day')`;

describeEachEngine("rankings and the notice", (ctx) => {
  const from = chinaDay(-59);
  const to = chinaDay();

  it("counts one unit's points lost, open, overdue and rates exactly as SQL does", async () => {
    const answer = await ctx().request(`/api/analytics/rankings?by=unit&from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ period: { from, to }, minProblemsForRates: 5 });
    const rows = answer.body.rows;
    const top = [...rows].sort((a: any, b: any) => b.problems - a.problems)[0];
    const [direct] = await selectRows<any>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS problems, coalesce(sum(deduction), 0)::float8 AS "pointsLost",
            count(*) FILTER (WHERE status NOT IN ('closed', 'ledger'))::int AS open,
            count(*) FILTER (WHERE status NOT IN ('closed', 'ledger') AND deadline < now())::int AS overdue,
            count(*) FILTER (WHERE status = 'closed')::int AS closed,
            count(*) FILTER (WHERE status = 'closed' AND (deadline IS NULL OR closed_at <= deadline))::int AS "closedOnTime",
            count(*) FILTER (WHERE id IN (SELECT problem_id FROM rectification_events WHERE to_status = 'submitted'))::int AS submitted,
            count(*) FILTER (WHERE id IN (SELECT problem_id FROM rectification_events WHERE action = 'return'))::int AS reworked
          FROM problems p WHERE p.unit_id = ${top.id} AND ${bounds(from, to)}`,
    );
    expect(direct.problems).toBeGreaterThanOrEqual(5);
    const { submitted, reworked, ...counts } = direct;
    expect(top).toMatchObject(counts);
    expect(top.onTimeRate).toBeCloseTo(direct.closedOnTime / direct.closed, 4);
    expect(top.reworkRate).toBeCloseTo(reworked / submitted, 4);
    // Rank 1 is the best: fewest points lost first, then fewest overdue; equal on both share a rank.
    for (const [i, row] of rows.entries()) {
      const prev = rows[i - 1];
      if (!prev) continue;
      expect(prev.pointsLost <= row.pointsLost).toBe(true);
      if (prev.pointsLost === row.pointsLost) expect(prev.overdue <= row.overdue).toBe(true);
      const tied = prev.pointsLost === row.pointsLost && prev.overdue === row.overdue;
      expect(row.rank).toBe(tied ? prev.rank : i + 1);
    }
    for (const r of [answer.body.commended, ...answer.body.criticised]) {
      expect(r.problems).toBeGreaterThanOrEqual(5);
    }
    expect(answer.body.criticised.length).toBeLessThanOrEqual(3);
  });

  it("refuses bad periods, naming the field, and defaults to the last 30 days", async () => {
    const bad = async (query: string) => {
      const answer = await ctx().request(`/api/analytics/rankings?${query}`);
      expect(answer.status).toBe(400);
      return Object.keys(answer.body.error.fields);
    };
    expect(await bad("from=2024-05-10&to=2024-05-01")).toEqual(["to"]);
    expect(await bad("from=2023-01-01&to=2024-05-01")).toEqual(["to"]);
    expect(await bad("from=2024-02-30")).toEqual(["from"]);
    expect(await bad("to=yesterday")).toEqual(["to"]);
    expect(await bad("by=street")).toEqual(["by"]);
    expect(await bad("limit=3")).toEqual(["limit"]);
    const fallback = await ctx().request("/api/analytics/rankings?by=grid");
    expect(fallback.body.period).toEqual({ from: chinaDay(-29), to: chinaDay() });
    expect(fallback.body.rows[0].name).toMatch(/^\d+ /);
  });

  it("shows a unit admin its own unit's row only, with the same numbers", async () => {
    const [me] = await selectRows<{ unitId: number }>(
      ctx().db.orm,
      sql`SELECT unit_id AS "unitId" FROM users WHERE username = 'unitadmin'`,
    );
    const query = `/api/analytics/rankings?from=${from}&to=${to}`;
    const mine = await (await ctx().as("unitadmin")).request(query);
    expect(mine.status).toBe(200);
    expect(mine.body.rows).toHaveLength(1);
    const all = await ctx().request(query);
    const { rank: _, ...same } = all.body.rows.find((r: any) => r.id === me!.unitId);
    expect(mine.body.rows[0]).toMatchObject(same);
    const grids = await (await ctx().as("unitadmin")).request(`${query}&by=grid`);
    const unitGrids = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT grid_id AS id FROM grid_units WHERE unit_id = ${me!.unitId}`,
    );
    const allowed = unitGrids.map((g) => g.id);
    for (const row of grids.body.rows) expect(allowed).toContain(row.id);
  });

  it("exports the notice as XLSX with its title, the ranking and the overdue problems", async () => {
    const response = await ctx().raw(`/api/analytics/rankings/notice?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("滕州市 创城问题整改通报")}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const [table, overdue] = book.worksheets;
    expect(table!.getCell(1, 1).text).toBe(`滕州市 创城问题整改通报（${from} 至 ${to}）`);
    const ranking = (await ctx().request(`/api/analytics/rankings?from=${from}&to=${to}`)).body;
    const names: string[] = [];
    table!.eachRow((row) => names.push(row.getCell(2).text));
    for (const r of ranking.rows) expect(names).toContain(r.name);
    const lines: string[] = [];
    table!.eachRow((row) => lines.push(row.getCell(1).text));
    expect(lines.some((l) => l.startsWith("流动红旗："))).toBe(true);
    expect(lines.some((l) => l.startsWith("通报批评："))).toBe(true);
    if (ranking.commended) expect(lines.join()).toContain(ranking.commended.name);
    // The counts add up in a 合计 row (column 4: 问题数); the rates do not.
    let totalRow = 0;
    table!.eachRow((row, n) => {
      if (row.getCell(1).text === "合计") totalRow = n;
    });
    expect(table!.getRow(totalRow - 1).getCell(2).text).toBe(ranking.rows.at(-1).name);
    const problems = ranking.rows.reduce((sum: number, r: any) => sum + r.problems, 0);
    expect(Number(table!.getRow(totalRow).getCell(4).text)).toBe(problems);
    expect(table!.getRow(totalRow).getCell(9).text).toBe("");

    const [count] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problems p WHERE ${bounds(from, to)}
            AND p.status NOT IN ('closed', 'ledger') AND p.deadline < now()`,
    );
    expect(count!.n).toBeGreaterThan(0);
    expect(overdue!.getRow(2).getCell(6).text).toBe("超期天数");
    expect(overdue!.rowCount).toBe(2 + count!.n);
    expect(Number(overdue!.getRow(3).getCell(6).text)).toBeGreaterThan(0);
  });

  // Last: it adds problems the other tests would then count.
  it("gives no rates to a unit below the minimum, and neither commends nor criticises it", async () => {
    const orm = ctx().db.orm;
    const query = `/api/analytics/rankings?from=${from}&to=${to}`;
    const clean = (await ctx().request(query)).body.rows.filter((r: any) => r.problems === 0);
    expect(clean.length).toBeGreaterThanOrEqual(2);
    const [lucky, unlucky] = clean;
    // One problem fixed on time, losing half a point: a naive ranking would make it the best unit.
    // One problem losing 50 points: it is last, but one problem says little about a unit.
    for (const [unit, deduction] of [
      [lucky, 0.5],
      [unlucky, 50],
    ] as const) {
      await orm.execute(sql`INSERT INTO problems (city_id, source, status, description, location,
          unit_id, deduction, deadline, reported_at, closed_at)
        VALUES (${ctx().cityId}, 'inspection', 'closed', '排名测试问题',
          ST_SetSRID(ST_MakePoint(117.16, 35.08), 4326), ${unit.id}, ${deduction},
          now() - interval '1 day', now() - interval '3 days', now() - interval '2 days')`);
    }
    const answer = await ctx().request(query);
    const row = (id: number) => answer.body.rows.find((r: any) => r.id === id);
    expect(row(lucky.id)).toMatchObject({
      problems: 1,
      closedOnTime: 1,
      onTimeRate: null,
      reworkRate: null,
    });
    expect(row(unlucky.id)).toMatchObject({ pointsLost: 50, onTimeRate: null });
    expect(answer.body.rows.at(-1).id).toBe(unlucky.id);
    expect(row(unlucky.id).rank).toBe(answer.body.rows.length);
    expect(answer.body.commended).not.toBeNull();
    expect(answer.body.commended.id).not.toBe(lucky.id);
    expect(answer.body.commended.problems).toBeGreaterThanOrEqual(5);
    expect(answer.body.criticised.map((r: any) => r.id)).not.toContain(unlucky.id);
    expect(answer.body.criticised.length).toBeGreaterThan(0);
  });
});
