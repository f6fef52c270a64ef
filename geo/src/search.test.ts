import { describe, expect, it } from "vitest";
import { numberIn } from "./search.ts";

describe("numberIn", () => {
  it("reads a number as the pages write it, with or without #", () => {
    expect(numberIn("123")).toBe(123);
    expect(numberIn("#123")).toBe(123);
    expect(numberIn(" # 7 ")).toBe(7);
  });

  it("is null for text, zero, leading zeros and numbers no id can have", () => {
    for (const text of ["", "#", "abc", "12a", "0", "#0", "0123", "2147483648", "-1", "1.5"])
      expect(numberIn(text), text).toBeNull();
    expect(numberIn("2147483647")).toBe(2147483647);
  });
});
