// 待定位 in the browser: a citizen's app files an Open311 request with an address only; the
// coordinator finds it under 更多, reads it (address, service, China time, attachment), clicks its
// place on the map, and it becomes a problem routed to the grid there.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { desktop, peopleOnOneServer, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();

describe.skipIf(skip)("placing a citizen's request that came with an address only", () => {
  const people = peopleOnOneServer();

  it("is listed for the coordinator, placed with a click, and routed to the grid there", async () => {
    const address = "E2E 善国北路 12 号东侧垃圾点";
    const services = await (await fetch(`${people.url()}/open311/v2/services.json`)).json();
    const filed = await fetch(`${people.url()}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        service_code: services[0].service_code,
        address_string: address,
        description: "垃圾满溢，气味很大",
        media_url: "https://example.org/e2e-photo.jpg",
        last_name: "赵",
      }).toString(),
    });
    expect(filed.status).toBe(201);

    const { page, errors } = await people.signedIn("coordinator", desktop, "/problems");
    await page.getByRole("button", { name: "更多" }).click();
    await page.getByRole("link", { name: "待定位诉求" }).click();
    await page.getByRole("heading", { name: "待定位的市民诉求" }).waitFor();
    const card = page.locator(".unplaced-card", { hasText: address });
    await expect.poll(() => card.textContent()).toContain("垃圾满溢，气味很大");
    const text = (await card.textContent()) ?? "";
    expect(text).toContain(services[0].service_name);
    expect(text).toContain("赵");
    // filed a moment ago: shown as China's wall clock (UTC+8), to the minute
    const chinaNow = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(text.replaceAll("/", "-")).toContain(chinaNow);
    expect(await card.getByRole("link", { name: "查看市民提供的附件" }).getAttribute("href")).toBe(
      "https://example.org/e2e-photo.jpg",
    );

    await card.getByRole("button", { name: "定位这一条" }).click();
    // a place inside a grid: where a demo problem was routed to one
    const target = await page.evaluate(async () => {
      const list = await (await fetch("/api/problems?limit=100")).json();
      const routed = list.features.find(
        (f: { properties: { gridCode: string | null } }) => f.properties.gridCode !== null,
      );
      return {
        at: routed.geometry.coordinates as [number, number],
        gridCode: routed.properties.gridCode as string,
      };
    });
    await page.locator(".request-place-map[data-map-ready='true']").waitFor();
    const point = await page.evaluate(([lon, lat]) => {
      const map = window.__civgridMap;
      if (!map) throw new Error("no map");
      map.jumpTo({ center: [lon, lat], zoom: 17 });
      const { x, y } = map.project([lon, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    }, target.at);
    await page.mouse.click(point.x, point.y);
    await page.getByText(/^已选位置：东经 \d+\.\d{6}，北纬 \d+\.\d{6}$/).waitFor();
    await page.screenshot({ path: path.join(screenshots, "unplaced-requests.png") });
    await page.getByRole("button", { name: "确认定位并转为问题" }).click();

    const placed = page.getByRole("status").filter({ hasText: "已定位，转为问题" });
    await expect.poll(() => placed.textContent()).toContain(`已派往网格 ${target.gridCode}`);
    await expect.poll(() => card.count()).toBe(0);
    await placed.getByRole("link", { name: "查看问题" }).click();
    await page.getByText("垃圾满溢，气味很大").first().waitFor();
    expect(page.url()).toMatch(/\/problems\/\d+$/);
    expect(errors).toEqual([]);
  });
});
