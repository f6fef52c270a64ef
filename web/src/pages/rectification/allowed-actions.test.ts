import { describe, expect, it } from "vitest";
import type { Me } from "../../api/auth.ts";
import { allowedActions } from "./allowed-actions.ts";

const person = (role: Me["user"]["role"], unitId: number | null = null): Me => ({
  user: {
    id: 1,
    username: role,
    displayName: role,
    role,
    unitId,
    personId: null,
    mustChangePassword: false,
  },
  scope: { kind: "city" },
  permissions: [],
});

const coordinator = person("coordinator");
const ownUnit = person("unit_admin", 8);
const otherUnit = person("unit_admin", 9);
const problem = (status: string, extensionRequest: { days: number } | null = null) =>
  ({ status, unitId: 8, extensionRequest }) as Parameters<typeof allowedActions>[1];

describe("allowedActions", () => {
  it("lets the coordinator dispatch a reported problem, ledger it or close it as a duplicate", () => {
    expect(allowedActions(coordinator, problem("reported"))).toEqual([
      "dispatch",
      "to_ledger",
      "mark_duplicate",
    ]);
  });

  it("lets the unit start, send back or ask for time on its dispatched problem", () => {
    expect(allowedActions(ownUnit, problem("dispatched"))).toEqual([
      "start",
      "send_back",
      "request_extension",
    ]);
  });

  it("gives another unit's admin nothing to do", () => {
    expect(allowedActions(otherUnit, problem("dispatched"))).toEqual([]);
  });

  it("lets the coordinator close or return a submitted rectification, but not ledger it", () => {
    expect(allowedActions(coordinator, problem("submitted"))).toEqual([
      "close",
      "return",
      "mark_duplicate",
    ]);
  });

  it("asks for one extension at a time, and lets the coordinator answer it", () => {
    const waiting = problem("rectifying", { days: 5 });
    expect(allowedActions(ownUnit, waiting)).toEqual(["submit"]);
    expect(allowedActions(coordinator, waiting)).toEqual([
      "grant_extension",
      "refuse_extension",
      "to_ledger",
      "mark_duplicate",
    ]);
  });

  it("leaves a closed problem alone and reopens one from the ledger", () => {
    expect(allowedActions(coordinator, problem("closed"))).toEqual([]);
    expect(allowedActions(coordinator, problem("ledger"))).toEqual(["reopen"]);
  });
});
