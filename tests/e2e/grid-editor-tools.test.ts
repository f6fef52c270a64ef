// The grid editor's other tools, as a coordinator uses them in 郭彭庄社区: split a grid with a
// drawn line, merge the halves back, revert a grid to an earlier version, import a grid and a
// community from files; and the editor on a phone.
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailable, launchBrowser } from "./browser.ts";
import { centre, editorMap, type GridFeature, outerRing } from "./editor-map.ts";
import { buildWeb, type RunningServer, root, startServer } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();

describe.skipIf(skip)("the grid editor's split, merge, history and imports", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let communityId: number;

  const map = () => editorMap(page);
  const gridsOf = async () =>
    (await map().api<{ features: GridFeature[] }>(`/api/grids?communityId=${communityId}`))
      .features;
  const byCode = (grids: GridFeature[]) =>
    [...grids].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const waitForMap = () =>
    page.waitForSelector(`body[data-map-ready='true'][data-community-id='${communityId}']`, {
      timeout: 90_000,
    });
  const panel = () => page.locator(".detail-panel");

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = consoleErrors(page);
    await page.goto(`${server.url}/grids`);
    await signIn(page, "coordinator");
    await page.getByRole("heading", { name: "实时检查" }).waitFor({ timeout: 90_000 });
    const communities = await map().api<{
      features: { id: number; properties: { name: string } }[];
    }>("/api/communities");
    communityId = communities.features.find((c) => c.properties.name === "郭彭庄社区")!.id;
    await page.getByLabel("帮包社区").selectOption(String(communityId));
    await waitForMap();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("splits a grid along a drawn line, then merges the two halves back", async () => {
    const before = byCode(await gridsOf());
    const target = before[0]!;
    const ring = outerRing(target);
    const lons = ring.map(([lon]) => lon);
    const [, y] = centre(target);
    await map().click(centre(target));
    await panel().getByRole("button", { name: "分割", exact: true }).click();
    // West to east across the grid, beyond its borders; a second click on the end finishes.
    const west: [number, number] = [Math.min(...lons) - 0.0004, y];
    const east: [number, number] = [Math.max(...lons) + 0.0004, y];
    await map().click(west);
    await map().click(east);
    await map().click(east);
    await panel().getByText("这条线会把网格分成 2 块（见地图）。").waitFor();
    await page.screenshot({ path: path.join(screenshots, "grid-editor-split.png") });
    await panel().getByRole("button", { name: "分割", exact: true }).click();
    // the impact of the split on the work under way, then the split itself
    await page.getByTestId("restructuring-impact").getByRole("row").nth(1).waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "分割", exact: true }).click();
    await page.getByText("已分割为 2 个网格。").waitFor();
    const split = await gridsOf();
    expect(split).toHaveLength(before.length + 1);
    const halves = split.filter((grid) => !before.some((old) => old.id === grid.id));
    const kept = split.find((grid) => grid.id === target.id);
    const pieces = [...halves, ...(kept ? [kept] : [])];
    expect(pieces).toHaveLength(2);
    const areas = pieces.reduce((sum, grid) => sum + grid.properties.areaM2, 0);
    expect(Math.abs(areas - target.properties.areaM2)).toBeLessThan(2);

    await page.getByRole("button", { name: "合并", exact: true }).click();
    for (const piece of pieces) await map().click(centre(piece));
    await panel().getByText("两个网格相邻，可以合并（合并后的范围见地图）。").waitFor();
    await panel().getByRole("button", { name: "合并", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "合并", exact: true }).click();
    await page.getByText(/^已合并为网格 \d{15}。$/).waitFor();
    const merged = await gridsOf();
    expect(merged).toHaveLength(before.length);
    const whole = merged.find(
      (grid) => !before.some((old) => old.id === grid.id) || grid.id === target.id,
    );
    expect(Math.abs(whole!.properties.areaM2 - target.properties.areaM2)).toBeLessThan(2);
  });

  it("reverts a grid to an earlier version from its history", async () => {
    const grid = byCode(await gridsOf()).at(-1)!;
    // A second version: the grid renamed through the API, as another coordinator might.
    await page.evaluate(
      async ({ id, version }) => {
        const answer = await fetch(`/api/grids/${id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version, name: "改过名的网格" }),
        });
        if (!answer.ok) throw new Error(`PATCH ${answer.status}: ${await answer.text()}`);
      },
      { id: grid.id, version: grid.properties.version },
    );
    await page.reload();
    await waitForMap();
    await map().click(centre(grid));
    await panel().getByRole("tab", { name: "历史" }).click();
    const versions = panel().getByRole("button", { name: "恢复到此版本" });
    await expect.poll(() => versions.count()).toBeGreaterThan(0);
    await versions.last().click();
    await page.getByRole("dialog").getByRole("button", { name: "恢复到此版本" }).click();
    await page
      .getByText(new RegExp(`^网格 ${grid.properties.code} 已恢复到第 \\d+ 版。$`))
      .waitFor();
    await page.screenshot({ path: path.join(screenshots, "grid-editor-history.png") });
    const detail = await map().api<{ properties: { name: string; version: number } }>(
      `/api/grids/${grid.id}`,
    );
    expect(detail.properties.name).not.toBe("改过名的网格");
    expect(detail.properties.version).toBe(grid.properties.version + 2);
  });

  it("imports a grid from a GeoJSON file with a preview", async () => {
    const [gone] = byCode(await gridsOf()).slice(-1);
    await page.evaluate(
      async ({ id, version }) => {
        const answer = await fetch(`/api/grids/${id}?version=${version}`, { method: "DELETE" });
        if (!answer.ok) throw new Error(`DELETE ${answer.status}`);
      },
      { id: gone!.id, version: gone!.properties.version },
    );
    const file = path.join(tmpdir(), `civgrid-import-${process.pid}.geojson`);
    writeFileSync(
      file,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: { 名称: "导入的网格" }, geometry: gone!.geometry },
        ],
      }),
    );
    await page.reload();
    await waitForMap();
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await panel().getByLabel("文件（GeoJSON、KML 或 Shapefile .zip）").setInputFiles(file);
    await panel().getByRole("button", { name: "预览" }).click();
    await panel().getByRole("button", { name: "导入 1 个网格" }).waitFor();
    await expect.poll(() => map().rendered("preview-fill")).toBe(1);
    await page.screenshot({ path: path.join(screenshots, "grid-editor-import.png") });
    await panel().getByRole("button", { name: "导入 1 个网格" }).click();
    await page.getByText("已导入 1 个网格。").waitFor();
    const names = (await gridsOf()).map((grid) => (grid as any).properties.name);
    expect(names).toContain("导入的网格");
  });

  it("imports a new community of a street from a file, and opens it", async () => {
    const file = path.join(tmpdir(), `civgrid-communities-${process.pid}.geojson`);
    const [lon, lat] = [117.3, 35.2];
    const square = [
      [lon, lat],
      [lon + 0.004, lat],
      [lon + 0.004, lat + 0.004],
      [lon, lat + 0.004],
      [lon, lat],
    ];
    writeFileSync(
      file,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { 社区名称: "新建社区" },
            geometry: { type: "Polygon", coordinates: [square] },
          },
        ],
      }),
    );
    await page.getByRole("button", { name: "导入社区…" }).click();
    await panel().getByRole("heading", { name: "从文件导入社区" }).waitFor();
    await panel().getByLabel("文件（GeoJSON、KML 或 Shapefile .zip）").setInputFiles(file);
    await panel().getByRole("button", { name: "预览" }).click();
    await panel().getByRole("button", { name: "导入 1 个社区" }).click();
    await page.getByText("已导入 1 个社区。").waitFor();
    await expect
      .poll(() => page.getByLabel("帮包社区").locator("option:checked").textContent())
      .toMatch(/^新建社区/);
    await page.screenshot({ path: path.join(screenshots, "grid-editor-community-import.png") });
  });

  it("fits a phone: tools in a strip on top, the mode's panel a sheet from the bottom", async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    await small.goto(`${server.url}/grids?communityId=${communityId}`);
    await signIn(small, "coordinator");
    await small.getByRole("heading", { name: "实时检查" }).waitFor({ timeout: 90_000 });
    await small.getByRole("button", { name: "自动划分" }).click();
    const sheet = await small.locator(".detail-panel").boundingBox();
    const tools = await small.locator(".editor-tools").boundingBox();
    expect(sheet!.y + sheet!.height).toBeCloseTo(800, 0);
    expect(sheet!.width).toBe(360);
    expect(tools!.y + tools!.height).toBeLessThan(sheet!.y);
    await small.screenshot({ path: path.join(screenshots, "grid-editor-phone.png") });
    await phone.close();
  });

  it("logged no errors", () => {
    expect(errors).toEqual([]);
  });
});
