// Weekly materials on both engines: a unit admin submits (content-checked, tagged), the campaign
// office accepts or returns, the board shows on time / late / missing, the archive ZIP opens with
// an index listing every file; bad input is refused with nothing saved, and a unit sees its own.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { clearDemoCampaign, day, minimalPdf, phasesAroundToday } from "./campaign-fixtures.ts";
import { type Client, describeEachEngine, signIn } from "./engines.ts";

function form(
  fields: Record<string, string>,
  file?: { bytes: Uint8Array<ArrayBuffer>; name: string },
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (file) body.set("file", new File([file.bytes], file.name));
  return { method: "POST", body };
}

describeEachEngine("materials", (ctx) => {
  let coordinator: Client;
  let unitadmin: Client;
  let secondAdmin: Client;
  let ownUnit: number;
  let secondUnit: number;
  let photo: Uint8Array<ArrayBuffer>;

  const count = async (table: string) => {
    const [row] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`,
    );
    return row?.n ?? 0;
  };

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
    unitadmin = await ctx().as("unitadmin");
    const orm = ctx().db.orm;
    const [own] = await selectRows<{ unitId: number; other: number }>(
      orm,
      sql`SELECT unit_id AS "unitId", (SELECT min(id) FROM units WHERE id <> u.unit_id AND kind LIKE '%hospital') AS other
          FROM users u WHERE username = 'unitadmin'`,
    );
    ownUnit = own!.unitId;
    secondUnit = own!.other;
    await clearDemoCampaign(orm);
    await orm.execute(sql`INSERT INTO users (city_id, username, display_name, password_hash, role, unit_id)
        SELECT city_id, 'unitadmin2', '第二家医院管理员', password_hash, 'unit_admin', ${secondUnit}
        FROM users WHERE username = 'unitadmin'`);
    // A name signs in through logins (issue 24), which the accounts service writes beside the user.
    await orm.execute(sql`INSERT INTO logins (kind, key, city_id, user_id)
        SELECT 'username', username, city_id, id FROM users WHERE username = 'unitadmin2'`);
    secondAdmin = await signIn(ctx().app, "unitadmin2");
    photo = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
        .jpeg()
        .toBuffer(),
    );
    const campaign = await coordinator.request("/api/campaigns", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "资料测试年度", year: 2023, phases: phasesAroundToday() }),
    });
    expect(campaign.status).toBe(201);
  });

  it("takes a unit's weekly material, tagged, and lists it for the unit and the office", async () => {
    const { status, body } = await unitadmin.request(
      "/api/materials",
      form(
        { week: day(-7), category: "activity_report", title: "创城志愿活动简报" },
        { bytes: minimalPdf(), name: "第12周活动简报.pdf" },
      ),
    );
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({
      unitId: ownUnit,
      status: "submitted",
      fileName: "第12周活动简报.pdf",
      mime: "application/pdf",
    });
    // Kept as the Monday of its week.
    expect(new Date(`${body.week}T00:00:00Z`).getUTCDay()).toBe(1);
    const download = await unitadmin.raw(body.url);
    expect(download.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("第12周活动简报.pdf")}`,
    );
    const photoMaterial = await secondAdmin.request(
      "/api/materials",
      form({ week: day(0), category: "photos" }, { bytes: photo, name: "门前三包.jpg" }),
    );
    expect(photoMaterial.status, JSON.stringify(photoMaterial.body)).toBe(201);

    const office = await coordinator.request("/api/materials");
    expect(office.body.total).toBe(2);
    const mine = await unitadmin.request("/api/materials");
    expect(mine.body.materials.map((m: { unitId: number }) => m.unitId)).toEqual([ownUnit]);
    expect((await unitadmin.request(`/api/materials?unitId=${secondUnit}`)).body.total).toBe(0);
  });

  it("lets the office accept one and return another with a reason, once", async () => {
    const list = (await coordinator.request("/api/materials")).body.materials;
    const a = list.find((m: { unitId: number }) => m.unitId === ownUnit);
    const b = list.find((m: { unitId: number }) => m.unitId === secondUnit);
    const accepted = await coordinator.request(`/api/materials/${a.id}/accept`, { method: "POST" });
    expect(accepted.body.status).toBe("accepted");
    const returned = await coordinator.request(`/api/materials/${b.id}/return`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "照片模糊，请重新拍摄" }),
    });
    expect(returned.body).toMatchObject({ status: "returned", reviewNote: "照片模糊，请重新拍摄" });
    expect(
      (await coordinator.request(`/api/materials/${b.id}/accept`, { method: "POST" })).status,
    ).toBe(409);
    expect(
      (await unitadmin.request(`/api/materials/${a.id}/accept`, { method: "POST" })).status,
    ).toBe(403);
  });

  it("shows units × weeks on the board: on time, returned, missing", async () => {
    const { status, body } = await coordinator.request(
      `/api/materials/board?week=${day(0)}&weeks=3`,
    );
    expect(status).toBe(200);
    expect(body.weeks).toHaveLength(3);
    const own = body.units.find((u: { id: number }) => u.id === ownUnit);
    const last = body.weeks.length - 1;
    // Last week's report came in during this week, after its Friday deadline.
    expect(own.cells[last - 1].status).toBe("late");
    const second = body.units.find((u: { id: number }) => u.id === secondUnit);
    expect(second.cells[last].status).toBe("returned");
    // Two weeks ago nobody reported: missing for every unit.
    expect(
      body.units.every((u: { cells: { status: string }[] }) => u.cells[0]!.status === "missing"),
    ).toBe(true);
    // The rankings count the same weeks: one submitted of those due (this week only after Friday).
    const due = own.cells.filter((c: { status: string }) => c.status !== "pending").length;
    const ranking = await coordinator.request(
      `/api/analytics/rankings?by=unit&from=${body.weeks[0].week}&to=${day(0)}`,
    );
    const row = ranking.body.rows.find((r: { id: number }) => r.id === ownUnit);
    expect(row.materialRate).toBe(Math.round((1 / due) * 1e4) / 1e4);
    const scoped = await unitadmin.request("/api/materials/board?weeks=2");
    expect(scoped.body.units.map((u: { id: number }) => u.id)).toEqual([ownUnit]);
  });

  it("refuses a future week, a mismatched file, a path or control characters in a name, saving nothing", async () => {
    const before = { materials: await count("materials"), files: await count("files") };
    const cases: [
      Record<string, string>,
      { bytes: Uint8Array<ArrayBuffer>; name: string } | undefined,
      string,
      string,
    ][] = [
      [
        { week: day(14), category: "minutes" },
        { bytes: minimalPdf(), name: "纪要.pdf" },
        "week",
        "未来",
      ],
      [
        { week: day(0), category: "minutes" },
        { bytes: photo, name: "会议纪要.pdf" },
        "file",
        "不符",
      ],
      [
        { week: day(0), category: "minutes" },
        { bytes: minimalPdf(), name: "../../etc/passwd.pdf" },
        "file",
        "路径",
      ],
      [
        { week: day(0), category: "minutes" },
        { bytes: minimalPdf(), name: "纪要\u0007.pdf" },
        "file",
        "控制字符",
      ],
      [
        { week: day(0), category: "minutes" },
        {
          bytes: new TextEncoder().encode("会议纪要正文") as Uint8Array<ArrayBuffer>,
          name: "纪要.pdf",
        },
        "file",
        "无法识别",
      ],
      [
        { week: day(0), category: "lunch" },
        { bytes: minimalPdf(), name: "纪要.pdf" },
        "category",
        "activity_report",
      ],
      [
        { week: "2023-13-40", category: "minutes" },
        { bytes: minimalPdf(), name: "纪要.pdf" },
        "week",
        "YYYY-MM-DD",
      ],
      [{ week: day(0), category: "minutes" }, undefined, "file", "请选择"],
      [
        { week: day(0), category: "minutes", taskId: "999999" },
        { bytes: minimalPdf(), name: "纪要.pdf" },
        "taskId",
        "999999",
      ],
    ];
    for (const [fields, file, field, words] of cases) {
      const { status, body } = await unitadmin.request("/api/materials", form(fields, file));
      expect(status, `${file?.name} ${JSON.stringify(body)}`).toBe(400);
      expect(body.error.fields[field], JSON.stringify(body)).toContain(words);
    }
    const name = await unitadmin.request(
      "/api/files/documents",
      form({}, { bytes: minimalPdf(), name: "..\\..\\report.pdf" }),
    );
    expect(name.status).toBe(400);
    // The office reviews; it does not submit.
    expect(
      (
        await coordinator.request(
          "/api/materials",
          form({ week: day(0), category: "minutes" }, { bytes: minimalPdf(), name: "纪要.pdf" }),
        )
      ).status,
    ).toBe(403);
    expect(await count("materials")).toBe(before.materials);
    expect(await count("files")).toBe(before.files);
  });

  it("streams the archive: folders category → unit → week, and an index listing every file", async () => {
    const response = await coordinator.raw("/api/materials/archive.zip");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-length")).toBeNull();
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(zip);
    expect(names).toContain("资料索引.xlsx");
    const files = names.filter((n) => n !== "资料索引.xlsx");
    expect(files).toHaveLength(2);
    expect(
      files.some((n) => /^活动报告\/[^/]+\/\d{4}-\d\d-\d\d\/第12周活动简报\.pdf$/.test(n)),
    ).toBe(true);
    expect(zip[files.find((n) => n.endsWith(".pdf"))!]).toEqual(minimalPdf());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(zip["资料索引.xlsx"]!.buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const paths = sheet.getColumn(10).values.slice(2);
    expect(new Set(paths)).toEqual(new Set(files));
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(["资料类别", "报送单位", "报送人", "报送日期"]),
    );

    const perUnit = unzipSync(
      new Uint8Array(
        await (
          await coordinator.raw(`/api/materials/archive.zip?unitId=${secondUnit}&category=photos`)
        ).arrayBuffer(),
      ),
    );
    expect(Object.keys(perUnit).filter((n) => n.startsWith("活动照片/"))).toHaveLength(1);
    // A unit admin's archive holds its own unit only.
    const own = unzipSync(
      new Uint8Array(await (await unitadmin.raw("/api/materials/archive.zip")).arrayBuffer()),
    );
    expect(Object.keys(own).filter((n) => n !== "资料索引.xlsx")).toHaveLength(1);
  });

  it("leaves no file behind when the material's record cannot be written", async () => {
    const orm = ctx().db.orm;
    const before = { materials: await count("materials"), files: await count("files") };
    // The database refuses the row after the file was stored: the file must go again.
    await orm.execute(sql`CREATE FUNCTION refuse_material() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await orm.execute(sql`CREATE TRIGGER refuse_material BEFORE INSERT ON materials
        FOR EACH ROW EXECUTE FUNCTION refuse_material()`);
    try {
      const bytes = new TextEncoder().encode(
        "%PDF-1.4\n% a different document\ntrailer<<>>\n%%EOF\n",
      ) as Uint8Array<ArrayBuffer>;
      const failed = await unitadmin.request(
        "/api/materials",
        form({ week: day(0), category: "minutes" }, { bytes, name: "未保存的纪要.pdf" }),
      );
      expect(failed.status).toBe(500);
    } finally {
      await orm.execute(sql`DROP TRIGGER refuse_material ON materials`);
      await orm.execute(sql`DROP FUNCTION refuse_material()`);
    }
    expect(await count("materials")).toBe(before.materials);
    expect(await count("files")).toBe(before.files);
  });

  it("keeps each material's own file name when the same bytes come again", async () => {
    const again = await secondAdmin.request(
      "/api/materials",
      form(
        { week: day(0), category: "responsibility_letter" },
        { bytes: minimalPdf(), name: "责任状扫描件.pdf" },
      ),
    );
    expect(again.status).toBe(201);
    expect(again.body.fileName).toBe("责任状扫描件.pdf");
    const zip = unzipSync(
      new Uint8Array(
        await (
          await coordinator.raw("/api/materials/archive.zip?category=responsibility_letter")
        ).arrayBuffer(),
      ),
    );
    expect(Object.keys(zip).some((n) => n.endsWith("/责任状扫描件.pdf"))).toBe(true);
  });

  it("is in the OpenAPI document", async () => {
    const { body } = await ctx().anonymous.request("/api/openapi.json");
    for (const path of [
      "/api/materials",
      "/api/materials/board",
      "/api/materials/archive.zip",
      "/api/materials/{id}/return",
      "/api/files/documents",
    ]) {
      expect(body.paths[path], path).toBeDefined();
    }
  });
});
