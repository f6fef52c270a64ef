import { describe, expect, it } from "vitest";
import { metresPerPixel, scaleBar, scaleDenominator } from "./scale-bar.ts";

describe("the printed scale", () => {
  it("is maplibre's ground resolution: about 1.19 m a pixel at the equator at zoom 16", () => {
    expect(metresPerPixel(0, 16)).toBeCloseTo(1.194, 3);
    expect(metresPerPixel(0, 15)).toBeCloseTo(2.389, 3);
  });

  it("shrinks with the cosine of the latitude (Tengzhou, 35.1°N)", () => {
    expect(metresPerPixel(35.1, 16) / metresPerPixel(0, 16)).toBeCloseTo(Math.cos(0.6126), 4);
  });

  it("prints as 1:N on A4: 2400 px across 297 mm at 0.5 m a pixel is about 1:4,000", () => {
    expect(scaleDenominator(0.5, 2400)).toBe(4000);
    expect(scaleDenominator(1.2345, 2400)).toBe(10000);
  });

  it("draws a round length no longer than asked, as long as the ground it covers", () => {
    expect(scaleBar(0.8, 300)).toEqual({ metres: 200, px: 250 });
    expect(scaleBar(3, 300)).toEqual({ metres: 500, px: 500 / 3 });
    expect(scaleBar(0.05, 300)).toEqual({ metres: 10, px: 200 });
  });
});
