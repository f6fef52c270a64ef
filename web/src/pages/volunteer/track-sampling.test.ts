import { describe, expect, it } from "vitest";
import { batchDue, keepFix, metresBetween, toTrackPoint } from "./track-sampling.ts";

const at = (seconds: number) => new Date(Date.UTC(2024, 2, 15, 1, 0, seconds)).toISOString();
const fix = (lon: number, seconds: number, accuracyM = 8) => ({
  lon,
  lat: 35.08,
  accuracyM,
  at: at(seconds),
});

describe("sampling a patrol's track", () => {
  it("measures metres between nearby positions", () => {
    // 0.0001° of longitude at 35° N is about 9.1 m
    expect(metresBetween(fix(117.1, 0), fix(117.1001, 0))).toBeCloseTo(9.12, 1);
  });

  it("keeps the first good fix, then a step of 5 m or more, or one after 30 s standing still", () => {
    const last = toTrackPoint(fix(117.1, 0));
    expect(keepFix(fix(117.1, 0), undefined)).toBe(true);
    expect(keepFix(fix(117.10001, 5), last)).toBe(false);
    expect(keepFix(fix(117.1001, 5), last)).toBe(true);
    expect(keepFix(fix(117.1, 31), last)).toBe(true);
  });

  it("drops fixes too loose to draw a street with, and ones older than the last kept", () => {
    const last = toTrackPoint(fix(117.1, 10));
    expect(keepFix(fix(117.102, 20, 250), last)).toBe(false);
    expect(keepFix(fix(117.102, 5), last)).toBe(false);
  });

  it("sends ten waiting positions at once, or fewer after a minute", () => {
    const waiting = Array.from({ length: 9 }, (_, i) => toTrackPoint(fix(117.1 + i * 1e-4, i)));
    const start = Date.parse(at(0));
    expect(batchDue(waiting, start + 10_000)).toBe(false);
    expect(batchDue([...waiting, toTrackPoint(fix(117.2, 10))], start + 10_000)).toBe(true);
    expect(batchDue(waiting.slice(0, 2), start + 61_000)).toBe(true);
    expect(batchDue([], start + 61_000)).toBe(false);
  });
});
