// Dispatch in the browser: a problem waits on the board as 待派发 (never overdue); the coordinator
// dispatches it to a unit other than the routed one, by a day they choose, seeing the deadline in
// China time with its working days; that unit's admin finds it in their inbox with that deadline.
import path from "node:path";
import { addWorkingDays, todayInChina } from "@civgrid/geo";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { desktop, peopleOnOneServer, phone, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();

describe.skipIf(skip)("dispatch with a chosen unit and deadline", () => {
  const people = peopleOnOneServer();
  const signedIn = people.signedIn;

  it("dispatches to the chosen unit by the chosen day, and that unit's admin sees it", async () => {
    const unit = await signedIn("unitadmin", phone, "/inbox");
    const coordinator = await signedIn("coordinator", desktop, "/problems");
    const unitId = await unit.page.evaluate(async () => {
      const me = await (await fetch("/api/auth/me")).json();
      return me.user.unitId as number;
    });
    // Reported at a place another unit is routed for.
    const reported = await coordinator.page.evaluate(async (unitId) => {
      const list = await (await fetch("/api/problems?limit=100")).json();
      const elsewhere = list.features.find(
        (f: { properties: { unitId: number | null } }) =>
          f.properties.unitId !== null && f.properties.unitId !== unitId,
      );
      const answer = await fetch("/api/problems", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          type: "Feature",
          geometry: elsewhere.geometry,
          properties: { description: "E2E 派发 楼道堆放杂物", severity: "minor" },
        }),
      });
      return answer.json();
    }, unitId);
    expect(reported.properties.unitId).not.toBe(unitId);
    expect(reported.properties.deadline).toBeNull();

    // On the board it waits for dispatch, with how long — not among the overdue.
    await coordinator.page.reload();
    const awaiting = coordinator.page.locator(".awaiting-list");
    await awaiting.getByRole("heading", { name: "待派发" }).waitFor();
    const overdue = coordinator.page.locator(".overdue-list:not(.awaiting-list)");
    await overdue.getByRole("heading", { name: "超期问题" }).waitFor();
    expect(await overdue.getByText("E2E 派发 楼道堆放杂物").count()).toBe(0);
    await coordinator.page.goto(`${people.url()}/problems/${reported.id}`);
    await coordinator.page.getByText(/待派发 · 已等 \d+ 小时/).waitFor();

    // The dispatch dialog: the routed unit first, the severity's deadline in working days.
    await coordinator.page.getByRole("button", { name: "派发", exact: true }).click();
    const dialog = coordinator.page.getByRole("dialog");
    const unitSelect = dialog.getByLabel("责任单位");
    await expect.poll(() => unitSelect.inputValue()).toBe(String(reported.properties.unitId));
    const deadline = dialog.getByLabel("整改期限");
    const minor = addWorkingDays(todayInChina(), 5).date;
    expect(await deadline.inputValue()).toBe(minor);
    await dialog.getByText("5 个工作日").first().waitFor();
    const chosen = addWorkingDays(todayInChina(), 4).date;
    await unitSelect.selectOption(String(unitId));
    await deadline.fill(chosen);
    const shown = `${chosen.replaceAll("-", "/")} 23:59`;
    await dialog.getByText(`截止 ${shown}（北京时间），4 个工作日`).waitFor();
    await coordinator.page.screenshot({
      path: path.join(screenshots, "dispatch-dialog-desktop.png"),
    });
    await dialog.getByRole("button", { name: "派发", exact: true }).click();
    const heading = coordinator.page.locator(".page-head h2");
    await expect.poll(() => heading.textContent()).toContain("已派发");
    await dialog.waitFor({ state: "detached" });
    await coordinator.page.locator(".timeline-terms").getByText(`期限 ${shown}`).waitFor();

    // The chosen unit's admin, on a phone: the problem is in the inbox with that deadline.
    await unit.page.reload();
    const card = unit.page.locator(".inbox-card").filter({ hasText: "E2E 派发 楼道堆放杂物" });
    await card.waitFor();
    expect(await card.textContent()).toContain(shown);
    await card.scrollIntoViewIfNeeded();
    await unit.page.screenshot({ path: path.join(screenshots, "dispatch-inbox-phone.png") });
    expect(coordinator.errors).toEqual([]);
    expect(unit.errors).toEqual([]);
  });
});
