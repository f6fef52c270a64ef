import { describe, expect, it } from "vitest";
import { formatArea, formatDateTime, formatPoints, joinSentences } from "./format.ts";

describe("formatArea", () => {
  it("shows a grid's area as whole square metres with thousands separators", () => {
    expect(formatArea(123456.4, "zh-CN")).toBe("123,456");
    expect(formatArea(123456.6, "en")).toBe("123,457");
  });
});

describe("formatPoints", () => {
  it("keeps half points lost and drops needless decimals", () => {
    expect(formatPoints(0.5, "zh-CN")).toBe("0.5");
    expect(formatPoints(2, "en")).toBe("2");
  });
});

describe("formatDateTime", () => {
  it("shows a deadline in the city's time zone, not the browser's", () => {
    expect(formatDateTime("2024-05-03T06:05:00Z", "zh-CN")).toBe("2024/05/03 14:05");
    expect(formatDateTime("2024-05-03T06:05:00Z", "en")).toBe("05/03/2024, 14:05");
  });

  it("writes what Intl.DateTimeFormat writes in Shanghai's zone, across the city's midnight and a year's end", () => {
    const intl = (language: string) =>
      new Intl.DateTimeFormat(language, {
        timeZone: "Asia/Shanghai",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    for (const iso of [
      "2024-05-03T15:59:00Z",
      "2024-05-03T16:00:00Z",
      "2023-12-31T16:30:00.000Z",
      "2024-02-28T23:45:00+08:00",
      "2026-12-04T21:41:07.123Z",
    ])
      for (const language of ["zh-CN", "en"])
        expect(formatDateTime(iso, language)).toBe(intl(language).format(new Date(iso)));
  });
});

describe("joinSentences", () => {
  it("ends each bare sentence with the language's full stop", () => {
    expect(joinSentences("zh-CN", "不能“挂账”", "已自动刷新，请按最新状态办理。")).toBe(
      "不能“挂账”。已自动刷新，请按最新状态办理。",
    );
    expect(joinSentences("en", "Cannot ledger", "The page has been refreshed.")).toBe(
      "Cannot ledger. The page has been refreshed.",
    );
    expect(joinSentences("zh-CN", "已派发", "")).toBe("已派发。");
  });
});
