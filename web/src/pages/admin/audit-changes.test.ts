import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit-changes.ts";

describe("auditChanges", () => {
  it("keeps only the fields an update changed", () => {
    const before = { id: 8, username: "zhangmin", disabled: false, unitId: null };
    const after = { id: 8, username: "zhangmin", disabled: true, unitId: null };
    expect(auditChanges(before, after)).toEqual({
      before: { disabled: false },
      after: { disabled: true },
      trimmed: true,
    });
  });

  it("shows a field added or removed with the side that lacks it as undefined", () => {
    expect(auditChanges({ a: 1 }, { a: 1, b: [2] })).toEqual({
      before: { b: undefined },
      after: { b: [2] },
      trimmed: true,
    });
  });

  it("returns a creation (nothing before) whole", () => {
    const after = { username: "zhangmin", role: "leader" };
    expect(auditChanges(null, after)).toEqual({ before: null, after, trimmed: false });
  });
});
