// Campaign tasks on both engines: a campaign's phases, a task to all hospitals in one action,
// each assignee's progress and completion, remind and return, the matrix with what is late
// first, XLSX in and out, bad input refused with nothing saved, and unit admins scoped.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { clearDemoCampaign, day, minimalPdf, phasesAroundToday } from "./campaign-fixtures.ts";
import { type Client, describeEachEngine, signIn } from "./engines.ts";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function sheet(rows: (string | number)[][]): Promise<FormData> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("任务清单");
  for (const row of rows) ws.addRow(row);
  const form = new FormData();
  const bytes = (await book.xlsx.writeBuffer()) as ArrayBuffer;
  form.set("file", new File([bytes], "任务清单.xlsx"));
  return form;
}

describeEachEngine("tasks", (ctx) => {
  let coordinator: Client;
  let unitadmin: Client;
  let secondAdmin: Client;
  let campaignId: number;
  let allHospitalsTask: number;
  let hospitals: { id: number; name: string }[];
  let ownUnit: number;
  let secondUnit: number;

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
    hospitals = await selectRows(
      orm,
      sql`SELECT id, name FROM units WHERE kind LIKE '%hospital' ORDER BY id`,
    );
    const [own] = await selectRows<{ unitId: number }>(
      orm,
      sql`SELECT unit_id AS "unitId" FROM users WHERE username = 'unitadmin'`,
    );
    ownUnit = own!.unitId;
    await demoCampaignLoaded();
    await clearDemoCampaign(orm);
    secondUnit = hospitals.find((h) => h.id !== ownUnit)!.id;
    // A second unit admin, for another hospital, with the demo password.
    await orm.execute(sql`INSERT INTO users (city_id, username, display_name, password_hash, role, unit_id)
        SELECT city_id, 'unitadmin2', '第二家医院管理员', password_hash, 'unit_admin', ${secondUnit}
        FROM users WHERE username = 'unitadmin'`);
    // A name signs in through logins (issue 24), which the accounts service writes beside the user.
    await orm.execute(sql`INSERT INTO logins (kind, key, city_id, user_id)
        SELECT 'username', username, city_id, id FROM users WHERE username = 'unitadmin2'`);
    secondAdmin = await signIn(ctx().app, "unitadmin2");
    const created = await coordinator.request(
      "/api/campaigns",
      post({ name: "2023年创建全国文明城市总评年", year: 2023, phases: phasesAroundToday() }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    campaignId = created.body.id;
  });

  /** The demo city comes with its campaign: four phases, tasks for all hospitals, materials. */
  async function demoCampaignLoaded() {
    const { body } = await coordinator.request("/api/campaigns/current");
    expect(body.campaign).toMatchObject({
      name: "2023年创建全国文明城市总评年",
      currentPhase: "implementation",
    });
    const tasks = (await coordinator.request(`/api/tasks?campaignId=${body.campaign.id}`)).body
      .tasks;
    expect(tasks.some((t: { assignments: number }) => t.assignments === 15)).toBe(true);
    expect(tasks.filter((t: { overdue: number }) => t.overdue > 0)).toHaveLength(1);
    expect(tasks.some((t: { done: number }) => t.done > 0)).toBe(true);
    const returned = (await coordinator.request("/api/materials?status=returned")).body;
    expect(returned.total).toBe(1);
    expect(returned.materials[0].reviewNote).toBeTruthy();
  }

  it("sets up a campaign with four phases and knows the current one", async () => {
    const { status, body } = await unitadmin.request("/api/campaigns/current");
    expect(status).toBe(200);
    expect(body.campaign.currentPhase).toBe("implementation");
    expect(body.campaign.phases.map((p: { phase: string }) => p.phase)).toEqual([
      "mobilisation",
      "implementation",
      "assessment",
      "consolidation",
    ]);
    const overlapping = phasesAroundToday();
    overlapping.assessment.startsOn = overlapping.implementation.startsOn;
    const bad = await coordinator.request(
      "/api/campaigns",
      post({ name: "重叠的阶段", year: 2023, phases: overlapping }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields["phases.assessment.startsOn"]).toContain("上一阶段");
  });

  it("assigns one task to all 15 hospitals in one action", async () => {
    expect(hospitals).toHaveLength(15);
    const { status, body } = await coordinator.request(
      "/api/tasks",
      post({
        campaignId,
        phase: "implementation",
        title: "院区门前三包责任落实",
        description: "门前无乱堆乱放，责任牌上墙",
        deadline: day(10),
        assignees: { unitKinds: ["public_hospital", "private_hospital", "out_of_town_hospital"] },
      }),
    );
    expect(status, JSON.stringify(body)).toBe(201);
    allHospitalsTask = body.id;
    expect(body.assignments).toHaveLength(15);
    expect(new Set(body.assignments.map((a: { unitId: number }) => a.unitId))).toEqual(
      new Set(hospitals.map((h) => h.id)),
    );
    const audit = await selectRows(
      ctx().db.orm,
      sql`SELECT 1 FROM audit_log WHERE entity = 'task' AND entity_id = ${String(body.id)}`,
    );
    expect(audit).toHaveLength(1);
  });

  it("lets two unit admins complete their part, with evidence, and the coordinator return one", async () => {
    const task = { id: allHospitalsTask };
    const mine = await unitadmin.request(`/api/tasks/${task.id}`);
    expect(mine.status).toBe(200);
    // A unit admin sees its own unit's assignment only.
    expect(mine.body.assignments).toHaveLength(1);
    expect(mine.body.assignments[0].unitId).toBe(ownUnit);
    const own = mine.body.assignments[0].id;
    const other = (await secondAdmin.request(`/api/tasks/${task.id}`)).body.assignments[0].id;

    const upload = new FormData();
    upload.set("file", new File([minimalPdf()], "整改报告.pdf"));
    const file = await unitadmin.request("/api/files/documents", { method: "POST", body: upload });
    expect(file.status, JSON.stringify(file.body)).toBe(201);
    expect(file.body.mime).toBe("application/pdf");

    const progress = await unitadmin.request(
      `/api/tasks/assignments/${own}/progress`,
      post({ progress: 50, note: "责任牌已定制" }),
    );
    expect(progress.status).toBe(200);
    expect(progress.body.assignments[0]).toMatchObject({ status: "in_progress", progress: 50 });

    const done = await unitadmin.request(
      `/api/tasks/assignments/${own}/complete`,
      post({ note: "责任牌已上墙，门前清理完毕", fileIds: [file.body.id] }),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.assignments[0]).toMatchObject({ status: "done", progress: 100 });
    expect(done.body.assignments[0].evidence[0].name).toBe("整改报告.pdf");
    expect(
      (
        await secondAdmin.request(
          `/api/tasks/assignments/${other}/complete`,
          post({ note: "已完成" }),
        )
      ).status,
    ).toBe(200);

    // Another unit's assignment is not there for this unit admin.
    const foreign = await unitadmin.request(
      `/api/tasks/assignments/${other}/progress`,
      post({ progress: 10 }),
    );
    expect(foreign.status).toBe(404);
    // Only the campaign office reminds and returns.
    expect(
      (await unitadmin.request(`/api/tasks/assignments/${own}/return`, post({ reason: "x" })))
        .status,
    ).toBe(403);

    const returned = await coordinator.request(
      `/api/tasks/assignments/${other}/return`,
      post({ reason: "缺少现场照片" }),
    );
    expect(returned.status).toBe(200);
    const back = returned.body.assignments.find((a: { id: number }) => a.id === other);
    expect(back).toMatchObject({ status: "returned", returnReason: "缺少现场照片" });
    expect(
      (
        await coordinator.request(
          `/api/tasks/assignments/${other}/return`,
          post({ reason: "再次退回" }),
        )
      ).status,
    ).toBe(409);

    const reminded = await coordinator.request(`/api/tasks/assignments/${other}/remind`, {
      method: "POST",
    });
    expect(reminded.status).toBe(200);
    expect(reminded.body.assignments.find((a: { id: number }) => a.id === other).remindCount).toBe(
      1,
    );
  });

  it("puts what is overdue first in the matrix", async () => {
    // A task whose deadline has passed (yesterday, within the current phase).
    const late = await coordinator.request(
      "/api/tasks",
      post({
        campaignId,
        phase: "implementation",
        title: "报送创城工作台账",
        deadline: day(-1),
        assignees: { unitIds: [ownUnit, secondUnit] },
      }),
    );
    expect(late.status).toBe(201);
    await secondAdmin.request(
      `/api/tasks/assignments/${late.body.assignments.find((a: { unitId: number }) => a.unitId === secondUnit).id}/complete`,
      post({ note: "补交台账" }),
    );
    const { status, body } = await coordinator.request(
      `/api/tasks/matrix?campaignId=${campaignId}`,
    );
    expect(status).toBe(200);
    expect(body.tasks[0]).toMatchObject({ id: late.body.id, overdue: 1 });
    expect(body.units[0]).toMatchObject({ id: ownUnit, overdue: 1 });
    const cell = body.cells.find(
      (c: { taskId: number; unitId: number }) =>
        c.taskId === late.body.id && c.unitId === secondUnit,
    );
    expect(cell).toMatchObject({ status: "done", overdue: false, doneLate: true });
    const overdueOnly = await unitadmin.request("/api/tasks?overdue=true");
    expect(overdueOnly.body.tasks.map((t: { id: number }) => t.id)).toEqual([late.body.id]);
    // The unit admin's matrix is its own row only.
    const scoped = await unitadmin.request(`/api/tasks/matrix?campaignId=${campaignId}`);
    expect(scoped.body.units.map((u: { id: number }) => u.id)).toEqual([ownUnit]);
  });

  it("ranks units by tasks done on time and weeks of materials submitted", async () => {
    const { status, body } = await coordinator.request(
      `/api/analytics/rankings?by=unit&from=${day(-1)}&to=${day(11)}`,
    );
    expect(status).toBe(200);
    const row = (id: number) => body.rows.find((r: { id: number }) => r.id === id);
    // Own unit: the first task done on time, the overdue one not done.
    expect(row(ownUnit).taskOnTimeRate).toBe(0.5);
    // The second unit: its first completion was returned (not due yet), the late task done late.
    expect(row(secondUnit).taskOnTimeRate).toBe(0);
    // No week's materials fell due in these days.
    expect(row(ownUnit).materialRate).toBeNull();
  });

  it("refuses a deadline outside its phase and a task assigned to no one, saving nothing", async () => {
    const before = await count("tasks");
    const base = { campaignId, phase: "implementation", title: "测试任务", deadline: day(5) };
    const outside = await coordinator.request(
      "/api/tasks",
      post({ ...base, deadline: day(90), assignees: { unitIds: [ownUnit] } }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.deadline).toContain("创建实施");
    const nobody = await coordinator.request("/api/tasks", post({ ...base, assignees: {} }));
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields.assignees).toContain("没有分派");
    const empty = await coordinator.request(
      "/api/tasks",
      post({ ...base, assignees: { unitIds: [], gridIds: [] } }),
    );
    expect(empty.status).toBe(400);
    const unknown = await coordinator.request(
      "/api/tasks",
      post({ ...base, assignees: { unitIds: [999999] } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields["assignees.unitIds"]).toContain("999999");
    expect(
      (await unitadmin.request("/api/tasks", post({ ...base, assignees: { unitIds: [ownUnit] } })))
        .status,
    ).toBe(403);
    expect(await count("tasks")).toBe(before);
  });

  it("imports a task list from XLSX and exports it back", async () => {
    const before = await count("tasks");
    const [grid] = await selectRows<{ code: string }>(
      ctx().db.orm,
      sql`SELECT code FROM grids ORDER BY code LIMIT 1`,
    );
    const form = await sheet([
      ["任务名称", "任务说明", "阶段", "截止日期", "责任单位", "责任网格"],
      ["张贴公益广告", "每个院区不少于 5 处", "创建实施", day(20), "全部医院", ""],
      ["楼道清理", "", "创建实施", day(25), hospitals[0]!.name, grid!.code],
    ]);
    const imported = await coordinator.request(`/api/tasks/import?campaignId=${campaignId}`, {
      method: "POST",
      body: form,
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.created).toHaveLength(2);
    expect(await count("tasks")).toBe(before + 2);

    const exported = await coordinator.raw(`/api/tasks/export?campaignId=${campaignId}`);
    expect(exported.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await exported.arrayBuffer());
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).text).toBe("任务名称");
    const titles = ws.getColumn(1).values.slice(2);
    expect(titles).toContain("张贴公益广告");
    expect(titles).toContain("院区门前三包责任落实");
  });

  it("names the row and column of a bad XLSX and saves none of it", async () => {
    const before = await count("tasks");
    const missing = await coordinator.request(`/api/tasks/import?campaignId=${campaignId}`, {
      method: "POST",
      body: await sheet([
        ["任务名称", "阶段", "责任单位"],
        ["张贴公益广告", "创建实施", "全部医院"],
      ]),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.file).toContain("截止日期");
    const badRow = await coordinator.request(`/api/tasks/import?campaignId=${campaignId}`, {
      method: "POST",
      body: await sheet([
        ["任务名称", "阶段", "截止日期", "责任单位"],
        ["好的一行", "创建实施", day(5), "全部医院"],
        ["坏的一行", "创建实施", day(5), "不存在的医院"],
        ["超出阶段", "创建实施", day(200), "全部医院"],
      ]),
    });
    expect(badRow.status).toBe(400);
    expect(badRow.body.error.fields["row 3"]).toContain("责任单位");
    expect(badRow.body.error.fields["row 3"]).toContain("不存在的医院");
    expect(await count("tasks")).toBe(before);
    const outOfPhase = await coordinator.request(`/api/tasks/import?campaignId=${campaignId}`, {
      method: "POST",
      body: await sheet([
        ["任务名称", "阶段", "截止日期", "责任单位"],
        ["超出阶段", "创建实施", day(200), "全部医院"],
      ]),
    });
    expect(outOfPhase.status).toBe(400);
    expect(outOfPhase.body.error.fields["row 2"]).toContain("截止日期");
    expect(await count("tasks")).toBe(before);
  });

  it("is in the OpenAPI document", async () => {
    const { body } = await ctx().anonymous.request("/api/openapi.json");
    for (const path of [
      "/api/tasks",
      "/api/tasks/matrix",
      "/api/tasks/import",
      "/api/campaigns",
      "/api/tasks/assignments/{id}/complete",
    ]) {
      expect(body.paths[path], path).toBeDefined();
    }
  });
});
