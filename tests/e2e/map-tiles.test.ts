// A city too large for GeoJSON: the map page reads its grids, points and problems from /tiles and a
// click still selects. The demo city stands in for a large one by a low MAP_TILES_ABOVE (5 features).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailable, launchBrowser } from "./browser.ts";
import { centre, editorMap, type GridFeature } from "./editor-map.ts";
import { buildWeb, type RunningServer, root, startServer } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();

describe.skipIf(skip)("the map page of a large city", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const requested: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer({ MAP_TILES_ABOVE: "5" });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = consoleErrors(page);
    page.on("request", (request) =>
      requested.push(new URL(request.url()).pathname + new URL(request.url()).search),
    );
    await page.goto(server.url);
    await signIn(page, "coordinator");
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reads grids, points and problems from tiles, never their whole GeoJSON lists", async () => {
    await page.screenshot({ path: path.join(screenshots, "map-tiles-desktop.png") });
    for (const layer of ["grids", "points", "problems"]) {
      expect(requested.some((url) => url.startsWith(`/tiles/${layer}/`))).toBe(true);
      // only the one-feature page that counts them
      expect(
        requested.filter((url) => url.startsWith(`/api/${layer}?`) || url === `/api/${layer}`),
      ).toEqual([`/api/${layer}?limit=1`]);
    }
    expect(Number(await page.evaluate(() => document.body.dataset.gridCount))).toBe(10);
    expect(errors).toEqual([]);
  });

  it("selects a grid clicked on the tiles, outlines it and shows its details", async () => {
    const map = editorMap(page);
    // markers are hidden so the click falls on the grid, not on a problem inside it
    for (const family of ["问题", "责任单位", "点位"])
      await page.getByLabel(family, { exact: true }).uncheck();
    const grids = await map.api<{ features: GridFeature[] }>("/api/grids?limit=1");
    const grid = grids.features[0]!;
    await map.click(centre(grid));
    await page.waitForSelector(`text=${grid.properties.code}`, { timeout: 10_000 });
    const state = await page.evaluate(
      (id) =>
        window.__civgridMap?.getFeatureState({ source: "grids-tiles", sourceLayer: "grids", id }),
      grid.id,
    );
    expect(state).toEqual({ selected: true });
    await page.screenshot({ path: path.join(screenshots, "map-tiles-grid-selected.png") });
    expect(errors).toEqual([]);
  });

  it("zooms in from a cell of problems at city zoom to where problems come one by one", async () => {
    await page.getByLabel("问题", { exact: true }).check();
    await page.evaluate(() => window.__civgridMap?.jumpTo({ zoom: 12 }));
    const cellAt = () =>
      page.evaluate(() => {
        const [cell] =
          window.__civgridMap?.queryRenderedFeatures({ layers: ["problem-cell"] }) ?? [];
        return cell?.geometry.type === "Point"
          ? (cell.geometry.coordinates as [number, number])
          : null;
      });
    await expect.poll(cellAt, { timeout: 20_000 }).not.toBeNull();
    await editorMap(page).click((await cellAt())!);
    await expect
      .poll(() => page.evaluate(() => window.__civgridMap?.getZoom() ?? 0))
      .toBeGreaterThanOrEqual(13);
    expect(errors).toEqual([]);
  });

  it("draws the grids under the leaders' hexagons and around a problem from tiles too", async () => {
    const [problem] = (
      await editorMap(page).api<{ features: { id: number }[] }>("/api/problems?limit=1")
    ).features;
    for (const address of ["/dashboard", `/problems/${problem!.id}`]) {
      requested.length = 0;
      await page.goto(`${server.url}${address}`);
      await expect
        .poll(() => requested.some((url) => url.startsWith("/tiles/grids/")), { timeout: 30_000 })
        .toBe(true);
      expect(requested).not.toContain("/api/grids");
    }
    expect(errors).toEqual([]);
  });
});
