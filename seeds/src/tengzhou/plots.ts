// The paths through the rectification loop (整改闭环) that lead a problem to each status.
import type { ProblemStatus, RectificationAction } from "../dataset.ts";
import type { Random } from "./random.ts";

export type Action = Exclude<RectificationAction, "refuse_extension" | "reopen">;

/** Where each action leads; null keeps the status (extensions happen during rectification). */
export const LEADS_TO: Record<Action, ProblemStatus | null> = {
  report: "reported",
  dispatch: "dispatched",
  start: "rectifying",
  submit: "submitted",
  close: "closed",
  return: "returned",
  send_back: "sent_back",
  to_ledger: "ledger",
  request_extension: null,
  grant_extension: null,
};

/** The actions that lead to `target`, sometimes by a detour (rework, 回退, extension). */
export function plot(target: ProblemStatus, random: Random): Action[] {
  const rectified: Action[] = ["report", "dispatch", "start", "submit"];
  switch (target) {
    case "reported":
      return ["report"];
    case "dispatched":
      return ["report", "dispatch"];
    case "rectifying":
      if (random.chance(0.25))
        return ["report", "dispatch", "start", "request_extension", "grant_extension"];
      if (random.chance(0.2)) return [...rectified, "return", "start"];
      return ["report", "dispatch", "start"];
    case "submitted":
      return rectified;
    case "returned":
      return [...rectified, "return"];
    case "sent_back":
      return ["report", "dispatch", "send_back"];
    case "ledger":
      return random.chance(0.5)
        ? ["report", "dispatch", "start", "to_ledger"]
        : ["report", "dispatch", "send_back", "to_ledger"];
    case "closed":
      if (random.chance(0.2)) return [...rectified, "return", "start", "submit", "close"];
      if (random.chance(0.1))
        return ["report", "dispatch", "send_back", "dispatch", "start", "submit", "close"];
      return [...rectified, "close"];
  }
}
