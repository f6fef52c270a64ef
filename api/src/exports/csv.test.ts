import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("starts with a BOM and quotes cells with commas, quotes and line breaks", () => {
    expect(toCsv(["名称", "备注"], [["a,b", 'say "hi"\nbye']])).toBe(
      '\uFEFF名称,备注\r\n"a,b","say ""hi""\nbye"\r\n',
    );
  });

  it("defuses cells that Excel would run as formulas, but not negative numbers", () => {
    expect(toCsv(["x", "y"], [["=HYPERLINK(1)", -3]])).toBe("\uFEFFx,y\r\n'=HYPERLINK(1),-3\r\n");
  });
});
