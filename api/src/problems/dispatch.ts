// Dispatching a problem (派发): the coordinator sends it to a unit — the one routing chose unless
// they pick another of the city's — with a deadline at the end of a working day (by severity
// unless they pick the date). One function, one transaction: whatever must follow a dispatch (a
// message to the unit) belongs inside it, so that it happens exactly when the dispatch does.
import type { SessionUser } from "../accounts/sessions.ts";
import type { Orm } from "../db/client.ts";
import type { Scope } from "../policy/scope.ts";
import { type Step, takeStep } from "./transitions.ts";

export type DispatchChoice = Pick<Step, "version" | "note" | "unitId" | "deadline">;

export function dispatchProblem(
  orm: Orm,
  user: SessionUser,
  scope: Scope,
  id: number,
  choice: DispatchChoice,
) {
  return orm.transaction((tx) => takeStep(tx, user, scope, id, { action: "dispatch", ...choice }));
}
