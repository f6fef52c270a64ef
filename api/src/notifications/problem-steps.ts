// Which step of the closed loop tells whom: the one call transitions.ts makes after recording a step.
import type { NotificationKind } from "@civgrid/geo";
import type { Executor } from "../db/client.ts";
import { notify, signal } from "./notify.ts";

const kindOf: Partial<Record<string, NotificationKind>> = {
  dispatch: "problem_dispatched",
  reopen: "problem_dispatched",
  return: "problem_returned",
  send_back: "problem_sent_back",
  request_extension: "problem_extension_requested",
  grant_extension: "problem_extension_granted",
  refuse_extension: "problem_extension_refused",
};

/** Steps a citizen who reported the problem hears of (by SMS). */
const citizenHears = new Set(["dispatch", "close", "to_ledger"]);

export async function notifyProblemStep(
  tx: Executor,
  step: {
    action: string;
    problemId: number;
    cityId: number;
    actorId: number;
    reason?: string | undefined;
    days?: number | undefined;
  },
) {
  const kind = kindOf[step.action];
  const { problemId, actorId } = step;
  if (kind) {
    await notify(
      tx,
      {
        cityId: step.cityId,
        kind: kind as "problem_dispatched",
        problemId,
        reason: step.reason ?? null,
        days: step.days ?? null,
      },
      actorId,
    );
  } else {
    // Nobody is told, but boards, inboxes and maps showing the problem refresh.
    await signal(tx, { cityId: step.cityId, users: [], problemId });
  }
  if (citizenHears.has(step.action))
    await notify(tx, { cityId: step.cityId, kind: "report_status", problemId });
}
