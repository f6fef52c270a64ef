// Who may read a reporter's personal data (PIPL: shown to those who must call them back).
import type { Scope } from "./scope.ts";

/**
 * A citizen's mobile number is for the staff who handle the problem: the campaign office (city
 * scope) and the unit rectifying it. Volunteers and grid leaders never see it.
 */
export function maySeeReporterPhone(scope: Scope): boolean {
  return scope.kind === "city" || scope.kind === "unit";
}
