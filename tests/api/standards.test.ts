// Evaluation standards (测评标准): everyone reads them; coordinators write drafts, copy and activate
// versions, and move them through XLSX; active and retired standards never change their items.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const send = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function sheetFile(rows: (string | number)[][]): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("测评标准");
  for (const row of rows) sheet.addRow(row);
  return new Blob([await book.xlsx.writeBuffer()], { type: XLSX });
}

function upload(file: Blob, fields: Record<string, string>) {
  const form = new FormData();
  form.append("file", file, "standard.xlsx");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return { method: "POST", body: form };
}

const header = ["类别序号", "类别", "条目编号", "条目", "检查要点", "分值", "佐证材料"];
const small = {
  name: "社区点位测试标准",
  year: 2024,
  scope: "community",
  categories: [
    {
      name: "环境卫生",
      duplicateRadiusM: 30,
      items: [
        { title: "道路整洁", checklist: "无暴露垃圾", points: 3, evidence: "照片" },
        { title: "楼道整洁", checklist: "无堆放杂物", points: 2.5, evidence: "" },
      ],
    },
    { name: "公益广告", items: [{ title: "数量", checklist: "达到规定数量", points: 4 }] },
  ],
};
/** The parts of items a round trip must keep. */
const itemsOf = (s: any) =>
  s.categories.flatMap((c: any) =>
    c.items.map((i: any) => ({
      category: c.name,
      radius: c.duplicateRadiusM,
      code: i.code,
      title: i.title,
      checklist: i.checklist,
      points: i.points,
      evidence: i.evidence,
    })),
  );

