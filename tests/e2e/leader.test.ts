// The leaders' view as the demo leader sees it: signed in, the hexagon map, the hotspots, the
// ranking shown on the map, a hexagon's problems, and the notice downloaded and opened.
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailable, launchBrowser, mapSettled } from "./browser.ts";
import { pdfText } from "./pdf-text.ts";
import { buildWeb, type RunningServer, root, startServer } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();
/** How long the map may take to show what it should, on a busy machine. */
const patience = { timeout: 20_000 };

/** The features a map source holds now. */
const sourceFeatures = (page: Page, source: string) =>
  page.evaluate(async (id) => {
    const map = (window as any).__civgridMap;
    const data = await map.getSource(id).getData();
    return data.features as Array<{ id: number; properties: Record<string, any> }>;
  }, source);

describe.skipIf(skip)("the leaders' view", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    errors = consoleErrors(page);
    await page.goto(server.url);
    await signIn(page, "leader");
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lands the leader on hexagons of the problems, sized by the zoom", async () => {
    await expect.poll(() => page.url(), patience).toBe(`${server.url}/`);
    await page.getByRole("heading", { name: "领导看板" }).waitFor();
    await expect
      .poll(async () => (await sourceFeatures(page, "hexagons")).length, patience)
      .toBeGreaterThan(0);
    const hexagons = await sourceFeatures(page, "hexagons");
    const shown = hexagons.reduce((sum, f) => sum + f.properties.count, 0);
    await page.getByText(`视野内 ${shown} 个问题`).waitFor();
    await page.screenshot({ path: path.join(screenshots, "leader-hexagons.png") });
    expect(errors).toEqual([]);
  });

  it("lists a hexagon's problems when it is clicked", async () => {
    const hexagons = await sourceFeatures(page, "hexagons");
    const busiest = hexagons.sort((a, b) => b.properties.count - a.properties.count)[0]!;
    const point = await page.evaluate((cell) => {
      const map = (window as any).__civgridMap;
      const feature = map.querySourceFeatures("hexagons").find((f: any) => f.id === cell);
      const ring = feature.geometry.coordinates[0] as [number, number][];
      const centre = ring.slice(0, 6).reduce(([x, y], [a, b]) => [x + a / 6, y + b / 6], [0, 0]);
      const p = map.project(centre);
      const canvas = map.getCanvas().getBoundingClientRect();
      return { x: canvas.left + p.x, y: canvas.top + p.y };
    }, busiest.id);
    await page.mouse.click(point.x, point.y);
    const list = page.getByRole("region", {
      name: `该六边形内 ${busiest.properties.count} 个问题`,
    });
    await list.waitFor();
    await expect.poll(() => list.locator("li").count(), patience).toBe(busiest.properties.count);
    await page.getByRole("button", { name: "返回排名" }).click();
  });

  it("switches to hotspots, each with its problem count and dominant category", async () => {
    await page.getByRole("button", { name: "问题聚集区" }).click();
    await expect
      .poll(async () => (await sourceFeatures(page, "clusters")).length, patience)
      .toBeGreaterThan(0);
    const clusters = await sourceFeatures(page, "clusters");
    expect(clusters[0]!.properties.count).toBeGreaterThanOrEqual(3);
    await page.getByText(`视野内发现 ${clusters.length} 处问题聚集区`).waitFor();
    await mapSettled(page);
    await page.screenshot({ path: path.join(screenshots, "leader-clusters.png") });
    expect(errors).toEqual([]);
  });

  it("shows a ranked unit's problems on the map when its row is clicked", async () => {
    const table = page.locator(".ranking-table");
    await table.locator("tbody tr").first().waitFor();
    expect(await page.getByText(/^流动红旗：/).count()).toBe(1);
    // rank 1 is the best, which may have no problems at all: take the unit with the most
    const rows = (await page.evaluate(async () => (await fetch("/api/analytics/rankings")).json()))
      .rows as { name: string; problems: number }[];
    const name = rows.reduce((a, b) => (b.problems > a.problems ? b : a)).name;
    const first = table.getByRole("button", { name, exact: true });
    await page.getByRole("button", { name: "六边形分布" }).click();
    await first.click();
    await expect.poll(() => page.getByLabel("责任单位").inputValue(), patience).not.toBe("");
    const unitId = Number(await page.getByLabel("责任单位").inputValue());
    await expect
      .poll(async () => {
        const shown = await sourceFeatures(page, "hexagons");
        return shown.reduce((sum, f) => sum + f.properties.count, 0);
      }, patience)
      .toBeGreaterThan(0);
    const ranking = await page.evaluate(async () =>
      (await fetch("/api/analytics/rankings")).json(),
    );
    expect(ranking.rows.find((r: any) => r.id === unitId).name).toBe(name);
  });

  it("exports the notice as an XLSX that opens, with the ranking, trend and hotspots", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel" }).click(),
    ]);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "整改排名",
      "超期问题",
      "每周趋势",
      "问题聚集区",
    ]);
    expect(book.worksheets[0]!.getCell(1, 1).text).toMatch(/^滕州市 创城问题整改通报/);
    expect(book.getWorksheet("问题聚集区")!.rowCount).toBeGreaterThan(2);
  });

  it("exports the printable notice as PNG", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PNG" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^滕州市 创城问题整改通报.*\.png$/);
    const saved = path.join(screenshots, "leader-notice.png");
    await download.saveAs(saved);
    const png = readFileSync(saved);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    await page.screenshot({ path: path.join(screenshots, "leader-page.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("exports the printable notice as a PDF whose words are text: title, table, commendation", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^滕州市 创城问题整改通报.*\.pdf$/);
    const saved = path.join(tmpdir(), `civgrid-notice-${process.pid}.pdf`);
    await download.saveAs(saved);
    const text = pdfText(saved);
    expect(text).toMatch(/滕州市 创城问题整改通报/);
    expect(text).toMatch(/排名\s+名称\s+失分/);
    expect(text).toMatch(/流动红旗：/);
    expect(text).toMatch(/通报批评：/);
    // the footer's time is China's, as YYYY-MM-DD HH:mm
    expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(errors).toEqual([]);
  });
});
