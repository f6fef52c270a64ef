// Volunteer activities (志愿服务活动): a branch logs what it did, where, who took part and for how
// long; volunteers read their own hours.

import type { ActivityKind } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { whereAll } from "../db/query-helpers.ts";
import { AppError, invalidFields, type Message } from "../errors.ts";
import { activitiesReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { todayInChina } from "../rankings/period.ts";
import { type DayRange, ownGrid, withinDays } from "./caller.ts";

// The kinds are geo/'s (shared with the web): see geo/src/vocabulary.ts.
export { type ActivityKind, activityKinds } from "@civgrid/geo";

export interface NewActivity {
  branchId?: number | undefined;
  gridId?: number | undefined;
  kind: ActivityKind;
  title: string;
  heldOn: string;
  participants: { personId: number; hours: number }[];
  photoIds: number[];
}

export interface ActivityRow {
  id: number;
  kind: ActivityKind;
  title: string;
  heldOn: string;
  branchId: number;
  branchName: string;
  gridId: number | null;
  gridCode: string | null;
  hours: number;
  participantCount: number;
  personHours: number;
  /** The caller's own hours in it, 0 when they did not take part. */
  myHours: number;
  photoIds: number[];
}

const refuse = (fields: Record<string, Message>): never => {
  throw invalidFields(fields);
};
const intArray = (ids: number[]) =>
  sql.raw(`ARRAY[${ids.filter(Number.isSafeInteger).join(",")}]::int[]`);

export function listActivities(
  ex: Executor,
  scope: Scope,
  user: SessionUser,
  filters: DayRange & { id?: number; mine?: boolean | undefined },
) {
  const me = user.personId ?? 0;
  return selectRows<ActivityRow>(
    ex,
    sql`SELECT a.id, a.kind, a.title, to_char(a.held_on, 'YYYY-MM-DD') AS "heldOn", a.branch_id AS "branchId",
          b.name AS "branchName", a.grid_id AS "gridId", g.code AS "gridCode", a.hours::float8 AS hours,
          (SELECT count(*)::int FROM activity_participants ap WHERE ap.activity_id = a.id
             AND ap.city_id = a.city_id) AS "participantCount",
          (SELECT COALESCE(sum(ap.hours), 0)::float8 FROM activity_participants ap WHERE ap.activity_id = a.id
             AND ap.city_id = a.city_id) AS "personHours",
          (SELECT COALESCE(sum(ap.hours), 0)::float8 FROM activity_participants ap
             WHERE ap.activity_id = a.id AND ap.city_id = a.city_id AND ap.person_id = ${me}) AS "myHours",
          ARRAY(SELECT file_id FROM activity_photos ph WHERE ph.activity_id = a.id AND ph.city_id = a.city_id
             ORDER BY ph.id) AS "photoIds"
        FROM volunteer_activities a JOIN volunteer_branches b ON b.id = a.branch_id AND b.city_id = a.city_id
        LEFT JOIN grids g ON g.id = a.grid_id AND g.city_id = a.city_id
        WHERE ${whereAll([
          activitiesReadable(scope, user.personId),
          filters.id !== undefined && sql`a.id = ${filters.id}`,
          withinDays(sql`a.held_on`, filters),
          filters.mine === true &&
            sql`EXISTS (SELECT 1 FROM activity_participants ap WHERE ap.activity_id = a.id
              AND ap.city_id = a.city_id AND ap.person_id = ${me})`,
        ])}
        ORDER BY a.held_on DESC, a.id DESC LIMIT 1000`,
  );
}

/** The branch an activity is logged for: a volunteer logs for their own branch only. */
async function branchFor(tx: Executor, user: SessionUser, scope: Scope, asked: number | undefined) {
  if (scope.kind === "grids") {
    const [me] = await selectRows<{ branchId: number | null }>(
      tx,
      sql`SELECT branch_id AS "branchId" FROM people WHERE id = ${user.personId ?? 0}`,
    );
    const own = me?.branchId ?? null;
    if (own === null) throw new AppError(403, "no_branch", { key: "activity.no_branch" });
    if (asked !== undefined && asked !== own) {
      throw new AppError(403, "not_your_branch", { key: "activity.not_your_branch" });
    }
    return own;
  }
  if (asked === undefined) return refuse({ branchId: { key: "activity.branch_required" } });
  const [branch] = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM volunteer_branches WHERE id = ${asked} AND city_id = ${user.cityId}`,
  );
  if (!branch) refuse({ branchId: { key: "activity.branch_unknown" } });
  return asked;
}

async function logActivityIn(tx: Executor, user: SessionUser, scope: Scope, input: NewActivity) {
  if (input.heldOn > todayInChina(new Date())) refuse({ heldOn: { key: "activity.future" } });
  const branchId = await branchFor(tx, user, scope, input.branchId);
  const gridId = input.gridId === undefined ? null : ownGrid(scope, input.gridId);
  const personIds = input.participants.map((p) => p.personId);
  const known = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM people WHERE city_id = ${user.cityId} AND id = ANY(${intArray(personIds)})`,
  );
  const knownIds = new Set(known.map((k) => k.id));
  input.participants.forEach((p, i) => {
    if (!knownIds.has(p.personId))
      refuse({
        [`participants.${i}.personId`]: {
          key: "activity.person_unknown",
          params: { id: p.personId },
        },
      });
    if (personIds.indexOf(p.personId) !== i)
      refuse({ [`participants.${i}.personId`]: { key: "activity.person_twice" } });
  });
  if (input.photoIds.length) {
    const photos = await selectRows<{ id: number }>(
      tx,
      sql`SELECT id FROM files WHERE city_id = ${user.cityId} AND id = ANY(${intArray(input.photoIds)})`,
    );
    if (photos.length !== new Set(input.photoIds).size)
      refuse({ photoIds: { key: "problem.photo_unknown" } });
  }
  const hours = Math.max(...input.participants.map((p) => p.hours));
  const [row] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO volunteer_activities (city_id, branch_id, grid_id, kind, title, held_on, hours)
        VALUES (${user.cityId}, ${branchId}, ${gridId}, ${input.kind}, ${input.title}, ${input.heldOn}, ${hours})
        RETURNING id`,
  );
  if (!row) throw new Error("the activity was not written");
  await tx.execute(sql`INSERT INTO activity_participants (city_id, activity_id, person_id, hours)
    VALUES ${sql.join(
      input.participants.map((p) => sql`(${user.cityId}, ${row.id}, ${p.personId}, ${p.hours})`),
      sql`, `,
    )}`);
  for (const fileId of new Set(input.photoIds)) {
    await tx.execute(sql`INSERT INTO activity_photos (city_id, activity_id, file_id)
      VALUES (${user.cityId}, ${row.id}, ${fileId})`);
  }
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: "create",
    entity: "volunteer_activity",
    entityId: row.id,
    after: { ...input, branchId, gridId },
  });
  return row.id;
}

/** Logs a branch's activity in its own transaction; returns its id. */
export const logActivity = inTransaction(logActivityIn);
