// Moving a problem through the closed loop: the rule for the action is checked (role, current
// state, own unit, what the step must carry), then one transaction updates the problem, appends
// the event and its photos, and writes the audit row. Of two people acting on the same version,
// one wins and the other gets 409 with the current state.
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { ProblemStatus } from "../db/schema/index.ts";
import { AppError, type Message, notFound } from "../errors.ts";
import { notifyProblemStep } from "../notifications/problem-steps.ts";
import { problemsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import {
  type Action,
  daysToRectify,
  type Need,
  returnReasons,
  rules,
  sendBackReasons,
} from "./rules.ts";

export interface Step {
  action: Action;
  version: number;
  note?: string | undefined;
  reason?: string | undefined;
  photoIds?: number[] | undefined;
  days?: number | undefined;
  reviewOn?: string | undefined;
}

interface Locked {
  id: number;
  status: ProblemStatus;
  version: number;
  severity: keyof typeof daysToRectify;
  unitId: number | null;
  extensionDaysRequested: number | null;
}

async function lock(tx: Executor, scope: Scope, id: number): Promise<Locked> {
  const [row] = await selectRows<Locked>(
    tx,
    sql`SELECT p.id, p.status, p.version, p.severity, p.unit_id AS "unitId", p.extension_days_requested AS "extensionDaysRequested"
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

function missing(needs: readonly Need[], step: Step, p: Locked): Record<string, Message> {
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
    if (need === "pendingExtension" && p.extensionDaysRequested === null)
      fields.action = { key: "problem.no_pending_extension" };
    if (need === "noPendingExtension" && p.extensionDaysRequested !== null)
      fields.action = { key: "problem.extension_pending" };
  }
  return fields;
}

export async function takeStep(
  tx: Executor,
  user: SessionUser,
  scope: Scope,
  id: number,
  step: Step,
) {
  const rule = rules[step.action];
  if (!rule.who.includes(user.role)) {
    throw new AppError(403, "forbidden", {
      key: "problem.role_may_not",
      params: { role: `role.${user.role}`, action: `action.${step.action}` },
    });
  }
  const p = await lock(tx, scope, id);
  if (p.version !== step.version)
    throw conflict(p, "problem.version_conflict", { version: p.version });
  if (!rule.from.includes(p.status))
    throw conflict(p, "problem.illegal_transition", { action: `action.${step.action}` });
  if (rule.ownUnit && p.unitId !== user.unitId)
    throw new AppError(403, "forbidden", { key: "problem.not_your_unit" });
  const fields = missing(rule.needs ?? [], step, p);
  if (Object.keys(fields).length)
    throw new AppError(400, "invalid_request", { key: "error.validation" }, fields);

  const to = rule.to ?? p.status;
  const deadline =
    step.action === "dispatch" || step.action === "reopen"
      ? sql`now() + make_interval(days => ${daysToRectify[p.severity]})`
      : step.action === "grant_extension"
        ? sql`greatest(deadline, now()) + make_interval(days => ${p.extensionDaysRequested ?? 0})`
        : sql`deadline`;
  const asking = step.action === "request_extension";
  const answered = step.action === "grant_extension" || step.action === "refuse_extension";
  await tx.execute(sql`UPDATE problems SET status = ${to}, version = version + 1, updated_at = now(), deadline = ${deadline},
      closed_at = ${to === "closed" ? sql`now()` : sql`NULL`},
      extension_days_requested = ${asking ? (step.days ?? null) : answered ? null : sql`extension_days_requested`},
      extension_reason = ${asking ? (step.note ?? null) : answered ? null : sql`extension_reason`},
      review_on = ${step.action === "to_ledger" ? (step.reviewOn ?? null) : sql`review_on`}
    WHERE id = ${id}`);
  const [event] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO rectification_events (city_id, problem_id, seq, action, from_status, to_status, actor_user_id, actor_name, note, reason)
        SELECT ${user.cityId}, ${id}, coalesce(max(seq), 0) + 1, ${step.action}, ${p.status}, ${to}, ${user.id}, ${user.displayName},
               ${step.note ?? null}, ${step.reason ?? (asking ? `+${step.days}` : null)}
        FROM rectification_events WHERE problem_id = ${id}
        RETURNING id`,
  );
  for (const fileId of step.photoIds ?? []) {
    const [file] = await selectRows<{ id: number }>(
      tx,
      sql`SELECT id FROM files WHERE id = ${fileId} AND city_id = ${user.cityId}`,
    );
    if (!file)
      throw new AppError(
        400,
        "invalid_request",
        { key: "error.validation" },
        { photoIds: { key: "problem.photo_unknown" } },
      );
    await tx.execute(sql`INSERT INTO problem_photos (city_id, problem_id, file_id, phase, event_id)
      VALUES (${user.cityId}, ${id}, ${fileId}, 'after', ${event?.id ?? null}) ON CONFLICT (problem_id, file_id) DO NOTHING`);
  }
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: step.action,
    entity: "problem",
    entityId: id,
    before: { status: p.status, version: p.version },
    after: { status: to, version: p.version + 1, note: step.note, reason: step.reason },
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
