import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes.ts";

describe("formatBytes", () => {
  it("says bytes, kilobytes or megabytes", () => {
    expect(formatBytes(930)).toBe("930 B");
    expect(formatBytes(12_700)).toBe("12.4 KB");
    expect(formatBytes(3_250_586)).toBe("3.1 MB");
  });
});
