// Which steps of the closed loop the signed-in user may take on a problem now: the API's rule
// table (api/src/problems/rules.ts) seen from the page, so only buttons that can succeed show.
// The API decides anyway; this only keeps impossible buttons off the screen.
import type { Me } from "../../api/auth.ts";
import type { StepAction } from "../../api/problems.ts";
import type { ProblemDetailProperties, ProblemStatus } from "../../api/types.ts";

/** Not yet closed out or put on the ledger. */
export const openStatuses: readonly ProblemStatus[] = [
  "reported",
  "dispatched",
  "rectifying",
  "submitted",
  "returned",
  "sent_back",
];

type Problem = Pick<ProblemDetailProperties, "status" | "unitId" | "extensionRequest">;

interface Rule {
  from: readonly ProblemStatus[];
  /** Taken by the campaign office, or by the admin of the problem's own unit. */
  by: "coordinator" | "ownUnit";
  /** Only while a request for more time waits (true), or only while none does (false). */
  extensionPending?: boolean;
}

const rules: Record<StepAction, Rule> = {
  dispatch: { from: ["reported", "sent_back"], by: "coordinator" },
  start: { from: ["dispatched", "returned"], by: "ownUnit" },
  submit: { from: ["rectifying"], by: "ownUnit" },
  close: { from: ["submitted"], by: "coordinator" },
  return: { from: ["submitted"], by: "coordinator" },
  send_back: { from: ["dispatched"], by: "ownUnit" },
  request_extension: {
    from: ["dispatched", "rectifying", "returned"],
    by: "ownUnit",
    extensionPending: false,
  },
  grant_extension: { from: openStatuses, by: "coordinator", extensionPending: true },
  refuse_extension: { from: openStatuses, by: "coordinator", extensionPending: true },
  to_ledger: { from: openStatuses.filter((s) => s !== "submitted"), by: "coordinator" },
  reopen: { from: ["ledger"], by: "coordinator" },
};

/** The actions in the order their buttons show: the usual next step first. */
export const stepActions = Object.keys(rules) as StepAction[];

function actsAs(me: Me, problem: Problem, by: Rule["by"]): boolean {
  if (by === "coordinator") return me.user.role === "coordinator";
  return (
    me.user.role === "unit_admin" && me.user.unitId !== null && me.user.unitId === problem.unitId
  );
}

/** E.g. a unit admin on their unit's dispatched problem → start, send_back, request_extension. */
export function allowedActions(me: Me, problem: Problem): StepAction[] {
  return stepActions.filter((action) => {
    const rule = rules[action];
    const pending = problem.extensionRequest !== null;
    return (
      actsAs(me, problem, rule.by) &&
      rule.from.includes(problem.status) &&
      (rule.extensionPending === undefined || rule.extensionPending === pending)
    );
  });
}
