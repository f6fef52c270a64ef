import { describe, expect, it } from "vitest";
import { insideChina } from "./china.ts";

describe("insideChina", () => {
  it.each([
    ["Tengzhou", [117.165, 35.084]],
    ["Urumqi", [87.62, 43.83]],
    ["Sanya", [109.51, 18.25]],
    ["Harbin", [126.63, 45.75]],
  ])("accepts %s", (_, at) => expect(insideChina(at as number[])).toBe(true));

  it.each([
    ["null island", [0, 0]],
    ["London", [-0.12, 51.5]],
    ["swapped lon/lat of Tengzhou", [35.084, 117.165]],
    ["Singapore", [103.82, 1.35]],
  ])("refuses %s", (_, at) => expect(insideChina(at as number[])).toBe(false));
});
