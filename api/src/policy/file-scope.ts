// Who may read an uploaded file: whoever may read the record it belongs to (a problem's photo,
// a material, task evidence, an activity's photo), and whoever uploaded it (to see what they are
// about to attach). A file nobody may read answers 404, like one that does not exist.
import { type SQL, sql } from "drizzle-orm";
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
    EXISTS (SELECT 1 FROM file_uploads fu WHERE fu.file_id = ${f}.id AND fu.user_id = ${caller.id})
    OR EXISTS (SELECT 1 FROM problem_photos pp JOIN problems p ON p.id = pp.problem_id
      WHERE pp.file_id = ${f}.id AND ${problemsReadable(scope)})
    OR EXISTS (SELECT 1 FROM materials m WHERE m.file_id = ${f}.id AND ${materialsReadable(scope)})
    OR EXISTS (SELECT 1 FROM task_evidence te JOIN task_assignments a ON a.id = te.assignment_id
      WHERE te.file_id = ${f}.id AND ${taskAssignmentsReadable(scope)})
    OR EXISTS (SELECT 1 FROM activity_photos ph JOIN volunteer_activities a ON a.id = ph.activity_id
      JOIN volunteer_branches b ON b.id = a.branch_id
      WHERE ph.file_id = ${f}.id AND ${activitiesReadable(scope, caller.personId)})
    OR EXISTS (SELECT 1 FROM open311_requests o WHERE o.photo_file_id = ${f}.id
      AND ${open311RequestsReadable(scope)}))`;
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
    JOIN problems p ON p.id = pp.problem_id
    WHERE pp.file_id = ${f}.id AND pp.phase = 'before' AND p.source = 'citizen'
      AND p.city_id = ${cityId})`;
}
