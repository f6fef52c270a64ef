// The closed loop's rules: which action moves a problem from which states to which, who may take
// it, and what it must carry. One table, read by the transition service and shown in the docs.
import { type ProblemStatus, type Role, rectificationActions } from "../db/schema/index.ts";

/** Every step but the first report, which creating a problem takes, and a restructuring's re-routing. */
export const actions = rectificationActions.filter((a) => a !== "report" && a !== "reroute") as [
  Exclude<(typeof rectificationActions)[number], "report" | "reroute">,
  ...Exclude<(typeof rectificationActions)[number], "report" | "reroute">[],
];
export type Action = (typeof actions)[number];

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

export type Need =
  | "note"
  | "afterPhotos"
  | "returnReason"
  | "sendBackReason"
  | "days"
  | "reviewOn"
  | "pendingExtension"
  | "noPendingExtension";

export interface Rule {
  from: readonly ProblemStatus[];
  /** The status after; null keeps the status (extension requests and answers). */
  to: ProblemStatus | null;
  who: readonly Role[];
  /** A unit admin may act only on their own unit's problems. */
  ownUnit?: boolean;
  needs?: readonly Need[];
}

const open: ProblemStatus[] = [
  "reported",
  "dispatched",
  "rectifying",
  "submitted",
  "returned",
  "sent_back",
];

export const rules: Record<Action, Rule> = {
  dispatch: { from: ["reported", "sent_back"], to: "dispatched", who: ["coordinator"] },
  start: { from: ["dispatched", "returned"], to: "rectifying", who: ["unit_admin"], ownUnit: true },
  submit: {
    from: ["rectifying"],
    to: "submitted",
    who: ["unit_admin"],
    ownUnit: true,
    needs: ["note", "afterPhotos"],
  },
  close: { from: ["submitted"], to: "closed", who: ["coordinator"] },
  return: { from: ["submitted"], to: "returned", who: ["coordinator"], needs: ["returnReason"] },
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
  grant_extension: { from: open, to: null, who: ["coordinator"], needs: ["pendingExtension"] },
  refuse_extension: { from: open, to: null, who: ["coordinator"], needs: ["pendingExtension"] },
  to_ledger: {
    from: open.filter((s) => s !== "submitted"),
    to: "ledger",
    who: ["coordinator"],
    needs: ["note", "reviewOn"],
  },
  reopen: { from: ["ledger"], to: "dispatched", who: ["coordinator"] },
};

/** Days to rectify by severity (serious: at once; normal: 3 days; minor: a week). */
export const daysToRectify = { serious: 1, normal: 3, minor: 7 } as const;
