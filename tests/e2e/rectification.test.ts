// The closed loop in the browser: a coordinator dispatches, a unit admin starts and submits with an
// after-photo from a phone, the coordinator (whose form was open meanwhile) sees before and after
// side by side and closes it out; a citizen reports without an account; an inspector records an
// inspection on a phone.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { photo } from "./photos.ts";
import { consoleErrors } from "./sign-in.ts";
import { desktop, peopleOnOneServer, phone, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();

describe.skipIf(skip)("the rectification closed loop", () => {
  const people = peopleOnOneServer();
  const signedIn = people.signedIn;

  it("walks a problem from dispatch to close-out, with photos before and after side by side", async () => {
    const unit = await signedIn("unitadmin", phone, "/inbox");
    const coordinator = await signedIn("coordinator", desktop, "/problems");

    // Set-up: the coordinator reports a problem with a photo at a place of the unit admin's unit,
    // as a volunteer's phone would (POST /api/files, then POST /api/problems).
    const unitId = await unit.page.evaluate(async () => {
      const me = await (await fetch("/api/auth/me")).json();
      return me.user.unitId as number;
    });
    const before = await photo(coordinator.page, "#c92a2a", "before");
    const reported = await coordinator.page.evaluate(
      async ([unitId, bytes]) => {
        const list = await (await fetch(`/api/problems?unitId=${unitId}&limit=1`)).json();
        const form = new FormData();
        form.set(
          "file",
          new Blob([new Uint8Array(bytes as number[])], { type: "image/png" }),
          "before.png",
        );
        const file = await (await fetch("/api/files", { method: "POST", body: form })).json();
        const answer = await fetch("/api/problems", {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": "e2e-loop-0001" },
          body: JSON.stringify({
            type: "Feature",
            geometry: list.features[0].geometry,
            properties: { description: "E2E 门诊楼前垃圾桶满溢", photoIds: [file.id] },
          }),
        });
        return { status: answer.status, problem: await answer.json() };
      },
      [unitId, [...before]] as const,
    );
    expect(reported.status).toBe(201);
    const id: number = reported.problem.id;
    expect(reported.problem.properties.unitId).toBe(unitId);

    // The board: 销号清零 figures, the overdue list, the list by urgency.
    await coordinator.page.reload();
    await coordinator.page.getByRole("heading", { name: "问题整改" }).waitFor();
    await coordinator.page.locator(".overdue-list li").first().waitFor();
    await coordinator.page.locator(".problem-table tbody tr").first().waitFor();
    await coordinator.page.screenshot({
      path: path.join(screenshots, "rectification-board-desktop.png"),
    });

    // Dispatch it from its page.
    await coordinator.page
      .getByLabel("整改状态", { exact: true })
      .selectOption({ label: "已上报" });
    await coordinator.page.getByRole("link", { name: "E2E 门诊楼前垃圾桶满溢" }).click();
    const heading = coordinator.page.locator(".page-head h2");
    await expect.poll(() => heading.textContent()).toContain("已上报");
    expect(new URL(coordinator.page.url()).pathname).toBe(`/problems/${id}`);
    await coordinator.page.getByRole("button", { name: "派发", exact: true }).click();
    const dispatchForm = coordinator.page.getByRole("dialog");
    await dispatchForm.getByLabel("说明").fill("请于期限内清理");
    await dispatchForm.getByRole("button", { name: "派发", exact: true }).click();
    await expect.poll(() => heading.textContent()).toContain("已派发");
    await coordinator.page.getByText("「派发」已完成。").waitFor();

    // The coordinator begins to put it on the ledger, and is still writing when the unit acts.
    await coordinator.page.getByRole("button", { name: "挂账", exact: true }).click();
    const ledgerForm = coordinator.page.getByRole("dialog");
    await ledgerForm.getByLabel("说明（必填）").fill("暂缓");

    // The unit admin, on a phone: start at once from the inbox, then submit with an after-photo.
    await unit.page.reload();
    const card = unit.page.locator(".inbox-card").filter({ hasText: "E2E 门诊楼前垃圾桶满溢" });
    await card.getByRole("button", { name: "开始整改" }).click();
    await expect.poll(() => card.locator(".status-badge").textContent()).toBe("整改中");
    await card.getByRole("button", { name: "提交整改" }).click();
    const submitForm = unit.page.getByRole("dialog");
    // Without a photo the API refuses, and says so beside the photos.
    await submitForm.getByLabel("说明（必填）").fill("已清运垃圾，增设一个垃圾桶");
    await submitForm.getByRole("button", { name: "提交整改" }).click();
    await submitForm.locator(".photo-upload .field-error").waitFor();
    await submitForm.locator('input[type="file"]').setInputFiles({
      name: "after.png",
      mimeType: "image/png",
      buffer: await photo(unit.page, "#2f9e44", "after"),
    });
    await submitForm.locator(".photo-thumbs img").waitFor();
    await unit.page.screenshot({ path: path.join(screenshots, "rectification-submit-phone.png") });
    await submitForm.getByRole("button", { name: "提交整改" }).click();
    await expect.poll(() => card.locator(".status-badge").textContent()).toBe("待核验");
    await card.scrollIntoViewIfNeeded();
    await unit.page.screenshot({ path: path.join(screenshots, "rectification-inbox-phone.png") });

    // The coordinator's form was opened on "dispatched": sending it answers 409, which is shown
    // and the problem read again (the page itself follows the problem live).
    await ledgerForm.getByRole("button", { name: "挂账", exact: true }).click();
    await coordinator.page
      .getByRole("alert")
      .filter({ hasText: "不能“挂账”。已自动刷新，请按最新状态办理。" })
      .waitFor();
    await expect.poll(() => heading.textContent()).toContain("待核验");

    // Before and after, side by side; a thumbnail opens the full photo.
    const compare = coordinator.page.locator(".photo-compare");
    await compare.getByRole("region", { name: "整改前" }).locator("img").waitFor();
    await compare.getByRole("region", { name: "整改后" }).locator("img").waitFor();
    await expect
      .poll(() =>
        compare
          .locator("img")
          .evaluateAll((images) =>
            images.every((image) => (image as HTMLImageElement).naturalWidth > 0),
          ),
      )
      .toBe(true);
    await coordinator.page.waitForFunction(() => window.__civgridMap?.loaded());
    await coordinator.page.screenshot({
      path: path.join(screenshots, "rectification-problem-desktop.png"),
      fullPage: true,
    });
    await compare.getByRole("region", { name: "整改后" }).getByRole("button").click();
    const full = coordinator.page.getByRole("dialog").locator(".photo-full img");
    await expect
      .poll(() => full.evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBe(160);
    await coordinator.page.keyboard.press("Escape");

    // Close it out.
    await coordinator.page.getByRole("button", { name: "销号", exact: true }).click();
    await coordinator.page
      .getByRole("dialog")
      .getByRole("button", { name: "销号", exact: true })
      .click();
    await expect.poll(() => heading.textContent()).toContain("已销号");
    const history = coordinator.page.locator(".timeline li strong");
    await expect
      .poll(() => history.allTextContents())
      .toEqual(["上报", "派发", "开始整改", "提交整改", "销号"]);

    // Only the expected 409 of the stale page and the refusal without a photo were errors.
    const expected = (text: string) => text.includes("409") || text.includes("400");
    expect(coordinator.errors.filter((text) => !expected(text))).toEqual([]);
    expect(unit.errors.filter((text) => !expected(text))).toEqual([]);
  });

  it("takes a citizen's report without an account and shows it to the coordinator as reported", async () => {
    const context = await people.newContext({ viewport: phone });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto(`${people.url()}/login`);
    await page.getByRole("link", { name: "市民随手拍 / 我要投诉" }).click();
    await page.getByRole("heading", { name: "我要投诉" }).waitFor();

    // No permission for the position: the page says what to do instead.
    await page.getByRole("button", { name: "定位到我" }).click();
    await page.getByRole("alert").filter({ hasText: "没有允许本网页获取位置" }).waitFor();

    // the map opens when asked (issue 22: the form first on a slow phone)
    await page.getByRole("button", { name: "在地图上选点" }).click();
    await page.waitForFunction(() => window.__civgridMap?.loaded());
    await page.locator(".place-map canvas").click({ position: { x: 130, y: 110 } });
    await page.getByText("已选位置").waitFor();
    await page.getByLabel("问题类型").selectOption({ index: 1 });
    await page.getByLabel("问题描述").fill("E2E 市民：医院东门外垃圾桶满溢");
    await page.getByLabel("称呼（可不填）").fill("张先生");
    await page.getByLabel("手机号（可不填）").fill("13800000000");
    // A photo: a PDF is refused in the browser, a PNG shown as a preview and sent as `media`.
    const photoInput = page.locator('.citizen-photo input[type="file"]');
    await photoInput.setInputFiles({
      name: "发票.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n"),
    });
    await page.getByRole("alert").filter({ hasText: "不是照片" }).waitFor();
    await photoInput.setInputFiles({
      name: "垃圾桶.png",
      mimeType: "image/png",
      buffer: await photo(page, "#e67700", "citizen"),
    });
    await page.locator(".citizen-photo img").waitFor();
    await page.screenshot({ path: path.join(screenshots, "report-phone.png"), fullPage: true });
    await page.getByRole("button", { name: "提交投诉" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, "report-photo-phone.png") });
    await page.getByRole("button", { name: "提交投诉" }).click();
    const number = await page.locator(".request-number strong").textContent();
    expect(number).toMatch(/^\d+$/);

    // The same problem reported again at the same place, without a photo.
    await page.getByRole("button", { name: "再报一个问题" }).click();
    await page.getByText("已选位置").waitFor();
    await page.getByLabel("问题类型").selectOption({ index: 1 });
    await page.getByLabel("问题描述").fill("E2E 市民：东门外垃圾桶又满了");
    await page.getByRole("button", { name: "提交投诉" }).click();
    const again = await page.locator(".request-number strong").textContent();
    expect(again).toMatch(/^\d+$/);
    expect(again).not.toBe(number);
    await page.getByRole("link", { name: "查询办理进度" }).click();
    // its status in the office's words, and the step it took
    await page.getByRole("status").filter({ hasText: "已上报" }).waitFor();
    await page.getByRole("list", { name: "办理过程" }).getByText("上报").waitFor();
    await page.screenshot({ path: path.join(screenshots, "report-status-phone.png") });
    expect(errors).toEqual([]);

    const coordinator = await signedIn(
      "coordinator",
      desktop,
      "/problems?source=citizen&sort=newest",
    );
    const row = coordinator.page
      .locator(".problem-table tbody tr")
      .filter({ hasText: "E2E 市民：医院东门外垃圾桶满溢" });
    await expect.poll(() => row.locator(".status-badge").textContent()).toBe("已上报");
    expect(await row.locator("td").first().textContent()).toBe(number);

    // Its page: the citizen's photo, and the second report as a possible duplicate.
    await row.getByRole("link", { name: "E2E 市民：医院东门外垃圾桶满溢" }).click();
    await coordinator.page.locator(".photo-compare img").waitFor();
    const duplicates = coordinator.page.getByRole("region", { name: "可能重复的问题" });
    await duplicates
      .getByRole("link", { name: `#${again} E2E 市民：东门外垃圾桶又满了` })
      .waitFor();
    expect(await duplicates.textContent()).toContain("相距 0 米");
    await coordinator.page.screenshot({
      path: path.join(screenshots, "problem-duplicates-desktop.png"),
    });
  });

  it("lets an inspector record an inspection on a phone, failed items becoming problems", async () => {
    const { page, errors } = await signedIn("inspector", phone, "/inspect");
    await page.getByRole("heading", { name: "检查", exact: true }).waitFor();
    await page.getByText("暗访", { exact: true }).click();
    await page.getByPlaceholder("搜索点位名称或网格编码").fill("候诊");
    await page.locator(".point-matches button").first().click();
    const first = page.locator(".item-result").first();
    await first.getByRole("button", { name: "不合格" }).click();
    await first.getByLabel("发现的问题").fill("地面有积水");
    await first.getByLabel("扣分").fill("1.5");
    await page.getByRole("button", { name: "其余全部合格" }).click();
    await page.getByText("不合格 1 项，扣 1.5 分").waitFor();
    await page.screenshot({ path: path.join(screenshots, "inspect-phone.png") });

    await page.getByRole("button", { name: "提交检查" }).click();
    await page.getByText("生成 1 个问题").waitFor();
    await page.screenshot({ path: path.join(screenshots, "inspect-result-phone.png") });
    await page.locator(".created-problems a").click();
    await expect
      .poll(() => page.locator(".description").first().textContent())
      .toContain("地面有积水");
    expect(errors).toEqual([]);
  });
});
