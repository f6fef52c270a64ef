import { describe, expect, it } from "vitest";
import { formatProblem } from "./messages.ts";
import { COMMUNITY_SIZE_LIMITS } from "./size-limits.ts";
import { validateGridGeometry } from "./validate-grid.ts";

/** A lon/lat rectangle near Tengzhou, w × h metres. */
function rectangle(w: number, h: number) {
  const dLon = w / (111_320 * Math.cos((35 * Math.PI) / 180));
  const dLat = h / 110_574;
  const [x, y] = [117.15, 35.08];
  return {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x + dLon, y],
        [x + dLon, y + dLat],
        [x, y + dLat],
        [x, y],
      ],
    ],
  };
}

describe("size limits", () => {
  it("refuses a grid of 1 cm², saying its area and the minimum", () => {
    const verdict = validateGridGeometry(rectangle(0.1, 0.1));
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problems.map((p) => p.code)).toEqual(["too_small"]);
    expect(formatProblem(verdict.problems[0]!, "en")).toMatch(
      /0\.0 m², below the minimum of 100 m²/,
    );
    expect(formatProblem(verdict.problems[0]!, "zh-CN")).toContain("最小面积 100 平方米");
  });

  it("refuses a sliver 1 m wide and 500 m long, however large its area", () => {
    const verdict = validateGridGeometry(rectangle(500, 1));
    expect(verdict.ok ? [] : verdict.problems.map((p) => p.code)).toEqual(["too_narrow"]);
  });

  it("accepts a 20 m × 20 m grid, which is too small for a community", () => {
    expect(validateGridGeometry(rectangle(20, 20)).ok).toBe(true);
    const community = validateGridGeometry(rectangle(20, 20), COMMUNITY_SIZE_LIMITS);
    expect(community.ok ? [] : community.problems.map((p) => p.code)).toEqual(["too_small"]);
  });
});
