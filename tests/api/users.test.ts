// Administrators manage accounts: one by one, from an XLSX sheet, and every change is in the audit log.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const patch = (body: unknown) => ({ ...post(body), method: "PATCH" });

async function workbook(rows: (string | number)[][]): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("账号");
  for (const row of rows) sheet.addRow(row);
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

function upload(file: Blob, name = "accounts.xlsx") {
  const form = new FormData();
  form.append("file", file, name);
  return { method: "POST", body: form };
}

const header = ["用户名", "姓名", "手机号", "角色", "单位", "初始密码"];

/** The first sheet's rows as text, in the import's columns. */
async function sheetRows(file: ArrayBuffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => rows.push(header.map((_, i) => row.getCell(i + 1).text)));
  return rows;
}

describeEachEngine("managing accounts", (ctx) => {
  const userCount = async () =>
    (await selectRows<{ n: number }>(ctx().db.orm, sql`SELECT count(*)::int AS n FROM users`))[0]
      ?.n;

  it("creates an account that must change its password, and logs it without the password", async () => {
    const admin = await ctx().as("admin");
    const created = await admin.request(
      "/api/users",
      post({
        username: "zhang.wei",
        displayName: "张伟",
        mobile: "13800000011",
        role: "coordinator",
        password: "temporary-pass-1",
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: "zhang.wei",
      role: "coordinator",
      mustChangePassword: true,
      disabled: false,
    });
    const audit = await admin.request("/api/audit?entity=user&limit=5");
    const entry = audit.body.entries.find((e: any) => e.entityId === String(created.body.id));
    expect(entry).toMatchObject({ action: "create", username: "admin" });
    expect(JSON.stringify(entry.after)).not.toContain("temporary-pass-1");
  });

  it("answers bad fields one by one, and saves nothing", async () => {
    const admin = await ctx().as("admin");
    const before = await userCount();
    const shape = await admin.request(
      "/api/users",
      post({ username: "x", displayName: "", mobile: "12345", role: "king", password: "short" }),
    );
    expect(shape.status).toBe(400);
    expect(Object.keys(shape.body.error.fields).sort()).toEqual([
      "displayName",
      "mobile",
      "password",
      "role",
      "username",
    ]);
    expect(shape.body.error.fields.mobile).toContain("11 位");
    const rules = await admin.request(
      "/api/users",
      post({
        username: "coordinator",
        displayName: "重名",
        role: "unit_admin",
        password: "long-enough-1",
      }),
    );
    expect(rules.status).toBe(400);
    expect(rules.body.error.fields).toMatchObject({
      username: "用户名已被使用",
      unitId: "单位管理员必须指定所属单位",
    });
    const volunteer = await admin.request(
      "/api/users",
      post({
        username: "new.volunteer",
        displayName: "新志愿者",
        role: "volunteer",
        personId: 2147483647,
        password: "long-enough-1",
      }),
    );
    expect(volunteer.body.error.fields.personId).toBe("找不到这个人员");
    expect(await userCount()).toBe(before);
  });

  it("keeps script- and SQL-looking names as plain text", async () => {
    const admin = await ctx().as("admin");
    const name = `<script>alert(1)</script>'); DROP TABLE users; --`;
    const created = await admin.request(
      "/api/users",
      post({ username: "odd.name", displayName: name, role: "leader", password: "long-enough-1" }),
    );
    expect(created.status).toBe(201);
    const listed = await admin.request("/api/users?q=odd.name");
    expect(listed.body.users[0].displayName).toBe(name);
    expect(await userCount()).toBeGreaterThan(7);
  });

  it("disables and re-enables an account, resets a password, and records before and after", async () => {
    const admin = await ctx().as("admin");
    const created = await admin.request(
      "/api/users",
      post({
        username: "to.disable",
        displayName: "停用测试",
        role: "leader",
        password: "long-enough-1",
      }),
    );
    const id = created.body.id;
    const off = await admin.request(`/api/users/${id}`, patch({ disabled: true }));
    expect(off.body.disabled).toBe(true);
    const reset = await admin.request(
      `/api/users/${id}`,
      patch({ disabled: false, password: "reset-pass-22" }),
    );
    expect(reset.body).toMatchObject({ disabled: false, mustChangePassword: true });
    const audit = await admin.request(`/api/audit?entity=user&limit=50`);
    const mine = audit.body.entries.filter((e: any) => e.entityId === String(id));
    expect(mine.map((e: any) => e.action)).toEqual(["update+reset_password", "update", "create"]);
    expect(mine[1].before.disabled).toBe(false);
    expect(mine[1].after.disabled).toBe(true);
  });

  it("will not let an administrator disable their own account", async () => {
    const admin = await ctx().as("admin");
    const me = await admin.request("/api/auth/me");
    const answer = await admin.request(`/api/users/${me.body.user.id}`, patch({ disabled: true }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.disabled).toBeTruthy();
  });

  it("answers 404 for an unknown account", async () => {
    const admin = await ctx().as("admin");
    expect((await admin.request("/api/users/2147483647", patch({ disabled: true }))).status).toBe(
      404,
    );
  });

  it("imports accounts from an XLSX sheet, Chinese role names and unit names included", async () => {
    const admin = await ctx().as("admin");
    const units = await admin.request("/api/units?kind=public_hospital&limit=1");
    const unitName = units.body.features[0].properties.name;
    const file = await workbook([
      header,
      ["import.one", "导入一", "13700000001", "创城办", "", "import-pass-1"],
      ["import.two", "导入二", "", "unit_admin", unitName, "import-pass-2"],
      ["import.three", "导入三", "", "领导", "", "import-pass-3"],
    ]);
    const answer = await admin.request("/api/users/import", upload(file));
    expect(answer.status).toBe(201);
    expect(answer.body.created).toBe(3);
    const two = await admin.request("/api/users?q=import.two");
    expect(two.body.users[0]).toMatchObject({
      role: "unit_admin",
      unitName,
      mustChangePassword: true,
    });
  });

  it("refuses a sheet with bad rows, naming row and column, and imports none of it", async () => {
    const admin = await ctx().as("admin");
    const before = await userCount();
    const file = await workbook([
      header,
      ["bad.ok", "正常行", "", "领导", "", "import-pass-1"],
      ["bad.role", "角色错", "", "国王", "", "import-pass-1"],
      ["bad.mobile", "手机号错", "123", "领导", "", "import-pass-1"],
      ["bad.unit", "单位错", "", "单位管理员", "不存在的医院", "import-pass-1"],
      ["bad.ok", "重复", "", "领导", "", "import-pass-1"],
      ["admin", "已存在", "", "领导", "", "import-pass-1"],
    ]);
    const answer = await admin.request("/api/users/import", upload(file));
    expect(answer.status).toBe(400);
    const fields = answer.body.error.fields;
    expect(Object.keys(fields)).toEqual(["row 3", "row 4", "row 5", "row 6", "row 7"]);
    expect(fields["row 3"]).toContain("第 3 行「角色」");
    expect(fields["row 4"]).toContain("第 4 行「手机号」");
    expect(fields["row 5"]).toContain("找不到这个单位");
    expect(fields["row 6"]).toContain("与第 2 行重复");
    expect(fields["row 7"]).toContain("用户名已被使用");
    expect(await userCount()).toBe(before);
  });

  it("refuses a file that is not a workbook, and a sheet without the needed columns", async () => {
    const admin = await ctx().as("admin");
    const text = await admin.request(
      "/api/users/import",
      upload(new Blob(["用户名,姓名\n"]), "accounts.xlsx"),
    );
    expect(text.status).toBe(400);
    expect(text.body.error.fields.file).toContain(".xlsx");
    const columns = await admin.request(
      "/api/users/import",
      upload(
        await workbook([
          ["用户名", "姓名"],
          ["a.b", "甲"],
        ]),
      ),
    );
    expect(columns.body.error.fields.file).toContain("角色");
    expect(columns.body.error.fields.file).toContain("初始密码");
  });

  it("exports every account as XLSX in the import's columns, and the file imports back unchanged", async () => {
    const admin = await ctx().as("admin");
    const response = await admin.raw("/api/users/export.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const exported = await response.arrayBuffer();
    const rows = await sheetRows(exported);
    expect(rows[0]).toEqual(header);
    expect(rows.length - 1).toBe(await userCount());
    expect(rows.every((row, i) => i === 0 || row[5] === "")).toBe(true); // no password leaves
    expect(rows).toContainEqual([
      "admin",
      expect.any(String),
      expect.any(String),
      "系统管理员",
      "",
      "",
    ]);

    const before = await userCount();
    const back = await admin.request("/api/users/import", upload(new Blob([exported])));
    expect(back.status).toBe(201);
    expect(back.body).toEqual({ created: 0, unchanged: before });
    const again = await (await admin.raw("/api/users/export.xlsx")).arrayBuffer();
    expect(await sheetRows(again)).toEqual(rows);

    // An office adds a title above the header and a row for a new account, and changes one.
    const edited = await workbook([
      ["滕州市创城账号表"],
      ["（2026 年 12 月）"],
      ...rows,
      ["trip.new", "往返新增", "", "领导", "", "import-pass-9"],
    ]);
    const added = await admin.request("/api/users/import", upload(edited));
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ created: 1, unchanged: before });
    const changed = rows
      .slice(1)
      .map((row) => (row[0] === "admin" ? [...row.slice(0, 1), "改名", ...row.slice(2)] : row));
    const refused = await admin.request(
      "/api/users/import",
      upload(await workbook([["账号表"], header, ...changed])),
    );
    expect(refused.status).toBe(400);
    const [where, message] = Object.entries(refused.body.error.fields)[0] as [string, string];
    expect(where).toMatch(/^row \d+$/);
    expect(message).toContain("导入只新建账号");
  });
});
