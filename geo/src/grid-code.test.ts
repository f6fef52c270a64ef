import { polygon } from "@turf/turf";
import { describe, expect, it } from "vitest";
import {
  GridCodeError,
  gridCode,
  orderWestToEastNorthToSouth,
  parseGridCode,
} from "./grid-code.ts";

/** A square grid of `size` degrees whose south-west corner is at (lon, lat). */
function square(name: string, lon: number, lat: number, size = 0.002) {
  return polygon(
    [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
    { name },
  );
}

describe("gridCode", () => {
  it("appends a zero-padded three-digit sequence to the community code", () => {
    expect(gridCode("370481002003", 1)).toBe("370481002003001");
    expect(gridCode("370481002003", 42)).toBe("370481002003042");
  });

  it("refuses a community code that is not 12 digits", () => {
    expect(() => gridCode("37048100200", 1)).toThrow(GridCodeError);
    expect(() => gridCode("37048100200a", 1)).toThrow(/12位数字/);
  });

  it("refuses a sequence outside 1–999", () => {
    for (const seq of [0, 1000, 1.5, -3]) {
      expect(() => gridCode("370481002003", seq)).toThrow(/1到999/);
    }
  });
});

describe("parseGridCode", () => {
  it("splits a code into district, street, community and sequence", () => {
    expect(parseGridCode("370481002003012")).toEqual({
      district: "370481",
      street: "002",
      community: "003",
      seq: 12,
    });
  });

  it("reads back what gridCode wrote", () => {
    const parsed = parseGridCode(gridCode("370481001005", 7));
    expect(parsed.district + parsed.street + parsed.community).toBe("370481001005");
    expect(parsed.seq).toBe(7);
  });

  it("throws a keyed error on a malformed code", () => {
    for (const bad of ["", "37048100200301", "3704810020030120", "37048100200301x"]) {
      expect(() => parseGridCode(bad)).toThrow(expect.objectContaining({ key: "gridCode.code" }));
    }
    expect(() => parseGridCode("370481002003000")).toThrow(/000/);
  });
});

describe("orderWestToEastNorthToSouth", () => {
  it("numbers grids west to east, then north to south", () => {
    // Two rows given in scrambled order: a, b, c in the north row, d, e in the south row.
    const grids = [
      square("e", 117.004, 35.0),
      square("b", 117.002, 35.002),
      square("d", 117.001, 35.0),
      square("c", 117.004, 35.002),
      square("a", 117.0, 35.002),
    ];
    const names = orderWestToEastNorthToSouth(grids).map((g) => g.properties.name);
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("keeps a grid in its row when the row is not perfectly level", () => {
    // The middle grid of the northern row sits 0.0006° lower, less than half a grid's height.
    const grids = [
      square("b", 117.002, 35.0014),
      square("a", 117.0, 35.002),
      square("c", 117.004, 35.002),
      square("d", 117.0, 35.0),
    ];
    const names = orderWestToEastNorthToSouth(grids).map((g) => g.properties.name);
    expect(names).toEqual(["a", "b", "c", "d"]);
  });

  it("returns an empty list for no grids", () => {
    expect(orderWestToEastNorthToSouth([])).toEqual([]);
  });
});
