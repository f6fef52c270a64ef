// Moving a problem through the closed loop: the rule for the action is checked (role, current
// state, own unit, what the step must carry), then one transaction updates the problem, appends
// the event and its photos, and writes the audit row. Of two people acting on the same version,
// one wins and the other gets 409 with the current state.
import { refusal, type Severity } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import type { ProblemStatus } from "../db/schema/index.ts";
import { AppError, invalidFields, type Message, notFound } from "../errors.ts";
import { notifyProblemStep } from "../notifications/problem-steps.ts";
import { problemsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { deadlineFor, extendedDeadline } from "./deadlines.ts";
import { duplicateProblem } from "./duplicates.ts";
import { type Action, type Need, returnReasons, rules, sendBackReasons } from "./rules.ts";

export interface Step {
  action: Action;
  version: number;
  note?: string | undefined;
  reason?: string | undefined;
  photoIds?: number[] | undefined;
  days?: number | undefined;
  reviewOn?: string | undefined;
  /** Dispatch: the unit to send it to (default: the unit routing chose). */
  unitId?: number | undefined;
  /** Dispatch, return, reopen: the last day (YYYY-MM-DD, China) — default by severity. */
  deadline?: string | undefined;
  /** Mark duplicate: the problem this one repeats. */
  duplicateOf?: number | undefined;
}

export interface Locked {
  id: number;
  status: ProblemStatus;
  version: number;
  severity: Severity;
  unitId: number | null;
  deadline: string | null;
  extensionDaysRequested: number | null;
}

async function lock(tx: Executor, scope: Scope, id: number): Promise<Locked> {
  const [row] = await selectRows<Locked>(
    tx,
    sql`SELECT p.id, p.status, p.version, p.severity, p.unit_id AS "unitId", ${isoTime(sql`p.deadline`)} AS deadline, p.extension_days_requested AS "extensionDaysRequested"
        FROM problems p WHERE p.id = ${id} AND ${problemsReadable(scope)} FOR UPDATE`,
  );
  if (!row) throw notFound("problem", id);
  return row;
}

const conflict = (p: Locked, key: Message["key"], params: Record<string, string | number> = {}) =>
  new AppError(
    409,
    "state_conflict",
    { key, params: { status: `status.${p.status}`, ...params } },
    undefined,
    () => ({
      current: { id: p.id, status: p.status, version: p.version },
    }),
  );

function missing(needs: readonly Need[], step: Step): Record<string, Message> {
  const fields: Record<string, Message> = {};
  for (const need of needs) {
    if (need === "note" && !step.note?.trim()) fields.note = { key: "field.required" };
    if (need === "afterPhotos" && !step.photoIds?.length)
      fields.photoIds = { key: "problem.after_photos_needed" };
    if (need === "returnReason" && !returnReasons.includes(step.reason as never)) {
      fields.reason = { key: "field.one_of", params: { values: returnReasons.join(", ") } };
    }
    if (need === "sendBackReason" && !sendBackReasons.includes(step.reason as never)) {
      fields.reason = { key: "field.one_of", params: { values: sendBackReasons.join(", ") } };
    }
    if (
      need === "days" &&
      !(Number.isInteger(step.days) && (step.days ?? 0) >= 1 && (step.days ?? 0) <= 60)
    ) {
      fields.days = { key: "field.integer", params: { min: 1, max: 60 } };
    }
    if (
      need === "reviewOn" &&
      !(
        step.reviewOn &&
        /^\d{4}-\d{2}-\d{2}$/.test(step.reviewOn) &&
        Date.parse(step.reviewOn) > Date.now()
      )
    ) {
      fields.reviewOn = { key: "problem.review_date" };
    }
    if (need === "duplicateOf" && !Number.isInteger(step.duplicateOf))
      fields.duplicateOf = { key: "field.required" };
  }
  return fields;
}

/** A role the table does not give the step to is refused before the problem is even read. */
function checkRole(user: Pick<SessionUser, "role">, action: Action) {
  if (!(rules[action].who as readonly string[]).includes(user.role)) {
    throw new AppError(403, "forbidden", {
      key: "problem.role_may_not",
      params: { role: `role.${user.role}`, action: `action.${action}` },
    });
  }
}

/**
 * The table's verdict (geo's `refusal`, the one the web shows buttons by) as the API answers it:
 * 403 for the role or another unit's problem, 409 for a state or version that moved on, 400 for
 * an extension answered or asked out of turn. Returns when the step may be taken.
 */
export function checkStep(
  user: Pick<SessionUser, "role" | "unitId">,
  p: Locked,
  step: Pick<Step, "action" | "version">,
) {
  checkRole(user, step.action);
  if (p.version !== step.version)
    throw conflict(p, "problem.version_conflict", { version: p.version });
  const why = refusal(step.action, user, {
    status: p.status,
    unitId: p.unitId,
    extensionPending: p.extensionDaysRequested !== null,
  });
  if (why === "status")
    throw conflict(p, "problem.illegal_transition", { action: `action.${step.action}` });
  if (why === "not_own_unit")
    throw new AppError(403, "forbidden", { key: "problem.not_your_unit" });
  if (why === "no_extension" || why === "extension_pending") {
    const key =
      why === "no_extension" ? "problem.no_pending_extension" : "problem.extension_pending";
    throw invalidFields({ action: { key } });
  }
}

interface Terms {
  unitId?: number;
  deadline?: Date;
}

/**
 * What a step sets besides the status: a dispatch's unit (checked to be the city's) and the
 * deadline a dispatch, return or reopen gives (chosen or by severity, in working days), a granted
 * extension's new deadline; a duplicate's target checked. Problems go into `fields`.
 */
async function stepTerms(
  tx: Executor,
  cityId: number,
  id: number,
  p: Locked,
  step: Step,
  fields: Record<string, Message>,
): Promise<Terms> {
  const terms: Terms = {};
  if (step.action === "dispatch") {
    const unitId = step.unitId ?? p.unitId;
    if (unitId === null) fields.unitId = { key: "problem.unit_needed" };
    else if (!(await cityUnit(tx, cityId, unitId))) fields.unitId = { key: "problem.unit_unknown" };
    else terms.unitId = unitId;
  } else if (step.unitId !== undefined) {
    fields.unitId = { key: "field.unknown" };
  }
  if (rules[step.action].offers?.includes("deadline")) {
    const choice = await deadlineFor(tx, cityId, p.severity, step.deadline);
    if ("problem" in choice) fields.deadline = choice.problem;
    else terms.deadline = choice.deadline;
  } else if (step.deadline !== undefined) {
    fields.deadline = { key: "field.unknown" };
  }
  if (step.action === "grant_extension" && p.extensionDaysRequested !== null) {
    terms.deadline = extendedDeadline(p.deadline, p.extensionDaysRequested);
  }
  if (step.action === "mark_duplicate" && !fields.duplicateOf) {
    const problem = await duplicateProblem(tx, cityId, id, step.duplicateOf);
    if (problem) fields.duplicateOf = problem;
  }
  return terms;
}

async function cityUnit(tx: Executor, cityId: number, unitId: number): Promise<boolean> {
  const [unit] = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM units WHERE id = ${unitId} AND city_id = ${cityId}`,
  );
  return unit !== undefined;
}

export async function takeStep(
  tx: Executor,
  user: SessionUser,
  scope: Scope,
  id: number,
  step: Step,
) {
  const rule = rules[step.action];
  checkRole(user, step.action);
  const p = await lock(tx, scope, id);
  checkStep(user, p, step);
  const fields = missing(rule.needs ?? [], step);
  const terms = await stepTerms(tx, user.cityId, id, p, step, fields);
  if (Object.keys(fields).length) throw invalidFields(fields);

  const to = rule.to ?? p.status;
  const deadline =
    terms.deadline !== undefined
      ? terms.deadline.toISOString()
      : to === "sent_back"
        ? null // back with the campaign office: no unit works on it, no clock runs
        : sql`deadline`;
  const asking = step.action === "request_extension";
  const answered = step.action === "grant_extension" || step.action === "refuse_extension";
  await tx.execute(sql`UPDATE problems SET status = ${to}, version = version + 1, updated_at = now(), deadline = ${deadline},
      unit_id = ${terms.unitId ?? sql`unit_id`}, duplicate_of = ${step.action === "mark_duplicate" ? (step.duplicateOf ?? null) : sql`duplicate_of`},
      closed_at = ${to === "closed" ? sql`now()` : sql`NULL`},
      extension_days_requested = ${asking ? (step.days ?? null) : answered ? null : sql`extension_days_requested`},
      extension_reason = ${asking ? (step.note ?? null) : answered ? null : sql`extension_reason`},
      review_on = ${step.action === "to_ledger" ? (step.reviewOn ?? null) : sql`review_on`}
    WHERE city_id = ${user.cityId} AND id = ${id}`);
  const [event] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO rectification_events (city_id, problem_id, seq, action, from_status, to_status, actor_user_id, actor_name, note, reason, unit_id, deadline)
        SELECT ${user.cityId}, ${id}, coalesce(max(seq), 0) + 1, ${step.action}, ${p.status}, ${to}, ${user.id}, ${user.displayName},
               ${step.note ?? null}, ${step.reason ?? (asking ? `+${step.days}` : step.action === "mark_duplicate" ? `#${step.duplicateOf}` : null)},
               ${terms.unitId ?? null}, ${terms.deadline?.toISOString() ?? null}
        FROM rectification_events WHERE city_id = ${user.cityId} AND problem_id = ${id}
        RETURNING id`,
  );
  for (const fileId of step.photoIds ?? []) {
    const [file] = await selectRows<{ id: number }>(
      tx,
      sql`SELECT id FROM files WHERE id = ${fileId} AND city_id = ${user.cityId}`,
    );
    if (!file) throw invalidFields({ photoIds: { key: "problem.photo_unknown" } });
    await tx.execute(sql`INSERT INTO problem_photos (city_id, problem_id, file_id, phase, event_id)
      VALUES (${user.cityId}, ${id}, ${fileId}, 'after', ${event?.id ?? null}) ON CONFLICT (city_id, problem_id, file_id) DO NOTHING`);
  }
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: step.action,
    entity: "problem",
    entityId: id,
    before: { status: p.status, version: p.version },
    after: {
      status: to,
      version: p.version + 1,
      note: step.note,
      reason: step.reason,
      ...(terms.unitId !== undefined && { unitId: terms.unitId }),
      ...(terms.deadline && { deadline: terms.deadline.toISOString() }),
      ...(step.duplicateOf !== undefined && { duplicateOf: step.duplicateOf }),
    },
  });
  await notifyProblemStep(tx, {
    action: step.action,
    problemId: id,
    cityId: user.cityId,
    actorId: user.id,
    reason: step.reason,
    days: step.days,
  });
}

/** Takes one step on a problem in its own transaction. */
export const stepProblem = inTransaction(takeStep);
