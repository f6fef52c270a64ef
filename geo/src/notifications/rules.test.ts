import { describe, expect, it } from "vitest";
import { notificationKinds, notificationText, notificationTexts, retryDelayMs } from "./kinds.ts";
import { quietUntil } from "./quiet-hours.ts";
import { dueWithinOneWorkingDay, nextWorkingDay, workingDaysOverdue } from "./working-days.ts";

const china = (local: string) => new Date(`${local}+08:00`);

describe("quiet hours", () => {
  it("holds a message sent at 23:10 China time until 07:00 the next morning", () => {
    expect(quietUntil(china("2026-12-03T23:10:00"), "22:00", "07:00")?.toISOString()).toBe(
      china("2026-12-04T07:00:00").toISOString(),
    );
  });
  it("holds one sent at 06:59 until 07:00, and lets 07:00 and midday through", () => {
    expect(quietUntil(china("2026-12-04T06:59:30"), "22:00", "07:00")?.toISOString()).toBe(
      china("2026-12-04T07:00:00").toISOString(),
    );
    expect(quietUntil(china("2026-12-04T07:00:00"), "22:00", "07:00")).toBeNull();
    expect(quietUntil(china("2026-12-04T12:00:00"), "22:00", "07:00")).toBeNull();
  });
  it("works for hours within one day and ignores unset or malformed ones", () => {
    expect(quietUntil(china("2026-12-04T12:30:00"), "12:00", "14:00")?.toISOString()).toBe(
      china("2026-12-04T14:00:00").toISOString(),
    );
    expect(quietUntil(china("2026-12-04T12:30:00"), null, "14:00")).toBeNull();
    expect(quietUntil(china("2026-12-04T12:30:00"), "25:00", "14:00")).toBeNull();
  });
});

describe("working days", () => {
  it("counts a Friday deadline as 1 working day overdue on Monday, not 3", () => {
    // 2026-12-04 is a Friday.
    expect(workingDaysOverdue(china("2026-12-04T18:00:00"), china("2026-12-07T09:00:00"))).toBe(1);
    expect(workingDaysOverdue(china("2026-12-04T18:00:00"), china("2026-12-05T09:00:00"))).toBe(0);
    expect(workingDaysOverdue(china("2026-12-04T18:00:00"), china("2026-12-09T09:00:00"))).toBe(3);
    expect(workingDaysOverdue(china("2026-12-04T18:00:00"), china("2026-12-04T17:00:00"))).toBe(0);
  });
  it("knows Monday follows Friday and a Friday deadline is due soon on Thursday", () => {
    expect(nextWorkingDay("2026-12-04")).toBe("2026-12-07");
    expect(dueWithinOneWorkingDay(china("2026-12-04T18:00:00"), china("2026-12-03T10:00:00"))).toBe(
      true,
    );
    expect(dueWithinOneWorkingDay(china("2026-12-07T18:00:00"), china("2026-12-04T10:00:00"))).toBe(
      true,
    );
    expect(dueWithinOneWorkingDay(china("2026-12-08T18:00:00"), china("2026-12-04T10:00:00"))).toBe(
      false,
    );
  });
});

describe("wording and retries", () => {
  it("has every kind in both languages and fills the placeholders", () => {
    for (const kind of notificationKinds) {
      expect(notificationTexts[kind]["zh-CN"]).toBeTruthy();
      expect(notificationTexts[kind].en).toBeTruthy();
    }
    expect(notificationText("task_reminded", { title: "清理楼道", deadline: "12月5日" })).toBe(
      "催办：任务「清理楼道」尚未完成，截止 12月5日",
    );
  });
  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
