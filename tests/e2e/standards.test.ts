// The evaluation standard as a coordinator keeps it: the demo's 11 categories and 42 items, copied
// into a new version, one item's points changed, saved, activated (the old one retires), and the
// Excel sheet out and back in. Someone without the right only reads.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { root } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";
import { peopleOnOneServer } from "./signed-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();
const desktop = { width: 1280, height: 800 };
const demoStandard = "滕州市医院点位创城标准";

describe.skipIf(skip)("evaluation standards", () => {
  const people = peopleOnOneServer();
  let files: string;
  let coordinator: Page;
  let errors: string[];

  async function signedIn(username: string, at: string): Promise<Page> {
    const context = await people.newContext({ viewport: desktop, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(people.url() + at);
    await signIn(page, username);
    return page;
  }

  /** The list's row of one version of the demo standard. */
  const versionRow = (page: Page, version: number) =>
    page
      .locator("tbody tr")
      .filter({ hasText: demoStandard })
      .filter({ hasText: `第 ${version} 版` });

  const heading = (page: Page) => page.locator(".standard-heading");

  beforeAll(async () => {
    files = await mkdtemp(path.join(tmpdir(), "civgrid-standards-"));
  });

  afterAll(async () => {
    if (files) await rm(files, { recursive: true, force: true });
  });

  it("lists the demo hospital standard: 11 categories, 42 items, 100 points, active", async () => {
    coordinator = await signedIn("coordinator", "/");
    errors = consoleErrors(coordinator);
    // The standards wait under "更多" in the header.
    await coordinator.getByRole("button", { name: "更多" }).click();
    await coordinator.getByRole("link", { name: "测评标准" }).click();
    await coordinator.getByRole("heading", { name: "测评标准" }).waitFor();
    const row = versionRow(coordinator, 1);
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells.slice(0, 8)).toEqual([
      demoStandard,
      "2022",
      "第 1 版",
      "医院点位",
      "启用",
      "11",
      "42",
      "100",
    ]);
    await coordinator.screenshot({ path: path.join(screenshots, "standards-list.png") });
  });

  it("shows the active standard read-only, category by category", async () => {
    await versionRow(coordinator, 1).getByRole("link", { name: "打开" }).click();
    await coordinator.getByRole("region", { name: "1 环境卫生" }).waitFor();
    expect(await coordinator.locator("section.standard-category").count()).toBe(11);
    expect(await coordinator.locator("section.standard-category tbody tr").count()).toBe(42);
    expect(await heading(coordinator).textContent()).toContain("总分 100");
    expect(await coordinator.locator("input, textarea").count()).toBe(0);
    await coordinator.getByRole("button", { name: "复制为新版本" }).waitFor();
  });

  it("copies it into a version 2 draft, refuses a wrong number, saves a change of points", async () => {
    const original = new URL(coordinator.url()).pathname;
    await coordinator.getByRole("button", { name: "复制为新版本" }).click();
    await coordinator.waitForURL((url) => url.pathname !== original);
    await coordinator.getByText("第 2 版", { exact: false }).first().waitFor();
    expect(await heading(coordinator).textContent()).toContain("草稿");

    const points = coordinator.getByLabel("1.1 分值", { exact: true });
    expect(await points.inputValue()).toBe("3");
    await points.fill("0");
    await coordinator.getByRole("button", { name: "保存", exact: true }).click();
    await coordinator
      .locator(".field-error", { hasText: "分值应为大于 0、不超过 100 的数字" })
      .waitFor();
    expect(await points.getAttribute("aria-invalid")).toBe("true");
    await coordinator.screenshot({ path: path.join(screenshots, "standards-draft-error.png") });

    await points.fill("5");
    // Retyped: its message goes, the rest of the refusal with it.
    expect(await points.getAttribute("aria-invalid")).toBeNull();
    expect(await coordinator.getByRole("alert").count()).toBe(0);
    await expect.poll(() => heading(coordinator).textContent()).toContain("总分 102");
    expect(await heading(coordinator).textContent()).toContain("有未保存的修改");
    // The item codes follow the order: the second item moved up becomes 1.1.
    await coordinator.getByRole("button", { name: "上移1.2" }).click();
    expect(await coordinator.getByLabel("1.1 条目", { exact: true }).inputValue()).toBe(
      "楼道楼梯间整洁",
    );
    await coordinator.getByRole("button", { name: "下移1.1" }).click();
    await coordinator.screenshot({ path: path.join(screenshots, "standards-draft-editing.png") });

    await coordinator.getByRole("button", { name: "保存", exact: true }).click();
    await heading(coordinator).getByText("已保存").waitFor();
    const id = Number(new URL(coordinator.url()).pathname.split("/").pop());
    const saved = await coordinator.evaluate(async (standardId) => {
      const response = await fetch(`/api/standards/${standardId}`);
      return (await response.json()) as { totalPoints: number; version: number; status: string };
    }, id);
    expect(saved).toMatchObject({ totalPoints: 102, version: 2, status: "draft" });
  });

  it("activates the draft after asking, and the old version shows as retired", async () => {
    await coordinator.getByRole("button", { name: "启用", exact: true }).click();
    const dialog = coordinator.getByRole("dialog");
    expect(await dialog.textContent()).toContain("启用后将停用同名的现行标准");
    await dialog.getByRole("button", { name: "启用", exact: true }).click();
    await coordinator.getByText("已启用，同名的原现行标准已停用。").waitFor();
    expect(await heading(coordinator).textContent()).toContain("启用");
    expect(await coordinator.locator("input, textarea").count()).toBe(0);

    await coordinator.getByRole("link", { name: "返回测评标准列表" }).click();
    await versionRow(coordinator, 2).getByText("102").waitFor();
    expect(await versionRow(coordinator, 2).textContent()).toContain("启用");
    expect(await versionRow(coordinator, 1).textContent()).toContain("停用");
    await coordinator.screenshot({ path: path.join(screenshots, "standards-list-activated.png") });
  });

  it("exports the standard to Excel and imports the sheet back as a draft", async () => {
    await versionRow(coordinator, 2).getByRole("link", { name: "打开" }).click();
    const [download] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.getByRole("link", { name: "导出 Excel" }).click(),
    ]);
    const sheet = path.join(files, "standard.xlsx");
    await download.saveAs(sheet);

    await coordinator.getByRole("link", { name: "返回测评标准列表" }).click();
    await coordinator.getByRole("button", { name: "导入 Excel" }).click();
    const dialog = coordinator.getByRole("dialog");
    await dialog.getByLabel("名称").fill("社区点位创城标准");
    await dialog.getByLabel("适用范围").selectOption({ label: "社区点位" });

    // Not a workbook: the API's message is listed, nothing is created.
    const notASheet = path.join(files, "notes.xlsx");
    await writeFile(notASheet, "not a workbook");
    await dialog.getByLabel("选择 Excel 文件").setInputFiles(notASheet);
    await dialog.getByRole("button", { name: "导入", exact: true }).click();
    await dialog.getByText("请上传 .xlsx 格式的 Excel 文件", { exact: true }).waitFor();

    await dialog.getByLabel("选择 Excel 文件").setInputFiles(sheet);
    await dialog.getByRole("button", { name: "导入", exact: true }).click();
    await coordinator.getByLabel("1.1 分值", { exact: true }).waitFor();
    const text = await heading(coordinator).textContent();
    expect(text).toContain("社区点位创城标准");
    expect(text).toContain("草稿");
    expect(text).toContain("11 个类别、42 个条目");
    expect(text).toContain("总分 102");
    // The two refusals above are answers, not faults; chromium logs them all the same.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  it("lets an inspector read a standard but not change it, and gives no link to the list", async () => {
    const inspector = await signedIn("inspector", "/standards/1");
    await inspector.getByRole("region", { name: "1 环境卫生" }).waitFor();
    expect(await inspector.getByRole("button", { name: "复制为新版本" }).count()).toBe(0);
    expect(await inspector.getByRole("link", { name: "测评标准", exact: true }).count()).toBe(0);
  });
});
