import { describe, expect, it } from "vitest";
import { dailyOffsetMs } from "./run.ts";

describe("the daily backup's slot", () => {
  it("starts at HH:MM China time: its offset from UTC midnight", () => {
    // 02:30 China is 18:30 UTC the day before.
    expect(dailyOffsetMs("02:30")).toBe((18 * 60 + 30) * 60_000);
    // 08:00 China is UTC midnight; 00:10 China is 16:10 UTC.
    expect(dailyOffsetMs("08:00")).toBe(0);
    expect(dailyOffsetMs("00:10")).toBe((16 * 60 + 10) * 60_000);
    // The slot containing 2026-12-04 18:30 UTC begins exactly then.
    const at = Date.parse("2026-12-04T18:30:00Z") - dailyOffsetMs("02:30");
    expect(at % 86_400_000).toBe(0);
  });
});
