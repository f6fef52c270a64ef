import { describe, expect, it } from "vitest";
import { isMainlandMobile, maskMobile } from "./mobile-number.ts";

describe("isMainlandMobile", () => {
  it.each(["13812345678", "19912345678", "15000000000"])("accepts %s", (n) =>
    expect(isMainlandMobile(n)).toBe(true),
  );
  it.each(["12812345678", "1381234567", "138123456789", "+8613812345678", "138 1234 5678", ""])(
    "refuses %s",
    (n) => expect(isMainlandMobile(n)).toBe(false),
  );
});

describe("maskMobile", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["138****5678", "138****5678"],
    ["0632-5512345", "063*****2345"],
    ["1234567", "*******"],
    ["", ""],
  ])("shows %s as %s", (phone, shown) => expect(maskMobile(phone)).toBe(shown));
});
