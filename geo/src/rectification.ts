// The closed loop of rectification (整改), written once: the problem statuses, the steps between
// them, who takes each step and what it must carry. The API enforces this table; the web reads it
// to show only the buttons and fields that can succeed (rectification.test.ts checks they agree).
import type { ProblemSeverity } from "./vocabulary.ts";

/**
 * reported → dispatched → rectifying → submitted → closed (销号), or submitted → returned (返工)
 * → rectifying again. sent_back (回退): the unit says it is not theirs, awaiting re-dispatch.
 * ledger (挂账): cannot be solved now, kept with a review date.
 */
export const problemStatuses = [
  "reported",
  "dispatched",
  "rectifying",
  "submitted",
  "returned",
  "sent_back",
  "ledger",
  "closed",
] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

/** Not yet closed out or put on the ledger. */
export const openStatuses: readonly ProblemStatus[] = problemStatuses.filter(
  (s) => s !== "closed" && s !== "ledger",
);

/** Waiting for the campaign office to dispatch: no unit works on it, so no deadline runs. */
export const awaitingDispatch: readonly ProblemStatus[] = ["reported", "sent_back"];

export const rectificationActions = [
  "report",
  "dispatch",
  "start",
  "submit",
  "close",
  "return",
  "send_back",
  "request_extension",
  "grant_extension",
  "refuse_extension",
  "to_ledger",
  "reopen",
  "mark_duplicate",
  // A grid restructuring moved the problem to another grid or unit (api/src/restructurings).
  "reroute",
] as const;
export type RectificationAction = (typeof rectificationActions)[number];

/** Every step but the first report, which creating a problem takes, and a restructuring's re-routing. */
export type StepAction = Exclude<RectificationAction, "report" | "reroute">;

/** Why a coordinator returns a rectification (返工): a fixed list, so rework can be counted by cause. */
export const returnReasons = [
  "not_fixed",
  "partly_fixed",
  "photo_unclear",
  "wrong_place",
  "other",
] as const;
/** Why a unit sends a problem back (回退) for re-dispatch. */
export const sendBackReasons = ["not_our_grid", "not_our_duty", "duplicate", "other"] as const;

/** What a step must carry (or, for the extension pair, what must be the case). */
export type Need =
  | "note"
  | "afterPhotos"
  | "returnReason"
  | "sendBackReason"
  | "days"
  | "reviewOn"
  | "duplicateOf"
  | "pendingExtension"
  | "noPendingExtension";

/** What a step may carry; left out, the API takes the default (the routed unit, the severity's deadline). */
export type Offer = "unit" | "deadline";

/** The roles that take steps of the loop (reporting is open to more). */
export type LoopRole = "coordinator" | "unit_admin";

export interface StepRule {
  from: readonly ProblemStatus[];
  /** The status after; null keeps the status (extension requests and answers). */
  to: ProblemStatus | null;
  who: readonly LoopRole[];
  /** A unit admin may act only on their own unit's problems. */
  ownUnit?: boolean;
  needs?: readonly Need[];
  offers?: readonly Offer[];
}

export const stepRules: Record<StepAction, StepRule> = {
  dispatch: {
    from: awaitingDispatch,
    to: "dispatched",
    who: ["coordinator"],
    offers: ["unit", "deadline"],
  },
  start: { from: ["dispatched", "returned"], to: "rectifying", who: ["unit_admin"], ownUnit: true },
  submit: {
    from: ["rectifying"],
    to: "submitted",
    who: ["unit_admin"],
    ownUnit: true,
    needs: ["note", "afterPhotos"],
  },
  close: { from: ["submitted"], to: "closed", who: ["coordinator"] },
  return: {
    from: ["submitted"],
    to: "returned",
    who: ["coordinator"],
    needs: ["returnReason"],
    offers: ["deadline"],
  },
  send_back: {
    from: ["dispatched"],
    to: "sent_back",
    who: ["unit_admin"],
    ownUnit: true,
    needs: ["sendBackReason"],
  },
  request_extension: {
    from: ["dispatched", "rectifying", "returned"],
    to: null,
    who: ["unit_admin"],
    ownUnit: true,
    needs: ["days", "note", "noPendingExtension"],
  },
  grant_extension: {
    from: openStatuses,
    to: null,
    who: ["coordinator"],
    needs: ["pendingExtension"],
  },
  refuse_extension: {
    from: openStatuses,
    to: null,
    who: ["coordinator"],
    needs: ["pendingExtension"],
  },
  to_ledger: {
    from: openStatuses.filter((s) => s !== "submitted"),
    to: "ledger",
    who: ["coordinator"],
    needs: ["note", "reviewOn"],
  },
  reopen: { from: ["ledger"], to: "dispatched", who: ["coordinator"], offers: ["deadline"] },
  // A second report of the same thing is closed by pointing at the problem that carries the work.
  mark_duplicate: {
    from: openStatuses,
    to: "closed",
    who: ["coordinator"],
    needs: ["duplicateOf"],
  },
};

/** The steps in the order their buttons show: the usual next step first. */
export const stepActions = Object.keys(stepRules) as StepAction[];

/** Working days to rectify by severity (serious: the next working day; normal: 3; minor: 5 = a week). */
export const daysToRectify = { serious: 1, normal: 3, minor: 5 } as const satisfies Record<
  ProblemSeverity,
  number
>;
export type Severity = ProblemSeverity;

/** Who acts: a role and, for a unit admin, their unit. */
export interface Actor {
  role: string;
  unitId: number | null;
}

/** The problem as far as the table looks at it. */
export interface ProblemState {
  status: ProblemStatus;
  unitId: number | null;
  extensionPending: boolean;
}

/** Why a step cannot be taken now, or null when it can. */
export type Refusal = "role" | "status" | "not_own_unit" | "extension_pending" | "no_extension";

/** The table's verdict on one step: the API answers with it, the web hides what it refuses. */
export function refusal(action: StepAction, actor: Actor, problem: ProblemState): Refusal | null {
  const rule = stepRules[action];
  if (!rule.who.includes(actor.role as LoopRole)) return "role";
  if (!rule.from.includes(problem.status)) return "status";
  if (rule.ownUnit && (actor.unitId === null || actor.unitId !== problem.unitId))
    return "not_own_unit";
  if (rule.needs?.includes("pendingExtension") && !problem.extensionPending) return "no_extension";
  if (rule.needs?.includes("noPendingExtension") && problem.extensionPending)
    return "extension_pending";
  return null;
}

/** E.g. a unit admin on their unit's dispatched problem → start, send_back, request_extension. */
export function allowedSteps(actor: Actor, problem: ProblemState): StepAction[] {
  return stepActions.filter((action) => refusal(action, actor, problem) === null);
}
