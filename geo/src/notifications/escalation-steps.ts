// The rule a coordinator's escalation (督办) steps must keep, judged once for the api (which
// refuses) and the web (which shows each message beside its field).
import type { EscalationStep } from "./kinds.ts";

/** At most this many steps (levels 1…9). */
export const MAX_ESCALATION_STEPS = 9;

/** One thing wrong with the steps: the field it is about, and what is wrong. */
export type EscalationStepIssue =
  | { field: "steps"; problem: "none" }
  | { field: `steps.${number}.level`; problem: "level"; expected: number }
  | { field: `steps.${number}.afterWorkingDays`; problem: "days"; previous: number }
  | { field: `steps.${number}.targets`; problem: "repeated" };

/**
 * What is wrong with a list of steps: there is at least one, the levels count 1, 2, 3…, each
 * step comes more working days after the deadline than the one before, and no one is named twice.
 * An empty list when the steps may be saved.
 */
export function escalationStepIssues(steps: readonly EscalationStep[]): EscalationStepIssue[] {
  if (!steps.length) return [{ field: "steps", problem: "none" }];
  const issues: EscalationStepIssue[] = [];
  steps.forEach((step, i) => {
    if (step.level !== i + 1) {
      issues.push({ field: `steps.${i}.level`, problem: "level", expected: i + 1 });
    }
    const previous = steps[i - 1];
    if (previous && step.afterWorkingDays <= previous.afterWorkingDays) {
      issues.push({
        field: `steps.${i}.afterWorkingDays`,
        problem: "days",
        previous: previous.afterWorkingDays,
      });
    }
    if (new Set(step.targets).size !== step.targets.length) {
      issues.push({ field: `steps.${i}.targets`, problem: "repeated" });
    }
  });
  return issues;
}
