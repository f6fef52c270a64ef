// The loop's pages (issue 15) on both engines: 我的上报 scoped to its caller, a citizen's lookup that
// shows nothing private, the mobile-number check, the audit log as filtered sentences, and field-by-
// field validation messages in Chinese and English.
import { selectRows } from "@civgrid/api";
import { RANKING_COLUMNS } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import zhCN from "../../web/src/locales/zh-CN.json" with { type: "json" };
import { type Client, describeEachEngine } from "./engines.ts";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const form = (fields: Record<string, string | number>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
});
const english = { headers: { "accept-language": "en" } };

describeEachEngine("loop pages", (ctx) => {
  let volunteer: Client;
  let gridleader: Client;
  let coordinator: Client;
  let unitadmin: Client;
  let admin: Client;
  /** Inside the demo volunteer's first grid. */
  let place: [number, number];
  let itemId: number;
  let serviceCode: string;

  beforeAll(async () => {
    volunteer = await ctx().as("volunteer");
    gridleader = await ctx().as("gridleader");
    coordinator = await ctx().as("coordinator");
    unitadmin = await ctx().as("unitadmin");
    admin = await ctx().as("admin");

    const [row] = await selectRows<{ lon: number; lat: number; item: number }>(
      ctx().db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            (SELECT min(id) FROM standard_items) AS item
          FROM users u JOIN grid_people gp ON gp.person_id = u.person_id
          JOIN grids g ON g.id = gp.grid_id WHERE u.username = 'volunteer' ORDER BY g.code LIMIT 1`,
    );
    place = [row!.lon, row!.lat];
    itemId = row!.item;
    serviceCode = (await ctx().anonymous.request("/open311/v2/services.json")).body[0].service_code;
  });

  const report = (client: Client, description: string) =>
    client.request(
      "/api/problems",
      post({
        type: "Feature",
        geometry: { type: "Point", coordinates: place },
        properties: { description, itemId },
      }),
    );

  const dispatch = async (id: number, note?: string) => {
    const answer = await coordinator.request(
      `/api/problems/${id}/transitions`,
      post({ action: "dispatch", version: 1, ...(note && { note }) }),
    );
    expect(answer.status).toBe(200);
  };

  const fileCitizenReport = (fields: Record<string, string | number> = {}) =>
    ctx().anonymous.request(
      "/open311/v2/requests.json",
      form({
        service_code: serviceCode,
        lat: place[1],
        long: place[0],
        description: "小区门口垃圾堆放",
        last_name: "王",
        first_name: "女士",
        phone: "13900001111",
        ...fields,
      }),
    );

  describe("我的上报", () => {
    it("lists only the caller's own reports, newest first, with status and latest step", async () => {
      const first = await report(volunteer, "楼道杂物堆放（我的上报测试一）");
      const second = await report(volunteer, "路灯不亮（我的上报测试二）");
      expect([first.status, second.status]).toEqual([201, 201]);
      const other = await report(gridleader, "网格长的上报");
      expect(other.status).toBe(201);
      await dispatch(first.body.id);

      const mine = await volunteer.request("/api/my-reports?limit=50");
      expect(mine.status).toBe(200);
      const ids = mine.body.reports.map((r: { id: number }) => r.id);
      expect(ids.slice(0, 2)).toEqual([second.body.id, first.body.id]);
      expect(ids).not.toContain(other.body.id);
      const [owners] = await selectRows<{ others: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS others FROM problems p JOIN users u ON u.id = p.reported_by
            WHERE u.username <> 'volunteer' AND p.id = ANY(${sql.raw(`ARRAY[${ids.join(",")}]::int[]`)})`,
      );
      expect(owners!.others).toBe(0);
      expect(mine.body.total).toBe(ids.length);
      const dispatched = mine.body.reports.find((r: { id: number }) => r.id === first.body.id);
      expect(dispatched).toMatchObject({
        status: "dispatched",
        latestStep: { action: "dispatch", at: expect.stringMatching(/Z$/) },
      });
      expect(mine.body.reports[0]).toMatchObject({
        status: "reported",
        latestStep: { action: "report" },
      });

      const leaders = await gridleader.request("/api/my-reports");
      expect(leaders.body.reports.map((r: { id: number }) => r.id)).toEqual([other.body.id]);
      expect((await ctx().anonymous.request("/api/my-reports")).status).toBe(401);
      expect((await volunteer.request("/api/my-reports?limit=0")).status).toBe(400);
    });
  });

  describe("a citizen's lookup by number", () => {
    it("shows status, steps and photos, and nothing private", async () => {
      const filed = await fileCitizenReport();
      expect(filed.status).toBe(201);
      const number = Number(filed.body[0].service_request_id);
      await dispatch(number, "内部备注：请联系物业王经理 13712345678");
      const found = await ctx().anonymous.request(`/api/public/reports/${number}`);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({
        number,
        status: "dispatched",
        steps: [{ action: "report" }, { action: "dispatch" }],
      });
      const text = JSON.stringify(found.body);
      for (const secret of ["13900001111", "王", "内部备注", "13712345678", "actorName", "note"])
        expect(text).not.toContain(secret);
      expect(Object.keys(found.body).sort()).toEqual(
        ["category", "number", "photos", "reportedAt", "status", "steps", "updatedAt"].sort(),
      );
    });

    it("answers 404 for an unknown number or a report that did not come from a citizen", async () => {
      const unknown = await ctx().anonymous.request("/api/public/reports/2147483647");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain("2147483647");
      const patrol = await report(volunteer, "巡查发现的问题不对外公开");
      expect((await ctx().anonymous.request(`/api/public/reports/${patrol.body.id}`)).status).toBe(
        404,
      );
      expect((await ctx().anonymous.request("/api/public/reports/abc")).status).toBe(400);
    });

    it("serves the report's own photos and no other file", async () => {
      const sharp = (await import("sharp")).default;
      const png = await sharp({
        create: { width: 40, height: 30, channels: 3, background: "#3a3" },
      })
        .png()
        .toBuffer();
      const body = new FormData();
      for (const [k, v] of Object.entries({
        service_code: serviceCode,
        lat: place[1],
        long: place[0],
        description: "井盖破损",
      }))
        body.append(k, String(v));
      body.append("media", new Blob([new Uint8Array(png)], { type: "image/png" }), "井盖.png");
      const filed = await ctx().anonymous.request("/open311/v2/requests.json", {
        method: "POST",
        body,
      });
      expect(filed.status).toBe(201);
      const number = Number(filed.body[0].service_request_id);
      const found = await ctx().anonymous.request(`/api/public/reports/${number}`);
      const [photo] = found.body.photos;
      expect(photo).toMatchObject({ phase: "before" });
      const image = await ctx().anonymous.raw(photo.url);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/png");
      const fileId = Number(photo.url.split("/").at(-1));
      const [other] = await selectRows<{ id: number }>(
        ctx().db.orm,
        sql`INSERT INTO files (city_id, sha256, mime, size, original_name)
            VALUES (${ctx().cityId}, ${"e".repeat(64)}, 'image/jpeg', 1000, '别的照片.jpg') RETURNING id`,
      );
      const elsewhere = await ctx().anonymous.raw(
        `/api/public/reports/${number}/photos/${other!.id}`,
      );
      expect(elsewhere.status).toBe(404);
    });
  });

  describe("the reporter's mobile number", () => {
    it("refuses a number that is not a mainland mobile with a field message, writing nothing", async () => {
      const [before] = await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM problems`,
      );
      const bad = await fileCitizenReport({ phone: "12345" });
      expect(bad.status).toBe(400);
      expect(bad.body[0].description).toContain("手机号");
      const [after] = await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM problems`,
      );
      expect(after!.n).toBe(before!.n);
    });

    it("shows a citizen's number to the staff on the problem, and to nobody else", async () => {
      const filed = await fileCitizenReport({ phone: "13812345678" });
      const number = Number(filed.body[0].service_request_id);
      const office = await coordinator.request(`/api/problems/${number}`);
      expect(office.body.properties.reporterPhone).toBe("13812345678");
      const [problem] = await selectRows<{ unitId: number | null }>(
        ctx().db.orm,
        sql`SELECT unit_id AS "unitId" FROM problems WHERE id = ${number}`,
      );
      const unit = await unitadmin.request(`/api/problems/${number}`);
      if (unit.status === 200) expect(unit.body.properties.reporterPhone).toBe("13812345678");
      else expect(problem!.unitId).not.toBeNull();
      const area = await volunteer.request(`/api/problems/${number}`);
      if (area.status === 200) expect(area.body.properties.reporterPhone).toBeNull();
    });
  });

  describe("the audit log", () => {
    it("reads as sentences in China time, in Chinese and in English", async () => {
      const filed = await report(volunteer, "审计语句测试");
      await dispatch(filed.body.id);
      const [unit] = await selectRows<{ name: string; coordinator: string }>(
        ctx().db.orm,
        sql`SELECT u.name, (SELECT display_name FROM users WHERE username = 'coordinator') AS coordinator
            FROM problems p JOIN units u ON u.id = p.unit_id WHERE p.id = ${filed.body.id}`,
      );
      const zh = await admin.request(`/api/audit?action=dispatch&limit=5`);
      expect(zh.status).toBe(200);
      const entry = zh.body.entries.find(
        (e: { entityId: string }) => e.entityId === String(filed.body.id),
      );
      expect(entry.sentence).toMatch(
        new RegExp(
          `^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 创城办 ${unit!.coordinator} 将问题 #${filed.body.id} 派发给 ${unit!.name}$`,
        ),
      );
      // The sentence's time is the entry's instant on China's clock.
      const china = new Date(Date.parse(entry.at) + 8 * 3_600_000).toISOString().slice(0, 16);
      expect(entry.sentence.startsWith(china.replace("T", " "))).toBe(true);
      const en = await admin.request(`/api/audit?action=dispatch&limit=5`, english);
      const enEntry = en.body.entries.find((e: { id: number }) => e.id === entry.id);
      expect(enEntry.sentence).toContain(
        `coordinator ${unit!.coordinator} dispatched problem #${filed.body.id} to ${unit!.name}`,
      );
    });

    it("filters by who, what and when", async () => {
      await report(volunteer, "审计筛选测试");
      const [me] = await selectRows<{ id: number }>(
        ctx().db.orm,
        sql`SELECT id FROM users WHERE username = 'volunteer'`,
      );
      const byWho = await admin.request(`/api/audit?userId=${me!.id}&limit=100`);
      expect(byWho.body.total).toBeGreaterThan(0);
      expect(byWho.body.entries.every((e: { userId: number }) => e.userId === me!.id)).toBe(true);
      const byWhat = await admin.request("/api/audit?action=report&limit=100");
      expect(byWhat.body.entries.every((e: { action: string }) => e.action === "report")).toBe(
        true,
      );
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const todays = await admin.request(`/api/audit?from=${today}&to=${today}&userId=${me!.id}`);
      expect(todays.body.total).toBeGreaterThan(0);
      const past = await admin.request(`/api/audit?from=2000-01-01&to=2000-01-31`);
      expect(past.body.total).toBe(0);
      const backwards = await admin.request(`/api/audit?from=2026-02-01&to=2026-01-01`);
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.fields.to).toBe("结束日期不能早于开始日期");
      const choices = await admin.request("/api/audit/choices");
      expect(choices.body.actions).toContainEqual({ action: "report", label: "上报" });
      expect(choices.body.users.map((u: { id: number }) => u.id)).toContain(me!.id);
      expect((await coordinator.request("/api/audit")).status).toBe(403);
    });
  });

  describe("rankings and the notice", () => {
    it("puts the best first, and the XLSX has the page's columns and a title naming its filter", async () => {
      const ranking = await coordinator.request(
        "/api/analytics/rankings?by=unit&unitKind=public_hospital",
      );
      expect(ranking.status).toBe(200);
      const rows = ranking.body.rows;
      expect(rows.length).toBeGreaterThan(1);
      expect(rows[0].rank).toBe(1);
      const [kinds] = await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM units WHERE kind = 'public_hospital' AND city_id = ${ctx().cityId}`,
      );
      expect(rows.length).toBe(kinds!.n);
      for (const [i, row] of rows.entries())
        if (i > 0) expect(rows[i - 1].pointsLost).toBeLessThanOrEqual(row.pointsLost);

      const [category] = await selectRows<{ id: number; name: string }>(
        ctx().db.orm,
        sql`SELECT c.id, c.name FROM standard_categories c JOIN standards s ON s.id = c.standard_id
            WHERE s.status = 'active' ORDER BY c.seq LIMIT 1`,
      );
      const { period } = ranking.body;
      const notice = await coordinator.raw(
        `/api/analytics/rankings/notice?by=unit&unitKind=public_hospital&categoryId=${category!.id}&from=${period.from}&to=${period.to}`,
      );
      expect(notice.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await notice.arrayBuffer());
      const sheet = book.worksheets[0]!;
      expect(sheet.getCell(1, 1).text).toBe(
        `滕州市 创城问题整改通报（${period.from} 至 ${period.to}，测评类别：${category!.name}，单位类型：公立医院）`,
      );
      // The page's table: its columns (geo's RANKING_COLUMNS) under the web app's Chinese words.
      const page = RANKING_COLUMNS.map((c) =>
        c === "name" ? "责任单位" : (zhCN.rankings.column as Record<string, string>)[c],
      );
      const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
      expect(header).toEqual(page);
      const unknown = await coordinator.request("/api/analytics/rankings?categoryId=999999");
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields.categoryId).toBe("找不到这个测评类别");
    });
  });

  describe("field-by-field validation messages", () => {
    const badReport = (headers: Record<string, string> = {}) =>
      volunteer.request(
        "/api/problems",
        post(
          {
            type: "Feature",
            geometry: { type: "Point", coordinates: place },
            properties: { itemId: "七" },
          },
          headers,
        ),
      );

    it("names each field with what is wrong, in Chinese", async () => {
      const { status, body } = await badReport();
      expect(status).toBe(400);
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).not.toContain("请求参数有误");
      expect(body.error.message).toContain("描述：必填");
      expect(body.error.message).toContain("测评条目：");
      expect(Object.keys(body.error.fields)).toEqual(
        expect.arrayContaining(["properties.description", "properties.itemId"]),
      );
      expect(body.error.fields["properties.description"]).toBe("必填");
      expect(JSON.stringify(body)).not.toMatch(/Invalid input|expected/);
    });

    it("and in English for an English reader", async () => {
      const { body } = await badReport({ "accept-language": "en" });
      expect(body.error.message).toContain("description: is required");
      expect(body.error.fields["properties.description"]).toBe("is required");
      expect(body.error.message).not.toMatch(/[\u4e00-\u9fff]/);
    });

    it("says how long a text may be and what range a number takes", async () => {
      const long = await admin.request(`/api/audit?action=${"x".repeat(65)}`);
      expect(long.body.error.fields.action).toBe("应为 1~64 个字符");
      expect(long.body.error.message).toBe("请修改：操作：应为 1~64 个字符。");
      const many = await admin.request("/api/audit?limit=999999", english);
      expect(many.body.error.message).toMatch(/^Please correct: page size: must be a whole number/);
    });
  });
});
