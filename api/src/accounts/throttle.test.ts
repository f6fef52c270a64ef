import { describe, expect, it } from "vitest";
import { Throttle } from "./throttle.ts";

describe("Throttle", () => {
  it("lets the limit through, then says how many seconds to wait, then lets again", () => {
    let now = 0;
    const throttle = new Throttle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter("k")).toBe(0);
      throttle.hit("k");
      now += 1000;
    }
    expect(throttle.retryAfter("k")).toBe(57);
    expect(throttle.retryAfter("other")).toBe(0);
    now = 60_001;
    expect(throttle.retryAfter("k")).toBe(0);
  });

  it("forgets a key on reset", () => {
    const throttle = new Throttle(1, 60_000);
    throttle.hit("k");
    expect(throttle.retryAfter("k")).toBeGreaterThan(0);
    throttle.reset("k");
    expect(throttle.retryAfter("k")).toBe(0);
  });
});
