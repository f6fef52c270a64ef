import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isWorkingDay,
  officialCalendarFor,
  workingDayDeadline,
  workingDaysBetween,
} from "./working-days.ts";

describe("working days on the official calendar", () => {
  it("skips National Day 2026 and counts its 调休 Saturday", () => {
    const count = addWorkingDays("2026-09-30", 3);
    expect(count.date).toBe("2026-10-10"); // Thu 8, Fri 9, Sat 10 (worked in exchange)
    expect(count.skipped).toEqual([
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ]);
    expect(count.official).toBe(true);
  });

  it("skips the Spring Festival 2026 week and works its Saturday before", () => {
    expect(isWorkingDay("2026-02-14")).toBe(true); // a Saturday worked in exchange
    expect(isWorkingDay("2026-02-17")).toBe(false); // 春节, a Tuesday
    expect(addWorkingDays("2026-02-13", 1).date).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-14", 1).date).toBe("2026-02-24");
  });

  it("counts plain weeks Monday to Friday", () => {
    expect(addWorkingDays("2026-12-04", 1).date).toBe("2026-12-07"); // Friday → Monday
    expect(addWorkingDays("2026-12-07", 5).date).toBe("2026-12-14");
    expect(addWorkingDays("2026-12-07", 0).date).toBe("2026-12-07");
  });

  it("counts back what it counted forward", () => {
    for (const [from, days] of [
      ["2026-09-30", 3],
      ["2026-02-10", 7],
      ["2026-04-30", 4],
    ] as const) {
      expect(workingDaysBetween(from, addWorkingDays(from, days).date)).toBe(days);
    }
  });

  it("says when a year's official schedule is not known", () => {
    expect(officialCalendarFor("2026-06-01")).toBe(true);
    expect(officialCalendarFor("2099-06-01")).toBe(false);
    expect(addWorkingDays("2099-12-30", 3).official).toBe(false);
  });

  it("puts a deadline at the end of the working day in China", () => {
    // 16:30 on Wednesday 30 September 2026 in China
    const deadline = workingDayDeadline(new Date("2026-09-30T08:30:00Z"), 1);
    expect(deadline.toISOString()).toBe("2026-10-08T15:59:59.000Z");
  });

  it("refuses counts that are not whole days within a year", () => {
    expect(() => addWorkingDays("2026-01-05", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-01-05", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-01-05", 251)).toThrow(RangeError);
  });
});
