import { describe, expect, it } from "vitest";
import {
  colourByValue,
  leadUnitColourExpression,
  leadUnitColours,
  leadUnitPalette,
  noLeadUnitColour,
} from "./colours.ts";

describe("leadUnitColours", () => {
  it("colours only the hospitals that lead a grid, in the order of the unit list", () => {
    const units = [{ id: 7 }, { id: 3 }, { id: 9 }];
    expect(leadUnitColours(units, [3, 7, 3, null])).toEqual([
      { unitId: 7, colour: leadUnitPalette[0] },
      { unitId: 3, colour: leadUnitPalette[1] },
    ]);
  });

  it("repeats the palette when more hospitals lead than it has colours", () => {
    const units = Array.from({ length: leadUnitPalette.length + 1 }, (_, id) => ({ id }));
    const colours = leadUnitColours(
      units,
      units.map((unit) => unit.id),
    );
    expect(colours.at(-1)?.colour).toBe(leadUnitPalette[0]);
  });
});

describe("leadUnitColourExpression", () => {
  it("builds a match on the lead unit id with a fallback for unassigned grids", () => {
    const expression = leadUnitColourExpression(
      [
        { unitId: 7, colour: "#111111" },
        { unitId: 3, colour: "#222222" },
      ],
      "leadUnitId",
    );
    expect(expression).toEqual([
      "match",
      ["get", "leadUnitId"],
      7,
      "#111111",
      3,
      "#222222",
      noLeadUnitColour,
    ]);
  });

  it("falls back to a plain colour while no hospital leads a grid", () => {
    expect(leadUnitColourExpression([], "leadUnitId")).toBe(noLeadUnitColour);
  });
});

describe("colourByValue", () => {
  it("matches every status to its colour", () => {
    expect(colourByValue("status", { closed: "#2f9e44" })).toEqual([
      "match",
      ["get", "status"],
      "closed",
      "#2f9e44",
      "#868e96",
    ]);
  });
});