describeEachEngine("evaluation standards", (ctx) => {
  const standardCount = async () =>
    (
      await selectRows<{ n: number }>(ctx().db.orm, sql`SELECT count(*)::int AS n FROM standards`)
    )[0]?.n;
  const demo = async () => {
    const list = await (await ctx().as("volunteer")).request("/api/standards");
    expect(list.status).toBe(200);
    return list.body.standards.find(
      (s: any) => s.name === "滕州市医院点位创城标准" && s.version === 1,
    );
  };

  it("lists the demo hospital standard with 11 categories and 42 items, in order, to anyone signed in", async () => {
    const listed = await demo();
    expect(listed).toMatchObject({
      status: "active",
      categoryCount: 11,
      itemCount: 42,
      year: 2022,
    });
    expect(listed.totalPoints).toBeGreaterThan(0);
    const detail = await (await ctx().as("unitadmin")).request(`/api/standards/${listed.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.categories.map((c: any) => c.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    const codes = detail.body.categories.flatMap((c: any) => c.items.map((i: any) => i.code));
    expect(codes).toHaveLength(42);
    expect(detail.body.categories[2].items[1]).toMatchObject({ code: "3.2" });
    expect(codes.filter((c: string) => c.startsWith("1."))).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
    ]);
    expect((await ctx().anonymous.request("/api/standards")).status).toBe(401);
    expect((await ctx().request("/api/standards/999999")).status).toBe(404);
  });

  it("exports as XLSX and imports back into a draft with the same items", async () => {
    const listed = await demo();
    const exported = await ctx().raw(`/api/standards/${listed.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const bytes = await exported.arrayBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual(header);
    expect(sheet.rowCount).toBe(43);

    const imported = await ctx().request(
      "/api/standards/import",
      upload(new Blob([bytes], { type: XLSX }), {
        name: "往返测试标准",
        year: "2023",
        scope: "hospital",
      }),
    );
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ status: "draft", version: 1, year: 2023, itemCount: 42 });
    const original = await ctx().request(`/api/standards/${listed.id}`);
    expect(itemsOf(imported.body)).toEqual(itemsOf(original.body));
  });

  it("refuses a bad sheet row by row, naming the column, and saves nothing", async () => {
    const before = await standardCount();
    const bad = await sheetFile([
      header,
      [1, "环境卫生", "1.1", "道路整洁", "无暴露垃圾", 3, "照片"],
      [1, "环境卫生", "1.2", "楼道整洁", "无堆放杂物", "三分", "照片"],
      [1, "环境卫生", "1.3", "", "无小广告", 2, "照片"],
      ["一", "就医秩序", "2.1", "导医分诊", "导医在岗", 3, "排班表"],
      [2, "就医秩序", "2.1", "窗口", "一米线", 0, "照片"],
    ]);
    const answer = await ctx().request(
      "/api/standards/import",
      upload(bad, { name: "坏表", year: "2024", scope: "hospital" }),
    );
    expect(answer.status).toBe(400);
    const fields = answer.body.error.fields;
    expect(Object.keys(fields).sort()).toEqual(["row 3", "row 4", "row 5", "row 6"]);
    expect(fields["row 3"]).toContain("分值");
    expect(fields["row 4"]).toContain("条目");
    expect(fields["row 5"]).toContain("类别序号");
    expect(fields["row 6"]).toContain("大于 0");

    const noPoints = await sheetFile([header.filter((h) => h !== "分值" && h !== "检查要点")]);
    const missing = await ctx().request(
      "/api/standards/import",
      upload(noPoints, { name: "缺列", year: "2024", scope: "hospital" }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.file).toContain("检查要点、分值");

    const good = await sheetFile([header, [1, "环境卫生", "", "道路整洁", "无暴露垃圾", 3, ""]]);
    const noName = await ctx().request("/api/standards/import", upload(good, { year: "1999" }));
    expect(Object.keys(noName.body.error.fields).sort()).toEqual(["name", "scope", "year"]);
    expect(await standardCount()).toBe(before);
  });

  it("creates and replaces a draft, validating every field; an active standard is 409", async () => {
    const created = await ctx().request("/api/standards", send("POST", small));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "draft",
      categoryCount: 2,
      itemCount: 3,
      totalPoints: 9.5,
    });
    expect(created.body.categories[1]).toMatchObject({ seq: 2, duplicateRadiusM: 50 });
    expect(created.body.categories[1].items[0].code).toBe("2.1");

    const shapes = await ctx().request(
      "/api/standards",
      send("POST", {
        ...small,
        categories: [
          { name: "x", duplicateRadiusM: 2, items: [{ title: "", checklist: "c", points: 101 }] },
          { name: "空", items: [] },
        ],
      }),
    );
    expect(shapes.status).toBe(400);
    expect(Object.keys(shapes.body.error.fields).sort()).toEqual([
      "categories.0.duplicateRadiusM",
      "categories.0.items.0.points",
      "categories.0.items.0.title",
      "categories.1.items",
    ]);
    const none = await ctx().request("/api/standards", send("POST", { ...small, categories: [] }));
    expect(none.body.error.fields.categories).toBeDefined();

    const replaced = await ctx().request(
      `/api/standards/${created.body.id}`,
      send("PUT", { ...small, year: 2025, categories: small.categories.slice(1) }),
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ year: 2025, categoryCount: 1, itemCount: 1 });
    expect(replaced.body.categories[0].items[0].code).toBe("1.1");

    const listed = await demo();
    const frozen = await ctx().request(`/api/standards/${listed.id}`, send("PUT", small));
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.message).toContain("复制为新版本");
    expect((await demo()).itemCount).toBe(42);
  });

  it("copies into a new version; activating it retires the old one, which then stays frozen", async () => {
    const old = await demo();
    const copy = await ctx().request(`/api/standards/${old.id}/versions`, { method: "POST" });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: old.name, version: 2, status: "draft", itemCount: 42 });

    const activated = await ctx().request(`/api/standards/${copy.body.id}/activate`, {
      method: "POST",
    });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: "active", retired: [old.id] });
    expect((await demo()).status).toBe("retired");
    const again = await ctx().request(`/api/standards/${copy.body.id}/activate`, {
      method: "POST",
    });
    expect(again.status).toBe(409);
    const retiredEdit = await ctx().request(`/api/standards/${old.id}`, send("PUT", small));
    expect(retiredEdit.status).toBe(409);
    expect(retiredEdit.body.error.message).toContain("已停用");

    const admin = await ctx().as("admin");
    const audit = await admin.request("/api/audit?entity=standard&limit=50");
    const actions = audit.body.entries.map((e: any) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["create", "import", "replace", "create_version", "activate"]),
    );
  });

  it("lets only coordinators write: an admin, a volunteer or a unit admin gets 403", async () => {
    const listed = await demo();
    const before = await standardCount();
    for (const account of ["admin", "volunteer", "unitadmin", "leader", "inspector"] as const) {
      const client = await ctx().as(account);
      expect((await client.request("/api/standards", send("POST", small))).status).toBe(403);
      expect((await client.request(`/api/standards/${listed.id}`, send("PUT", small))).status).toBe(
        403,
      );
      const post = { method: "POST" };
      expect((await client.request(`/api/standards/${listed.id}/versions`, post)).status).toBe(403);
      expect((await client.request(`/api/standards/${listed.id}/activate`, post)).status).toBe(403);
      const file = await sheetFile([header, [1, "a", "", "b", "c", 1, ""]]);
      const imported = await client.request(
        "/api/standards/import",
        upload(file, { name: "n", year: "2024", scope: "s" }),
      );
      expect(imported.status).toBe(403);
    }
    expect(await standardCount()).toBe(before);
  });
});
