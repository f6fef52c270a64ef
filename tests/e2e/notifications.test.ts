// Notifications in the browser: the unit admin's bell counts up, without a reload, the moment the
// coordinator dispatches a problem to the unit; the list says what and when and opens the
// problem; the administrator's channel page shows a failing test's error; the coordinator sets
// the escalation (督办) steps with each bad field's message beside it, and an escalation shows in
// its problem's history. Desktop and phone.
import path from "node:path";
import { chinaDateTime } from "@civgrid/geo";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { desktop, peopleOnOneServer, phone, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();

describe.skipIf(skip)("notifications", () => {
  const people = peopleOnOneServer();
  const signedIn = people.signedIn;

  it("counts up the unit admin's bell when the coordinator dispatches, without a reload", async () => {
    const unit = await signedIn("unitadmin", desktop, "/inbox");
    const onPhone = await signedIn("unitadmin", phone, "/inbox");
    const office = await signedIn("coordinator", desktop, "/problems");
    const me = await (await unit.context.request.get(`${people.url()}/api/auth/me`)).json();
    const list = await (
      await office.context.request.get(
        `${people.url()}/api/problems?status=reported&unitId=${me.user.unitId}&limit=5`,
      )
    ).json();
    const problem = list.features[0];
    expect(problem).toBeDefined();
    const bell = unit.page.getByRole("button", { name: /消息通知/ });
    await bell.waitFor();
    const count = async () =>
      Number(
        (await unit.page
          .getByTestId("bell-count")
          .textContent({ timeout: 500 })
          .catch(() => "0")) || 0,
      );
    // The stream is open once the page says how many are unread.
    await expect.poll(() => bell.getAttribute("aria-label")).toMatch(/\d+ 条未读/);
    const before = await count();

    const dispatched = await office.context.request.post(
      `${people.url()}/api/problems/${problem.id}/transitions`,
      {
        data: { action: "dispatch", version: problem.properties.version },
        headers: { origin: people.url() },
      },
    );
    expect(dispatched.status()).toBe(200);
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
    await expect
      .poll(() => onPhone.page.getByTestId("bell-count").textContent(), { timeout: 10_000 })
      .toBe(String(before + 1));

    await bell.click();
    const item = unit.page.locator(".notification-panel li.unread").first();
    await expect.poll(() => item.textContent()).toContain("新问题交办");
    await expect.poll(() => item.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await unit.page.screenshot({ path: path.join(screenshots, "notifications-bell-desktop.png") });
    await onPhone.page.getByRole("button", { name: /消息通知/ }).click();
    await onPhone.page.locator(".notification-panel li").first().waitFor();
    await onPhone.page.screenshot({ path: path.join(screenshots, "notifications-bell-phone.png") });

    // Opening it goes to the problem and marks it read.
    await item.locator("a").click();
    await unit.page.waitForURL(`**/problems/${problem.id}`);
    await expect.poll(count).toBe(before);
    expect(unit.errors).toEqual([]);
    expect(onPhone.errors).toEqual([]);
  });

  it("shows the administrator a failing channel test's error and saves quiet hours for a person", async () => {
    const admin = await signedIn("admin", desktop, "/admin/notifications");
    const card = admin.page.locator(".channel-card").first();
    await card.getByLabel("Webhook 地址").fill("http://127.0.0.1:9/robot");
    await card.getByRole("button", { name: "发送测试消息" }).click();
    await expect
      .poll(() => card.locator(".error").textContent(), { timeout: 15_000 })
      .toContain("测试消息发送失败");
    await card.getByRole("checkbox", { name: "启用" }).check();
    await card.getByLabel("Webhook 地址").fill("ftp://example.org/robot");
    await card.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => card.locator(".field-error").textContent()).toContain("http");
    await admin.page.screenshot({
      path: path.join(screenshots, "notifications-channels.png"),
      fullPage: true,
    });

    const volunteer = await signedIn("unitadmin", phone, "/notifications");
    await volunteer.page.getByLabel("免打扰开始（北京时间）").fill("22:00");
    await volunteer.page.getByLabel("免打扰结束（北京时间）").fill("07:00");
    await volunteer.page.getByRole("button", { name: "保存" }).click();
    await volunteer.page.getByText("已保存").waitFor();
    await volunteer.page.screenshot({
      path: path.join(screenshots, "notifications-settings-phone.png"),
      fullPage: true,
    });
    const saved = await (
      await volunteer.context.request.get(`${people.url()}/api/notification-settings`)
    ).json();
    expect(saved).toMatchObject({ quietStart: "22:00", quietEnd: "07:00" });
  });

  it("lets the coordinator set the escalation steps field by field, and shows an escalation in its problem's history", async () => {
    const office = await signedIn("coordinator", desktop, "/problems");
    await office.page.getByRole("link", { name: "督办设置" }).click();
    await office.page.waitForURL("**/escalation");
    const days = office.page.getByLabel("超期满几个工作日");
    await expect.poll(() => days.count()).toBe(2);
    await days.nth(1).fill("1");
    await office.page.getByRole("button", { name: "保存" }).click();
    await expect
      .poll(() =>
        office.page.locator(".escalation-step").nth(1).locator(".field-error").textContent(),
      )
      .toBe("应多于上一级的 1 个工作日");
    await days.nth(1).fill("4");
    await office.page.getByRole("button", { name: "保存" }).click();
    await office.page.getByText("已保存").waitFor();
    await office.page.screenshot({
      path: path.join(screenshots, "escalation-steps.png"),
      fullPage: true,
    });
    const saved = await (
      await office.context.request.get(`${people.url()}/api/escalation-steps`)
    ).json();
    expect(saved.steps.map((s: { afterWorkingDays: number }) => s.afterWorkingDays)).toEqual([
      1, 4,
    ]);

    // The clock's first pass (a minute after start) escalates the demo city's late problems.
    const escalated = async () => {
      const levels = await (
        await office.context.request.get(`${people.url()}/api/escalation-steps/levels`)
      ).json();
      return levels.problems[0]?.problemId as number | undefined;
    };
    await expect.poll(escalated, { timeout: 120_000, interval: 2000 }).toBeDefined();
    const id = await escalated();
    await office.page.goto(`${people.url()}/problems/${id}`);
    const entry = office.page.locator(".timeline li.timeline-escalation").first();
    const detail = await (
      await office.context.request.get(`${people.url()}/api/problems/${id}`)
    ).json();
    const first = detail.properties.escalations[0];
    // In China time, as the rest of the history: YYYY/MM/DD HH:mm.
    const shown = chinaDateTime(first.at).replaceAll("-", "/");
    await expect
      .poll(() => entry.textContent())
      .toBe(
        `督办 ${first.level} 级${shown}超期 ${first.workingDaysOverdue} 个工作日，系统自动督办`,
      );
    // The one refusal was the bad step, answered 400 on purpose.
    expect(office.errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  }, 180_000);
});
