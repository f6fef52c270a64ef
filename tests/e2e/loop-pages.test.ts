// The loop's pages (issue 15) in a browser: a volunteer's 我的上报 on a phone, a citizen's lookup by
// number, and a reviewer who opens a material before accepting it.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { photo } from "./photos.ts";
import { root } from "./server.ts";
import { signIn } from "./sign-in.ts";
import { peopleOnOneServer } from "./signed-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();
const phone = { width: 360, height: 800 };
const patience = { timeout: 20_000 };

/** A request with the page's session, as the page itself would send it. */
const call = (page: Page, url: string, init?: { method: string; json?: unknown }) =>
  page.evaluate(
    async ([u, i]) => {
      const answer = await fetch(u as string, {
        method: (i as { method?: string } | undefined)?.method ?? "GET",
        headers: { "content-type": "application/json" },
        body:
          (i as { json?: unknown } | undefined)?.json === undefined
            ? undefined
            : JSON.stringify((i as { json: unknown }).json),
      });
      return { status: answer.status, body: await answer.json() };
    },
    [url, init] as const,
  );

describe.skipIf(skip)("the loop's pages", () => {
  const people = peopleOnOneServer();

  async function open(
    viewport: { width: number; height: number },
    username?: string,
    locale = "zh-CN",
  ) {
    const context = await people.newContext({ viewport, locale, isMobile: viewport.width < 500 });
    const page = await context.newPage();
    if (username) {
      await page.goto(`${people.url()}/`);
      await page.getByLabel("用户名/手机号").waitFor({ timeout: 60_000 });
      await signIn(page, username);
      await page.locator(".app-nav").waitFor({ state: "attached" });
    }
    return page;
  }

  it("shows a volunteer 我的上报 on the phone after reporting, with number, status and latest step", async () => {
    const page = await open(phone, "volunteer");
    const area = await call(page, "/api/my-area");
    const at = area.body.points.features[0].geometry.coordinates;
    const reported = await call(page, "/api/problems", {
      method: "POST",
      json: {
        type: "Feature",
        geometry: { type: "Point", coordinates: at },
        properties: { description: "楼道堆放杂物（浏览器测试）" },
      },
    });
    expect(reported.status).toBe(201);
    await page.reload();
    const panel = page.locator(".my-reports");
    await panel.getByRole("heading", { name: "我的上报" }).waitFor(patience);
    const item = panel.locator("li", { hasText: `#${reported.body.id}` });
    await item.waitFor(patience);
    await expect.poll(() => item.textContent()).toContain("已上报");
    expect(await item.textContent()).toContain("最新进展：上报");
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, "my-reports-phone.png") });
  });

  it("lets a citizen look a report up by its number and see its status and photo", async () => {
    const page = await open(phone);
    // the citizen page's chunk is asked for by the page's HTML itself, beside the shell's script
    const chunk =
      /<link rel="modulepreload" crossorigin href="(\/assets\/citizen-page-[^"]+\.js)">/;
    const html = await (await page.goto(`${people.url()}/report`))!.text();
    expect(chunk.test(html)).toBe(true);
    expect(chunk.test(await (await page.request.get(`${people.url()}/my-area`)).text())).toBe(
      false,
    );
    const services = await call(page, "/open311/v2/services.json");
    const png = await photo(page, "#c0392b", "before");
    const number = await page.evaluate(
      async ([code, bytes]) => {
        const body = new FormData();
        const fields = {
          service_code: code,
          lat: "35.084",
          long: "117.165",
          description: "井盖破损",
        };
        for (const [k, v] of Object.entries(fields)) body.append(k, v as string);
        body.append("phone", "13900001111");
        body.append(
          "media",
          new Blob([new Uint8Array(bytes as number[])], { type: "image/png" }),
          "井盖.png",
        );
        const answer = await fetch("/open311/v2/requests.json", { method: "POST", body });
        return (await answer.json())[0].service_request_id as string;
      },
      [services.body[0].service_code, [...png]] as const,
    );
    await page.getByPlaceholder("输入投诉编号").first().fill(number);
    await page.getByRole("button", { name: "查询" }).first().click();
    await page.getByRole("heading", { name: `投诉 ${number} 的办理进度` }).waitFor(patience);
    await expect
      .poll(() => page.locator(".request-status").textContent(), patience)
      .toContain("已上报");
    await page.locator(".photo-compare img").first().waitFor(patience);
    const text = (await page.locator(".request-status").textContent()) ?? "";
    expect(text).not.toContain("13900001111");
    await page.screenshot({
      path: path.join(screenshots, "citizen-lookup-phone.png"),
      fullPage: true,
    });
    await page.goto(`${people.url()}/report/2147483647`);
    await expect
      .poll(() => page.locator(".request-status").textContent(), patience)
      .toContain("没有编号为 2147483647 的市民投诉");
  });

  it("has the reviewer preview a material before accepting it", async () => {
    const unit = await open({ width: 1280, height: 800 }, "unitadmin");
    const png = await photo(unit, "#2e86de", "material");
    const submitted = await unit.evaluate(
      async (bytes) => {
        const body = new FormData();
        const monday = new Date(Date.now() + 8 * 3_600_000);
        body.append("week", monday.toISOString().slice(0, 10));
        body.append("category", "photos");
        body.append("title", "门前三包照片（预览测试）");
        body.append(
          "file",
          new Blob([new Uint8Array(bytes)], { type: "image/png" }),
          "门前三包.png",
        );
        const answer = await fetch("/api/materials", { method: "POST", body });
        return { status: answer.status, body: await answer.json() };
      },
      [...png],
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    const page = await open({ width: 1280, height: 800 }, "coordinator");
    await page.goto(`${people.url()}/materials/board`);
    const cell = page.locator(".material-board button", { hasText: "· " }).last();
    await page.locator(".material-board").waitFor(patience);
    const row = page.locator(".material-board tr", {
      has: page.locator(`th:text-is("${submitted.body.unitName ?? ""}")`),
    });
    await (submitted.body.unitName ? row.locator("button").last() : cell).click();
    const accept = page.getByRole("button", { name: "通过" });
    await accept.waitFor(patience);
    expect(await accept.isDisabled()).toBe(true);
    await page.getByRole("button", { name: /预览 门前三包/ }).click();
    const preview = page.locator("img.material-preview");
    await preview.waitFor(patience);
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(160);
    await page.screenshot({ path: path.join(screenshots, "material-preview.png") });
    await page.getByRole("button", { name: "返回审核" }).click();
    await accept.waitFor(patience);
    expect(await accept.isDisabled()).toBe(false);
  });
});
