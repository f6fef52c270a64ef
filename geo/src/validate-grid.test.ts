import { describe, expect, it } from "vitest";
import { validateGridGeometry } from "./validate-grid.ts";

const square = [
  [117.16, 35.08],
  [117.17, 35.08],
  [117.17, 35.09],
  [117.16, 35.09],
  [117.16, 35.08],
];

const codesOf = (input: unknown) => {
  const verdict = validateGridGeometry(input);
  return verdict.ok ? [] : verdict.problems.map((p) => p.code);
};

describe("validateGridGeometry", () => {
  it("accepts a Polygon and returns it as a MultiPolygon", () => {
    expect(validateGridGeometry({ type: "Polygon", coordinates: [square] })).toEqual({
      ok: true,
      geometry: { type: "MultiPolygon", coordinates: [[square]] },
    });
  });

  it("accepts a Feature holding a MultiPolygon", () => {
    const verdict = validateGridGeometry({
      type: "Feature",
      properties: {},
      geometry: { type: "MultiPolygon", coordinates: [[square]] },
    });
    expect(verdict.ok).toBe(true);
  });

  it.each([
    ["a Point", { type: "Point", coordinates: [117, 35] }, "unsupported_type"],
    ["a GeometryCollection", { type: "GeometryCollection", geometries: [] }, "unsupported_type"],
    ["nothing", null, "not_geometry"],
    ["a string", "POLYGON((0 0,1 0,1 1,0 0))", "not_geometry"],
    ["an unclosed ring", { type: "Polygon", coordinates: [square.slice(0, 4)] }, "ring_not_closed"],
    [
      "a ring of 3 positions",
      { type: "Polygon", coordinates: [[square[0], square[1], square[0]]] },
      "too_few_positions",
    ],
    [
      "a string coordinate",
      { type: "Polygon", coordinates: [[square[0], ["117.17", 35.08], square[2], square[0]]] },
      "not_a_number",
    ],
    [
      "a null coordinate",
      { type: "Polygon", coordinates: [[square[0], [null, 35.08], square[2], square[0]]] },
      "not_a_number",
    ],
    [
      "a 3-D position",
      { type: "Polygon", coordinates: [square.map(([x, y]) => [x, y, 12.5])] },
      "three_dimensional",
    ],
    [
      "a latitude of 95",
      {
        type: "Polygon",
        coordinates: [
          [
            [117, 95],
            [118, 35],
            [118, 36],
            [117, 95],
          ],
        ],
      },
      "out_of_range",
    ],
    [
      "a longitude of 181",
      {
        type: "Polygon",
        coordinates: [
          [
            [181, 35],
            [118, 35],
            [118, 36],
            [181, 35],
          ],
        ],
      },
      "out_of_range",
    ],
  ])("refuses %s", (_what, input, code) => {
    expect(codesOf(input)).toContain(code);
  });

  it("refuses more than 10,000 vertices", () => {
    const ring = Array.from({ length: 10_001 }, (_, i) => {
      const t = (2 * Math.PI * i) / 10_001;
      return [117 + 0.01 * Math.cos(t), 35 + 0.01 * Math.sin(t)];
    });
    ring.push(ring[0] as number[]);
    expect(codesOf({ type: "Polygon", coordinates: [ring] })).toEqual(["too_many_vertices"]);
  });

  it("finds a self-intersection and says where it is", () => {
    const bowTie = [
      [117.1, 35.1],
      [117.2, 35.2],
      [117.2, 35.1],
      [117.1, 35.2],
      [117.1, 35.1],
    ];
    const verdict = validateGridGeometry({ type: "Polygon", coordinates: [bowTie] });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problems[0]?.code).toBe("self_intersection");
    expect(verdict.problems[0]?.at?.[0]).toBeCloseTo(117.15, 6);
    expect(verdict.problems[0]?.at?.[1]).toBeCloseTo(35.15, 6);
    expect(verdict.problems[0]?.params).toMatchObject({ lon: "117.150000", lat: "35.150000" });
  });

  it("refuses a hole outside its shell", () => {
    const hole = [
      [117.2, 35.2],
      [117.21, 35.2],
      [117.21, 35.21],
      [117.2, 35.2],
    ];
    expect(codesOf({ type: "Polygon", coordinates: [square, hole] })).toEqual(["hole_outside"]);
  });
});
