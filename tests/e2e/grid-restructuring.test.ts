// A grid restructuring as the coordinator lives it: partition 蕃阳社区 while a dispatched problem
// is open and its grids are assigned, read the impact first, apply, find the problem still with a
// unit and the assignments carried, then undo and find the old grids, codes and assignments back.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailable, launchBrowser } from "./browser.ts";
import { editorMap, type GridFeature } from "./editor-map.ts";
import { buildWeb, type RunningServer, root, startServer } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();

interface DivisionRow {
  gridId: number;
  code: string;
  leadUnit: string | null;
  supportUnits: string[];
  leader: string | null;
  volunteerCount: number;
}
interface ProblemProperties {
  status: string;
  gridId: number | null;
  unitId: number | null;
  deadline: string | null;
  events: { action: string }[];
}

describe.skipIf(skip)("a grid restructuring, applied and undone", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let communityId: number;

  const api = <T>(url: string) => editorMap(page).api<T>(url);
  const gridsOf = async () =>
    (await api<{ features: GridFeature[] }>(`/api/grids?communityId=${communityId}`)).features;
  const division = async () =>
    (await api<{ rows: DivisionRow[] }>(`/api/grids/division?communityId=${communityId}`)).rows;
  const problem = async (id: number) =>
    (await api<{ properties: ProblemProperties }>(`/api/problems/${id}`)).properties;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = consoleErrors(page);
    await page.goto(`${server.url}/grids`);
    await signIn(page, "coordinator");
    await page.getByRole("heading", { name: "实时检查" }).waitFor({ timeout: 90_000 });
    const communities = await api<{ features: { id: number; properties: { name: string } }[] }>(
      "/api/communities",
    );
    communityId = communities.features.find((c) => c.properties.name === "蕃阳社区")!.id;
    await page.getByLabel("帮包社区").selectOption(String(communityId));
    await page.waitForSelector(`body[data-map-ready='true'][data-community-id='${communityId}']`, {
      timeout: 90_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("partitions with a dispatched problem open, shows the impact, carries the work, and undoes it exactly", async () => {
    const before = await gridsOf();
    const assigned = await division();
    expect(assigned.some((row) => row.leadUnit)).toBe(true);
    const dispatched = await api<{ features: { id: number; properties: { gridId: number } }[] }>(
      "/api/problems?status=dispatched&limit=200",
    );
    const open = dispatched.features.find((p) =>
      before.some((grid) => grid.id === p.properties.gridId),
    );
    expect(open).toBeDefined();
    const problemId = open!.id;
    const problemBefore = await problem(problemId);
    expect(problemBefore.unitId).not.toBeNull();

    await page.getByRole("button", { name: "自动划分" }).click();
    await page.getByLabel("网格数量", { exact: true }).fill("400");
    await page.getByText("网格数量应为 1~300 之间的整数。").waitFor();
    await page.getByLabel("网格数量", { exact: true }).fill("3");
    const figures = page.getByTestId("partition-figures");
    await expect.poll(() => figures.textContent(), { timeout: 30_000 }).toMatch(/网格数3/);
    expect(await figures.textContent()).toContain("越接近 0 越均衡");
    await page.getByRole("button", { name: "接受划分" }).click();

    const impact = page.getByTestId("restructuring-impact");
    const oldGrid = before.find((g) => g.id === problemBefore.gridId)!;
    const row = impact.getByRole("row").filter({ hasText: oldGrid.properties.code });
    await row.waitFor({ timeout: 60_000 });
    // open problems, tasks, dedication days, volunteers, units: at least the dispatched problem
    expect(Number(await row.getByRole("cell").nth(1).textContent())).toBeGreaterThanOrEqual(1);
    await impact.getByText(`问题 #${problemId}：`).waitFor();
    await page.screenshot({ path: path.join(screenshots, "grid-restructuring-impact.png") });
    await page.getByRole("dialog").getByRole("button", { name: "替换网格" }).click();
    await page.getByText("已按自动划分新建 3 个网格。").waitFor();

    const after = await gridsOf();
    expect(after).toHaveLength(3);
    const moved = await problem(problemId);
    expect(moved.status).toBe("dispatched");
    expect(moved.deadline).toBe(problemBefore.deadline);
    expect(moved.unitId).not.toBeNull();
    expect(after.map((g) => g.id)).toContain(moved.gridId);
    expect(moved.events.at(-1)?.action).toBe("reroute");
    const carried = await division();
    const unitsOf = (rows: DivisionRow[]) =>
      new Set(rows.flatMap((r) => [r.leadUnit, ...r.supportUnits]).filter(Boolean));
    expect(unitsOf(carried)).toEqual(unitsOf(assigned));
    expect(carried.every((r) => r.leadUnit)).toBe(true);
    expect(carried.reduce((n, r) => n + r.volunteerCount, 0)).toBeGreaterThan(0);

    const list = page.getByTestId("restructuring-list");
    await list.locator("summary").click();
    await list.getByText("自动划分").first().waitFor();
    await page.screenshot({ path: path.join(screenshots, "grid-restructuring-list.png") });
    await list.getByRole("button", { name: "撤销调整" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "撤销调整" }).click();
    await page.getByText("已撤销这次自动划分，原网格和分工已恢复。").waitFor();
    await list.getByText("已撤销").first().waitFor();

    const back = await gridsOf();
    const shape = (grids: GridFeature[]) =>
      grids
        .map((g) => ({ id: g.id, code: g.properties.code, geometry: g.geometry }))
        .sort((a, b) => a.id - b.id);
    expect(shape(back)).toEqual(shape(before));
    const strip = (rows: DivisionRow[]) =>
      rows
        .map(({ gridId, code, leadUnit, supportUnits, leader, volunteerCount }) => ({
          gridId,
          code,
          leadUnit,
          supportUnits,
          leader,
          volunteerCount,
        }))
        .sort((a, b) => a.gridId - b.gridId);
    expect(strip(await division())).toEqual(strip(assigned));
    const restored = await problem(problemId);
    expect([restored.gridId, restored.unitId]).toEqual([
      problemBefore.gridId,
      problemBefore.unitId,
    ]);
    expect(restored.status).toBe("dispatched");
  });

  it("replaces the grids from a file only after showing the impact, and undoes it", async () => {
    const before = await gridsOf();
    const file = await page.evaluate(
      (url) => fetch(url).then((r) => r.text()),
      `/api/grids/export?format=geojson&communityId=${communityId}`,
    );
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await page.locator("input[type=file]").setInputFiles({
      name: "grids.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(file),
    });
    await page.getByLabel(/用文件中的网格替换本社区现有的网格/).check();
    await page.getByRole("button", { name: "预览", exact: true }).click();
    await page.getByRole("button", { name: `导入 ${before.length} 个网格` }).click();

    // The same impact as a partition's: counts by old grid, the carry-over, then apply.
    const impact = page.getByTestId("restructuring-impact");
    await impact.getByText(`将用文件中的 ${before.length} 个网格替换蕃阳社区现有的`).waitFor();
    const row = impact.getByRole("row").filter({ hasText: before[0]!.properties.code });
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole("combobox").waitFor();
    await page.screenshot({ path: path.join(screenshots, "grid-import-replace-impact.png") });
    await page.getByRole("dialog").getByRole("button", { name: "替换网格" }).click();
    await page.getByText(`已用文件中的 ${before.length} 个网格替换现有网格`).waitFor();
    const after = await gridsOf();
    expect(after).toHaveLength(before.length);
    expect(after.map((g) => g.id)).not.toContain(before[0]!.id);

    const list = page.getByTestId("restructuring-list");
    if ((await list.getAttribute("open")) === null) await list.locator("summary").click();
    await list.getByText("文件导入替换").first().waitFor();
    await list.getByRole("button", { name: "撤销调整" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "撤销调整" }).click();
    await page.getByText("已撤销这次文件导入替换，原网格和分工已恢复。").waitFor();
    expect((await gridsOf()).map((g) => g.id).sort()).toEqual(before.map((g) => g.id).sort());
  });

  it("logged no errors", () => {
    expect(errors).toEqual([]);
  });
});
