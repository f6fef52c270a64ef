import { describe, expect, it } from "vitest";
import { escalationStepIssues } from "./escalation-steps.ts";
import { defaultEscalationSteps } from "./kinds.ts";

describe("escalation steps", () => {
  it("accepts the default steps: 1 working day → the unit's head and the office, 3 → the leaders", () => {
    expect(escalationStepIssues(defaultEscalationSteps)).toEqual([]);
  });
  it("asks for at least one step", () => {
    expect(escalationStepIssues([])).toEqual([{ field: "steps", problem: "none" }]);
  });
  it("names each step whose level is out of order or whose days do not increase", () => {
    expect(
      escalationStepIssues([
        { level: 1, afterWorkingDays: 3, targets: ["leaders"] },
        { level: 3, afterWorkingDays: 3, targets: ["coordinators", "coordinators"] },
      ]),
    ).toEqual([
      { field: "steps.1.level", problem: "level", expected: 2 },
      { field: "steps.1.afterWorkingDays", problem: "days", previous: 3 },
      { field: "steps.1.targets", problem: "repeated" },
    ]);
  });
});
