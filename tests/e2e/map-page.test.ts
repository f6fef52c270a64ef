// The spine as a newcomer sees it: start CivGrid, sign in, open the map, see the demo city drawn.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailable, launchBrowser } from "./browser.ts";
import { editorMap } from "./editor-map.ts";
import { buildWeb, type RunningServer, root, startServer } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();

describe.skipIf(skip)("the map page", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = consoleErrors(page);
    await page.goto(server.url);
    await signIn(page, "coordinator");
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("draws the 10 grids of the two assigned communities", async () => {
    await page.screenshot({ path: path.join(screenshots, "map-desktop.png") });
    const drawn = await page.evaluate(() => document.body.dataset.gridCount);
    expect(Number(drawn)).toBe(10);
    expect(await page.title()).toMatch(/创城网格/);
    expect(errors).toEqual([]);
  });

  it("shows a grid's code, area, community and units when it is clicked", async () => {
    const grid = await page.evaluate(async () => {
      const response = await fetch("/api/grids?limit=1");
      const body = await response.json();
      return body.features[0].properties as { id: number; code: string; leadUnitName: string };
    });
    // Click the grid's label point: one anchor per polygon, inside it, where the code is drawn.
    const point = await editorMap(page).gridLabel(grid.id);
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector(`text=${grid.code}`, { timeout: 10_000 });
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).toContain(grid.leadUnitName);
    expect(text).toContain("m²");
    await page.screenshot({ path: path.join(screenshots, "grid-panel.png") });
  });
});
