import { describe, expect, it } from "vitest";
import { formatArea, formatProblem, gridMessages } from "./messages.ts";
import { gridProblem } from "./problem.ts";

describe("gridMessages", () => {
  it("has Chinese and English wording for every key, with the same placeholders", () => {
    for (const [key, { "zh-CN": zh, en }] of Object.entries(gridMessages)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(zh.length, key).toBeGreaterThan(0);
      expect(names(zh), key).toEqual(names(en));
    }
  });
});

describe("formatProblem", () => {
  it("says where a polygon crosses itself", () => {
    const problem = gridProblem("grid.selfIntersection", { at: [117.1612, 35.0821] });
    expect(formatProblem(problem)).toBe("多边形自相交（位置：117.161200, 35.082100）");
    expect(formatProblem(problem, "en")).toBe(
      "The polygon crosses itself at 117.161200, 35.082100",
    );
  });

  it("gives areas in square metres with thousands separators", () => {
    const problem = gridProblem("grid.outsideCommunity", { area: 1234.4 });
    expect(formatProblem(problem)).toBe("网格超出社区边界 1,234 m²");
  });

  it("names the sibling a grid overlaps", () => {
    const problem = gridProblem("grid.overlapsSibling", {
      params: { sibling: "370481002003004" },
      area: 56.2,
    });
    expect(formatProblem(problem)).toBe("与网格 370481002003004 重叠 56 m²");
  });

  it("prefixes the feature number, counted from 1, for problems found in a file", () => {
    const problem = gridProblem("grid.unsupportedType", {
      params: { type: "Point", featureIndex: 2 },
    });
    expect(formatProblem(problem)).toBe(
      "第 3 个要素：网格必须是面（Polygon 或 MultiPolygon），收到的是 Point",
    );
    expect(formatProblem(problem, "en")).toMatch(/^Feature 3: /);
  });

  it("keeps a decimal for slivers, so they do not read as 0 m²", () => {
    expect(formatArea(0.42)).toBe("0.4 m²");
    expect(formatArea(98765.4)).toBe("98,765 m²");
  });
});

describe("formatProblem with a caller's own messages", () => {
  it("words keys the caller added, and falls back to the key", () => {
    const problem = { code: "callers_own", key: "grid.callersOwn", params: { other: 4 } };
    const messages = {
      ...gridMessages,
      "grid.callersOwn": { "zh-CN": "与第 {other} 个要素重叠", en: "Overlaps feature {other}" },
    };
    expect(formatProblem(problem, "zh-CN", messages)).toBe("与第 4 个要素重叠");
    expect(formatProblem(problem)).toBe("grid.callersOwn");
  });
});
