import { describe, expect, it } from "vitest";
import {
  chinaClockInUtcMs,
  chinaDate,
  chinaDateTime,
  chinaMinuteOfDay,
  chinaWallClock,
  chinaWeekday,
  insideChina,
  parseChinaTime,
  startOfDayInChina,
} from "./china.ts";

describe("insideChina", () => {
  it.each([
    ["Tengzhou", [117.165, 35.084]],
    ["Urumqi", [87.62, 43.83]],
    ["Sanya", [109.51, 18.25]],
    ["Harbin", [126.63, 45.75]],
  ])("accepts %s", (_, at) => expect(insideChina(at as number[])).toBe(true));

  it.each([
    ["null island", [0, 0]],
    ["London", [-0.12, 51.5]],
    ["swapped lon/lat of Tengzhou", [35.084, 117.165]],
    ["Singapore", [103.82, 1.35]],
  ])("refuses %s", (_, at) => expect(insideChina(at as number[])).toBe(false));
});

describe("China time", () => {
  it("writes an instant as the wall clock in China, whatever the zone it came in", () => {
    expect(chinaDateTime("2026-12-03T02:15:30Z")).toBe("2026-12-03 10:15");
    expect(chinaDateTime(new Date("2026-12-03T10:15:00+08:00"))).toBe("2026-12-03 10:15");
  });
  it("turns the date at China's midnight, not UTC's", () => {
    expect(chinaDate("2026-12-31T15:59:59Z")).toBe("2026-12-31");
    expect(chinaDate("2026-12-31T16:00:00Z")).toBe("2027-01-01");
  });
  it("starts the day and counts the week at China's midnight", () => {
    // 2026-12-31 23:59 in China is a Thursday; a minute later it is Friday 2027-01-01.
    expect(startOfDayInChina("2026-12-31T15:59:59Z").toISOString()).toBe(
      "2026-12-30T16:00:00.000Z",
    );
    expect(startOfDayInChina("2026-12-31T16:00:00Z").toISOString()).toBe(
      "2026-12-31T16:00:00.000Z",
    );
    expect(chinaWeekday("2026-12-31T15:59:59Z")).toBe(3);
    expect(chinaWeekday("2026-12-31T16:00:00Z")).toBe(4);
    expect(chinaWeekday("2027-01-03T16:00:00Z")).toBe(0);
    expect(chinaMinuteOfDay("2026-12-31T15:59:59Z")).toBe(23 * 60 + 59);
    expect(chinaMinuteOfDay("2026-12-31T16:00:00Z")).toBe(0);
    expect(chinaMinuteOfDay("2026-12-03T02:15:30Z")).toBe(10 * 60 + 15);
  });
  it("places China's clock on the UTC day, and writes the wall clock", () => {
    expect(chinaClockInUtcMs("02:30")).toBe((18 * 60 + 30) * 60_000);
    expect(chinaClockInUtcMs("08:00")).toBe(0);
    expect(chinaClockInUtcMs("23:59")).toBe((15 * 60 + 59) * 60_000);
    expect(chinaWallClock("2026-12-31T16:00:00Z")).toBe("2027-01-01T00:00:00.000");
  });
  it("reads back what it writes, and keeps a zone that is given", () => {
    expect(parseChinaTime("2026-12-03 10:15")?.toISOString()).toBe("2026-12-03T02:15:00.000Z");
    expect(parseChinaTime(chinaDateTime("2026-12-03T02:15:00Z"))?.toISOString()).toBe(
      "2026-12-03T02:15:00.000Z",
    );
    expect(parseChinaTime("2026-03-01T09:30:00Z")?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(parseChinaTime("2026-03-01")?.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(parseChinaTime("yesterday")).toBeNull();
  });
});
