import { describe, expect, it } from "vitest";
import { mergeFixtures, splitFixtures } from "../test/restructure-fixtures.ts";
import { mergeGrids } from "./merge.ts";
import { splitGrid } from "./split.ts";

describe("the split and merge thresholds", () => {
  it.each(mergeFixtures)("merges grids with $name: $mayMerge", ({ a, b, mayMerge }) => {
    expect(mergeGrids(a, b).ok).toBe(mayMerge);
  });

  it.each(splitFixtures)(
    "cuts $name into $pieces pieces (0: refused)",
    ({ grid, line, pieces }) => {
      const result = splitGrid(grid, line);
      expect(result.ok ? result.pieces.length : 0).toBe(pieces);
    },
  );
});
