// Which steps of the closed loop the signed-in user may take on a problem now: the rule table in
// geo/ (the one the API enforces) seen from the page, so only buttons that can succeed show.
// The API decides anyway; this only keeps impossible buttons off the screen.
import { allowedSteps } from "@civgrid/geo";
import type { Me } from "../../api/auth.ts";
import type { StepAction } from "../../api/problems.ts";
import type { ProblemDetailProperties } from "../../api/types.ts";

type Problem = Pick<ProblemDetailProperties, "status" | "unitId" | "extensionRequest">;

/** E.g. a unit admin on their unit's dispatched problem → start, send_back, request_extension. */
export function allowedActions(me: Me, problem: Problem): StepAction[] {
  return allowedSteps(
    { role: me.user.role, unitId: me.user.unitId },
    {
      status: problem.status,
      unitId: problem.unitId,
      extensionPending: problem.extensionRequest !== null,
    },
  );
}
