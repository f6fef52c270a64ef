// The loop's table, and proof that the web (which shows a step's button) and the API (which takes
// the step) answer alike for every role, unit, status and pending extension: both read this table.
import { describe, expect, it } from "vitest";
import { checkStep, type Locked } from "../../api/src/problems/transitions.ts";
import type { Me } from "../../web/src/api/auth.ts";
import { allowedActions } from "../../web/src/pages/rectification/allowed-actions.ts";
import {
  awaitingDispatch,
  openStatuses,
  problemStatuses,
  rectificationActions,
  stepActions,
  stepRules,
} from "./rectification.ts";

const roles = ["coordinator", "unit_admin", "inspector", "volunteer", "grid_leader", "leader"];
const unitOf = 8;

function apiAllows(role: string, unitId: number | null, problem: Locked, action: string) {
  try {
    checkStep({ role: role as never, unitId }, problem, { action: action as never, version: 1 });
    return true;
  } catch {
    return false;
  }
}

describe("the rectification table", () => {
  it("answers the same on the web and in the API for every case", () => {
    let cases = 0;
    for (const role of roles)
      for (const unitId of [unitOf, 9, null])
        for (const status of problemStatuses)
          for (const pending of [false, true]) {
            const me = { user: { role, unitId } } as unknown as Me;
            const shown = allowedActions(me, {
              status,
              unitId: unitOf,
              extensionRequest: pending ? { days: 3, reason: null } : null,
            });
            const locked: Locked = {
              id: 1,
              status,
              version: 1,
              severity: "normal",
              unitId: unitOf,
              deadline: null,
              extensionDaysRequested: pending ? 3 : null,
            };
            const taken = stepActions.filter((action) => apiAllows(role, unitId, locked, action));
            expect(shown, `${role} of unit ${unitId} on ${status}, pending ${pending}`).toEqual(
              taken,
            );
            cases++;
          }
    expect(cases).toBe(roles.length * 3 * problemStatuses.length * 2);
  });

  it("names every step once, the first report and a restructuring's re-routing aside", () => {
    expect([...stepActions].sort()).toEqual(
      rectificationActions.filter((a) => a !== "report" && a !== "reroute").sort(),
    );
  });

  it("dispatches only what waits for dispatch, and closes nothing twice", () => {
    expect(stepRules.dispatch.from).toEqual(awaitingDispatch);
    for (const action of stepActions) {
      expect(stepRules[action].from, action).not.toContain("closed");
    }
    expect(openStatuses).not.toContain("ledger");
  });

  it("lets a unit admin act only on their own unit's problems", () => {
    for (const action of stepActions) {
      const rule = stepRules[action];
      if (rule.who.includes("unit_admin")) expect(rule.ownUnit, action).toBe(true);
    }
  });
});
