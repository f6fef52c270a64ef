import { describe, expect, it } from "vitest";
import { nextRun } from "./run.ts";

describe("the daily backup's next run", () => {
  it("is today's HH:MM in China time when still ahead, else tomorrow's", () => {
    // 2026-12-04 16:00 UTC is 2026-12-05 00:00 in China: 02:30 China is 18:30 UTC the same day.
    expect(nextRun("02:30", new Date("2026-12-04T16:00:00Z")).toISOString()).toBe(
      "2026-12-04T18:30:00.000Z",
    );
    expect(nextRun("02:30", new Date("2026-12-04T18:30:00Z")).toISOString()).toBe(
      "2026-12-05T18:30:00.000Z",
    );
    // 23:59 China on 4 Dec = 15:59 UTC; a 00:10 slot is next at 16:10 UTC.
    expect(nextRun("00:10", new Date("2026-12-04T15:59:00Z")).toISOString()).toBe(
      "2026-12-04T16:10:00.000Z",
    );
  });
});
