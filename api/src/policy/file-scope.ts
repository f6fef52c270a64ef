// Who may read an uploaded file: whoever may read the record it belongs to (a problem's photo,
// a material, task evidence, an activity's photo), and whoever uploaded it (to see what they are
// about to attach). A file nobody may read answers 404, like one that does not exist.
import { type SQL, sql } from "drizzle-orm";
import { sameCity } from "../db/query-helpers.ts";
import {
  activitiesReadable,
  materialsReadable,
  problemsReadable,
  taskAssignmentsReadable,
} from "./read-scope.ts";
import type { Scope } from "./scope.ts";

/** Files (alias f) the caller may read. */
export function filesReadable(
  scope: Scope,
  caller: { id: number; personId: number | null },
  f = sql.raw("f"),
): SQL {
  return sql`${f}.city_id = ${scope.cityId} AND (
    EXISTS (SELECT 1 FROM file_uploads fu WHERE fu.file_id = ${f}.id AND ${sameCity(f, "fu")}
      AND fu.user_id = ${caller.id})
    OR EXISTS (SELECT 1 FROM problem_photos pp JOIN problems p ON p.id = pp.problem_id
      AND ${sameCity("pp", "p")} WHERE pp.file_id = ${f}.id AND ${sameCity(f, "pp")}
      AND ${problemsReadable(scope)})
    OR EXISTS (SELECT 1 FROM materials m WHERE m.file_id = ${f}.id AND ${sameCity(f, "m")}
      AND ${materialsReadable(scope)})
    OR EXISTS (SELECT 1 FROM task_evidence te JOIN task_assignments a ON a.id = te.assignment_id
      AND ${sameCity("te", "a")} WHERE te.file_id = ${f}.id AND ${sameCity(f, "te")}
      AND ${taskAssignmentsReadable(scope)})
    OR EXISTS (SELECT 1 FROM activity_photos ph JOIN volunteer_activities a ON a.id = ph.activity_id
      AND ${sameCity("ph", "a")} JOIN volunteer_branches b ON b.id = a.branch_id AND ${sameCity("a", "b")}
      WHERE ph.file_id = ${f}.id AND ${sameCity(f, "ph")} AND ${activitiesReadable(scope, caller.personId)})
    OR EXISTS (SELECT 1 FROM open311_requests o WHERE o.photo_file_id = ${f}.id
      AND ${sameCity(f, "o")} AND ${open311RequestsReadable(scope)}))`;
}

/**
 * Open311 requests (alias o) waiting to be placed (待定位) are the campaign office's to read, as
 * the whole city's are; once placed, their photo is read through the problem they became.
 */
function open311RequestsReadable(scope: Scope, o = sql.raw("o")): SQL {
  return scope.kind === "city" ? sql`${o}.city_id = ${scope.cityId}` : sql`FALSE`;
}

/**
 * Files anyone may read without signing in: the photos a citizen sent with an Open311 request,
 * as long as the public Open311 list shows the request (open311/services.ts: filed by a citizen).
 */
export function filesPublic(cityId: number, f = sql.raw("f")): SQL {
  return sql`${f}.city_id = ${cityId} AND EXISTS (SELECT 1 FROM problem_photos pp
    JOIN problems p ON p.id = pp.problem_id AND ${sameCity("pp", "p")}
    WHERE pp.file_id = ${f}.id AND ${sameCity(f, "pp")} AND pp.phase = 'before'
      AND p.source = 'citizen')`;
}
