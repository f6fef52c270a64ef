// The search box on the maps (issue 22): a coordinator finds a grid by its code and a problem by
// its number with the keyboard, the map flies there and the panel shows it; a volunteer on a
// phone finds their own grid and not a problem outside their patrol area; a citizen without an
// account finds a community on /report, and the report is filed at the place chosen.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { consoleErrors } from "./sign-in.ts";
import { desktop, peopleOnOneServer, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();
const phone = { width: 390, height: 844 };
const patience = { timeout: 20_000 };

/** GET an API path with the page's session. */
const api = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

/** The map's centre, as maplibre holds it. */
const centre = (page: Page) =>
  page.evaluate(() => window.__civgridMap?.getCenter().toArray() as [number, number]);

/** Types into the map's search box and waits for the option naming `label`. */
async function typeSearch(page: Page, text: string, label: string) {
  const box = page.getByRole("combobox", { name: /在地图上搜索/ });
  await box.fill(text);
  await page
    .getByRole("option", { name: new RegExp(label) })
    .first()
    .waitFor(patience);
  expect(await box.getAttribute("aria-expanded")).toBe("true");
  return box;
}

describe.skipIf(skip)("search on the maps", () => {
  const people = peopleOnOneServer();

  it("finds a grid by code and a problem by number with the keyboard; the map flies there", async () => {
    const { page, errors } = await people.signedIn("coordinator", desktop, "/");
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
    const grids = await api(page, "/api/grids?limit=20");
    const far = grids.features.at(-1);
    const before = await centre(page);

    const box = await typeSearch(page, far.properties.code, far.properties.name);
    const groups = await page.getByRole("listbox").getByRole("group").allTextContents();
    expect(groups[0]).toContain("网格");
    await box.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    expect(await page.locator(`[id="${active}"]`).getAttribute("aria-selected")).toBe("true");
    await box.press("Enter");
    const panel = page.locator(".detail-panel");
    await panel.getByText(far.properties.code).waitFor(patience);
    await expect.poll(() => centre(page), patience).not.toEqual(before);
    await page.screenshot({ path: path.join(screenshots, "search-grid.png") });

    const problems = await api(page, "/api/problems?limit=1");
    const problem = problems.features[0];
    await typeSearch(page, `#${problem.id}`, `#${problem.id}`);
    // a number is most often a problem's: its group comes first
    expect(
      (await page.getByRole("listbox").getByRole("group").first().textContent()) ?? "",
    ).toMatch(/^问题/);
    await box.press("ArrowDown");
    await box.press("Enter");
    await panel.getByText(problem.properties.description).first().waitFor(patience);
    const [lon, lat] = problem.geometry.coordinates;
    await expect
      .poll(async () => {
        const [x, y] = await centre(page);
        return Math.hypot(x - lon, y - lat) < 0.0005;
      }, patience)
      .toBe(true);
    await page.screenshot({ path: path.join(screenshots, "search-problem.png") });
    expect(errors).toEqual([]);
  });

  it("lets a volunteer on a phone find their own grid, not a problem outside their area", async () => {
    const { page, errors } = await people.signedIn("volunteer", phone, "/my-area");
    const area = await api(page, "/api/my-area");
    const own = area.grids.features[0].properties;
    // the map comes after the area's list, mounted once scrolled to (issue 22)
    await page.locator(".area-grid").first().waitFor(patience);
    await page.locator(".area-map-slot").scrollIntoViewIfNeeded();
    await page.locator(".area-map canvas").waitFor(patience);
    const box = await typeSearch(page, own.code, own.name);
    await page.screenshot({ path: path.join(screenshots, "search-phone.png") });
    await box.press("Enter");
    expect(await box.getAttribute("aria-expanded")).toBe("false");

    const outside = await api(page, "/api/problems?limit=1000");
    const hidden = await people
      .signedIn("coordinator", desktop, "/problems")
      .then(({ page: office }) => api(office, "/api/problems?limit=1000"));
    const mine = new Set(outside.features.map((f: { id: number }) => f.id));
    const elsewhere = hidden.features.find((f: { id: number }) => !mine.has(f.id));
    await box.fill(`#${elsewhere.id}`);
    await expect
      .poll(() => page.locator(".map-search-status").textContent(), patience)
      .toBe("没有找到");
    expect(errors).toEqual([]);
  });

  it("lets a citizen on a phone search for a place on /report, pin it and file the report there", async () => {
    const context = await people.newContext({ viewport: phone });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto(`${people.url()}/report`);
    const answer = await api(page, `/api/public/search?q=${encodeURIComponent("蕃阳")}`);
    const community = answer.results.find((hit: { kind: string }) => hit.kind === "community");
    expect(community.label).toBe("蕃阳社区");

    // the search box stands before the map is opened; choosing opens the map there
    expect(await page.locator(".place-map canvas").count()).toBe(0);
    const box = await typeSearch(page, "蕃阳", "蕃阳社区");
    expect(await box.getAttribute("placeholder")).toBe("搜索社区、网格、单位或地址");
    await page
      .getByRole("option", { name: /蕃阳社区/ })
      .first()
      .click();
    const chosen = `已选位置：东经 ${community.lon.toFixed(6)}，北纬 ${community.lat.toFixed(6)}`;
    await page.locator(".place-chosen").getByText(chosen).waitFor(patience);
    await page.locator(".place-map canvas").waitFor(patience);
    await page.locator(".place-map .maplibregl-marker").waitFor(patience);
    await expect
      .poll(async () => {
        const [x, y] = await centre(page);
        return Math.hypot(x - community.lon, y - community.lat) < 0.01;
      }, patience)
      .toBe(true);
    await page.screenshot({ path: path.join(screenshots, "search-report-phone.png") });

    const service = page.locator("select[name=service_code]");
    const code = await service.locator("option:not([disabled])").first().getAttribute("value");
    await service.selectOption(code ?? "");
    await page.locator("textarea[name=description]").fill("路灯不亮");
    await page.getByRole("button", { name: "提交投诉" }).click();
    const number = await page.locator(".request-number strong").textContent(patience);
    const [filed] = await api(page, `/open311/v2/requests/${number}.json`);
    expect(filed.long).toBeCloseTo(community.lon, 6);
    expect(filed.lat).toBeCloseTo(community.lat, 6);
    expect(errors).toEqual([]);
  });
});
