// Bulk loading problems from CSV on both engines: every row checked first and named by its line
// when bad (nothing written), then inserted and routed to grids in batches, with progress; an
// exported ledger reads back.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  BATCH,
  type ImportProgress,
  ImportRefused,
  importProblems,
} from "../../api/src/problems/bulk-import.ts";
import { describeEachEngine } from "./engines.ts";

const folder = mkdtempSync(path.join(tmpdir(), "civgrid-import-"));
const csvFile = (name: string, lines: string[]) => {
  const file = path.join(folder, name);
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  return file;
};

describeEachEngine("bulk import of problems", (ctx) => {
  const count = async () => {
    const [row] = await selectRows<{ n: number; cells: number }>(
      ctx().db.orm,
      sql`SELECT (SELECT count(*)::int FROM problems) AS n,
          (SELECT coalesce(sum(problems), 0)::int FROM problem_cell_days WHERE cell_size = 4000) AS cells`,
    );
    return row!;
  };

  it("names every bad row by its line and writes nothing", async () => {
    const before = await count();
    const file = csvFile("bad.csv", [
      "经度 lon,纬度 lat,描述 description,测评条目 item,失分 points lost",
      "117.16,35.08,路面垃圾,,1",
      ",35.08,没有经度,,",
      "117.16,35.08,,,",
      "2.35,48.85,巴黎,,",
      "117.16,35.08,未知条目,99.99 不存在,",
      '117.16,35.08,"带逗号, 和引号""的描述",,abc',
    ]);
    const refused = await importProblems(ctx().db, ctx().cityId, file).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect(refused.problems.map((p: any) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(refused.message).toContain("第 5 行");
    expect(refused.message).toContain("不在中国境内");
    expect(refused.message).toContain("99.99");
    expect(refused.message).toContain("失分");
    expect(await count()).toEqual(before);
    const noColumns = await importProblems(
      ctx().db,
      ctx().cityId,
      csvFile("header.csv", ["x,y,z", "1,2,3"]),
    ).catch((e) => e);
    expect(noColumns.message).toContain("lon, lat, description");
  });

  it("inserts and routes thousands of rows in batches, reporting progress", async () => {
    const before = await count();
    const [extent] = await selectRows<{ w: number; s: number; e: number; n: number }>(
      ctx().db.orm,
      sql`SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n
        FROM (SELECT ST_Extent(geom) AS x FROM grids WHERE deleted_at IS NULL) g`,
    );
    const [item] = await selectRows<{ code: string; title: string }>(
      ctx().db.orm,
      sql`SELECT i.code, i.title FROM standard_items i JOIN standards s ON s.id = i.standard_id
        WHERE s.status = 'active' AND i.code NOT IN (
          SELECT i2.code FROM standard_items i2 JOIN standards s2 ON s2.id = i2.standard_id
          WHERE s2.status = 'active' GROUP BY 1 HAVING count(*) > 1)
        ORDER BY i.id LIMIT 1`,
    );
    const rows = BATCH + 700;
    const lines = [
      "经度 lon,纬度 lat,描述 description,测评条目 item,失分 points lost,上报时间 reported",
    ];
    for (let i = 0; i < rows; i++) {
      const { w, s, e, n } = extent!;
      // Every 100th lies 5 km east of every grid: routed to the nearest and flagged.
      const lon = i % 100 === 0 ? e + 0.06 : w + ((e - w) * ((i * 7) % 97)) / 97;
      const lat = s + ((n - s) * ((i * 13) % 89)) / 89;
      lines.push(
        `${lon.toFixed(6)},${lat.toFixed(6)},批量导入 ${i},${item!.code} ${item!.title},${i % 3},2026-11-0${1 + (i % 9)}T09:30:00+08:00`,
      );
    }
    const seen: ImportProgress[] = [];
    const result = await importProblems(ctx().db, ctx().cityId, csvFile("many.csv", lines), (p) =>
      seen.push(p),
    );
    expect(result.imported).toBe(rows);
    expect(result.inGrid + result.nearest).toBe(rows);
    // At least the far ones, and whatever fell between the communities' grids.
    expect(result.nearest).toBeGreaterThanOrEqual(rows / 100);
    const importing = seen.filter((p) => p.phase === "importing");
    expect(importing.map((p) => p.done)).toEqual([BATCH, rows]);
    expect(importing.every((p) => p.of === rows)).toBe(true);
    const after = await count();
    expect(after.n - before.n).toBe(rows);
    // The leaders' rollup took them in as well.
    expect(after.cells - before.cells).toBe(rows);
    // Each in the grid containing it, or, flagged, in the nearest when no grid contains it.
    const [check] = await selectRows<Record<string, number>>(
      ctx().db.orm,
      sql`SELECT count(*) FILTER (WHERE p.grid_id IS NULL OR p.unit_id IS NULL)::int AS unrouted,
          count(*) FILTER (WHERE p.routed_to_nearest)::int AS flagged,
          count(*) FILTER (WHERE NOT p.routed_to_nearest AND NOT ST_Contains(g.geom, p.location))::int AS "wrongGrid",
          count(*) FILTER (WHERE p.routed_to_nearest AND EXISTS (SELECT 1 FROM grids o
            WHERE o.deleted_at IS NULL AND ST_Contains(o.geom, p.location)))::int AS "missedGrid",
          -- Imported as reported, they wait for dispatch: no deadline runs yet.
          count(*) FILTER (WHERE p.deadline IS NULL AND p.status = 'reported')::int AS "awaitingDispatch"
        FROM problems p LEFT JOIN grids g ON g.id = p.grid_id WHERE p.description LIKE '批量导入 %'`,
    );
    expect(check).toEqual({
      unrouted: 0,
      flagged: result.nearest,
      wrongGrid: 0,
      missedGrid: 0,
      awaitingDispatch: rows,
    });
  });

  it("writes the ledger in the reader's words and in China time", async () => {
    const [first] = await selectRows<{ id: number; status: string; reported: string }>(
      ctx().db.orm,
      sql`SELECT id, status, to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS reported
        FROM problems WHERE status = 'closed' ORDER BY id LIMIT 1`,
    );
    const line = (text: string) => text.split("\r\n").find((l) => l.startsWith(`${first!.id},`));
    const zh = await (await ctx().raw("/api/problems/export.csv")).text();
    expect(zh.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^编号,状态,严重程度,来源,描述/);
    expect(line(zh)).toMatch(/^\d+,已销号,(轻微|一般|严重),(检查发现|网格巡查|市民投诉),/);
    expect(line(zh)).toContain(`,${first!.reported},`);
    // No raw code and no UTC ISO time anywhere in the file.
    expect(zh).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(zh).not.toMatch(/,(closed|dispatched|reported|normal|serious|minor|patrol|citizen),/);
    const en = await (await ctx().raw("/api/problems/export.csv?lang=en")).text();
    expect(en.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^id,status,severity,source/);
    expect(line(en)).toMatch(
      /^\d+,closed,(minor|normal|serious),(inspection|patrol|citizen report),/,
    );
    expect(line(en)).toContain(`,${first!.reported},`);
    const accept = await ctx().raw("/api/problems/export.csv", {
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect((await accept.text()).split("\r\n")[0]).toContain("deadline (China time)");
    expect((await ctx().raw("/api/problems/export.csv?lang=fr")).status).toBe(400);
  });

  it("reads back the problem ledger it exports", async () => {
    const exported = await ctx().raw("/api/problems/export.csv");
    expect(exported.status).toBe(200);
    const file = csvFile("ledger.csv", [(await exported.text()).replace(/^\uFEFF/, "").trimEnd()]);
    const before = await count();
    const result = await importProblems(ctx().db, ctx().cityId, file);
    expect(result.imported).toBeGreaterThan(0);
    expect((await count()).n - before.n).toBe(result.imported);
    // Statuses come back as they were; a closed one has its closing time.
    const [closed] = await selectRows<{ all: number; open: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS all, count(*) FILTER (WHERE closed_at IS NULL)::int AS open
        FROM problems WHERE status = 'closed'`,
    );
    expect(closed!.all).toBeGreaterThan(0);
    expect(closed!.open).toBe(0);
  });
});
