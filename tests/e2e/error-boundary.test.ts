// A page, or a lazily loaded part of one, that cannot be drawn (here: its chunk fails to download,
// as it would offline) shows a message in Chinese with 重试 and 重新加载 instead of a blank page,
// keeps the header and nav, and a report being written survives both the failure and a reload.
// The service worker is blocked in these contexts: it would answer the chunk from its precache
// before page.route could fail it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { root } from "./server.ts";
import { desktop, peopleOnOneServer, phone, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();
const patience = { timeout: 20_000 };

describe.skipIf(skip)("a page that cannot be drawn", () => {
  const people = peopleOnOneServer();

  it("shows the office why, with the header and nav kept, and comes back on 重新加载", async () => {
    const { page, context, errors } = await people.signedIn("coordinator", desktop, "/problems", {
      serviceWorkers: "block",
      locale: "zh-CN",
    });
    await page.locator(".app-nav").waitFor(patience);
    // the office's map page's own chunk cannot be fetched
    await context.route(/\/assets\/map-page-[^/]*\.js$/, (route) => route.abort("failed"));
    await page.locator(".app-nav").getByRole("link", { name: "地图", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "这个页面没能显示出来" });
    await alert.waitFor(patience);
    await expect.poll(() => alert.textContent()).toContain("重新加载");
    expect(await page.locator(".app-nav").getByRole("link").count()).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(screenshots, "error-boundary-page-desktop.png") });

    // back online: 重新加载 draws the map page
    await context.unrouteAll();
    await alert.getByRole("button", { name: "重新加载" }).click();
    await page.locator(".map canvas").waitFor(patience);
    expect(await page.getByRole("alert").filter({ hasText: "没能显示出来" }).count()).toBe(0);
    // the one error logged is the failed chunk the test made
    expect(errors.filter((e) => !/map-page|Failed to fetch|net::ERR_FAILED/.test(e))).toEqual([]);
  });

  it("keeps a volunteer's report draft when the area's map cannot load, and after a reload", async () => {
    const { page, context } = await people.signedIn("volunteer", phone, "/my-area", {
      serviceWorkers: "block",
      locale: "zh-CN",
      isMobile: true,
      hasTouch: true,
    });
    await page.locator(".volunteer-tabs").waitFor(patience);
    await context.route(/\/assets\/area-map-[^/]*\.js$/, (route) => route.abort("failed"));
    // the report tab mounts the map at once (for the place); its chunk fails
    await page.getByRole("button", { name: "上报问题" }).click();
    await page.getByLabel("问题描述").fill("垃圾桶满溢，东侧路口");
    const alert = page.getByRole("alert").filter({ hasText: "这一部分没能显示出来" });
    await alert.waitFor(patience);
    // only the map's part is replaced: the form and what was typed stay
    expect(await page.getByLabel("问题描述").inputValue()).toBe("垃圾桶满溢，东侧路口");
    expect(await page.locator(".volunteer-tabs").count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, "error-boundary-part-phone.png") });

    // 重新加载 (the network back): the draft's words are there again, and the map draws
    await context.unrouteAll();
    await alert.getByRole("button", { name: "重新加载" }).click();
    await page.locator(".volunteer-tabs").waitFor(patience);
    await page.getByRole("button", { name: "上报问题" }).click();
    await expect
      .poll(() => page.getByLabel("问题描述").inputValue(), patience)
      .toBe("垃圾桶满溢，东侧路口");
    await page.locator(".area-map canvas").waitFor(patience);
  });

  it("is precached for offline use wherever a page loads it (the service worker's list)", () => {
    // every chunk reachable from the entry, statically or lazily, is in the worker's precache
    // list, except the office's editor and PDF writer, which the phone never opens offline
    const dist = path.join(root, "web/dist");
    const manifest: Record<
      string,
      { file: string; imports?: string[]; dynamicImports?: string[] }
    > = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
    const worker = readFileSync(path.join(dist, "sw.js"), "utf8");
    const reachable = new Set<string>();
    const walk = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || reachable.has(chunk.file)) return;
      reachable.add(chunk.file);
      for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(next);
    };
    walk("index.html");
    const volunteerChunks = [...reachable].filter(
      (file) => !/^assets\/(grid-editor-page|pdf-writer)-/.test(file),
    );
    expect(volunteerChunks.length).toBeGreaterThan(20);
    expect(volunteerChunks.filter((file) => !worker.includes(`"${file}"`))).toEqual([]);
    for (const part of ["area-map", "report-panel", "maplibre-gl", "my-area-page"])
      expect(volunteerChunks.some((file) => file.startsWith(`assets/${part}-`))).toBe(true);
  });
});
