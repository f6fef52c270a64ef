import { describe, expect, it } from "vitest";
import { isCitizenPath, requestIdOf } from "./citizen-paths.ts";

describe("the citizens' pages", () => {
  it("are /report and /report/{number}, and no other address", () => {
    expect(isCitizenPath("/report")).toBe(true);
    expect(isCitizenPath("/report/2147483647")).toBe(true);
    expect(requestIdOf("/report/42")).toBe("42");
    expect(requestIdOf("/report")).toBeNull();
    for (const other of [
      "/",
      "/login",
      "/my-area",
      "/report/",
      "/report/abc",
      "/reports",
      "/report/1/x",
    ])
      expect(isCitizenPath(other), other).toBe(false);
  });
});
