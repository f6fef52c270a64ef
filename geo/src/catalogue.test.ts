import { describe, expect, it } from "vitest";
import {
  byLocale,
  type Catalogue,
  catalogueProblems,
  fillTemplate,
  flattenResources,
  placeholdersOf,
} from "./catalogue.ts";
import { gridMessages } from "./messages.ts";
import { notificationParamWords, notificationTexts } from "./notifications/kinds.ts";

describe("fillTemplate", () => {
  it("fills single-brace placeholders and leaves unknown ones as written", () => {
    expect(fillTemplate("第 {n} 个，共 {total} 个", { n: 2, total: 5 })).toBe("第 2 个，共 5 个");
    expect(fillTemplate("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });

  it("puts the given word where a value is missing or null", () => {
    expect(fillTemplate("{a}/{b}", { a: null }, "—")).toBe("—/—");
  });

  it("does not fill a value's own braces again", () => {
    expect(fillTemplate("{a} {b}", { a: "{b}", b: "y" })).toBe("{b} y");
  });
});

describe("placeholdersOf", () => {
  it("names each placeholder once, sorted", () => {
    expect(placeholdersOf("{b} {a} {b} {{c}}")).toEqual(["a", "b", "c"]);
  });
});

describe("catalogueProblems", () => {
  it("finds missing keys, empty texts, differing placeholders and double braces", () => {
    const problems = catalogueProblems({
      "zh-CN": { a: "{x}", b: "", c: "{{y}}", d: "只有中文" },
      en: { a: "{z}", b: "b", c: "{y}", e: "English only" },
    });
    expect(problems).toEqual([
      "zh-CN b: empty",
      "zh-CN c: double braces",
      "a: placeholders x in zh-CN, z in en",
      "en d: missing",
      "zh-CN e: missing",
    ]);
  });

  it("counts plural forms as one key, as Chinese has one form where English has two", () => {
    expect(
      catalogueProblems({
        "zh-CN": { n_other: "{count} 人" },
        en: { n_one: "one person", n_other: "{count} people" },
      }),
    ).toEqual([]);
  });

  it("flattens nested resources into dotted keys", () => {
    expect(flattenResources({ a: { b: "x", c: { d: "y" } } })).toEqual({
      "a.b": "x",
      "a.c.d": "y",
    });
  });
});

describe("geo's catalogues", () => {
  const catalogues: [string, Catalogue][] = [
    ["gridMessages", gridMessages],
    ["notificationTexts", notificationTexts],
    ...Object.entries(notificationParamWords),
  ];
  it.each(catalogues)("%s has both languages with the same placeholders", (_, catalogue) => {
    expect(catalogueProblems(byLocale(catalogue))).toEqual([]);
  });
});
