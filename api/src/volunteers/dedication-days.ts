// Grid dedication days (创城网格奉献日): the campaign office schedules them per grid, a grid's
// volunteers sign up, and attendance is a check-in from a position inside the grid.
import { insideChina } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { isoTime, whereAll } from "../db/query-helpers.ts";
import { invalidFields, type Message, notFound } from "../errors.ts";
import { dedicationDaysReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { todayInChina } from "../rankings/period.ts";
import { type DayRange, personOf, withinDays } from "./caller.ts";

/** A check-in this close outside the boundary still counts when the phone's fix is this loose. */
const MAX_TOLERANCE_M = 50;

export interface DedicationDay {
  id: number;
  gridId: number;
  gridCode: string;
  gridName: string;
  heldOn: string;
  title: string;
  note: string | null;
  signedUp: number;
  checkedIn: number;
  /** The caller's own sign-up, when they have one. */
  mine: { signedUpAt: string; checkedInAt: string | null } | null;
}

const refuse = (field: string, message: Message): never => {
  throw invalidFields({ [field]: message });
};

export function listDedicationDays(
  ex: Executor,
  scope: Scope,
  user: SessionUser,
  filters: DayRange & { id?: number; gridId?: number | undefined },
) {
  return selectRows<DedicationDay>(
    ex,
    sql`SELECT d.id, d.grid_id AS "gridId", g.code AS "gridCode", g.name AS "gridName",
          to_char(d.held_on, 'YYYY-MM-DD') AS "heldOn", d.title, d.note,
          (SELECT count(*)::int FROM dedication_signups s WHERE s.day_id = d.id
             AND s.city_id = d.city_id) AS "signedUp",
          (SELECT count(*)::int FROM dedication_signups s WHERE s.day_id = d.id AND s.city_id = d.city_id
             AND s.checked_in_at IS NOT NULL) AS "checkedIn",
          (SELECT json_build_object('signedUpAt', ${isoTime(sql`s.signed_up_at`)},
              'checkedInAt', CASE WHEN s.checked_in_at IS NULL THEN NULL ELSE ${isoTime(sql`s.checked_in_at`)} END)
             FROM dedication_signups s WHERE s.day_id = d.id AND s.city_id = d.city_id
               AND s.person_id = ${user.personId ?? 0}) AS mine
        FROM dedication_days d JOIN grids g ON g.id = d.grid_id AND g.city_id = d.city_id
        WHERE ${whereAll([
          dedicationDaysReadable(scope),
          filters.id !== undefined && sql`d.id = ${filters.id}`,
          withinDays(sql`d.held_on`, filters),
          filters.gridId !== undefined && sql`d.grid_id = ${filters.gridId}`,
        ])}
        ORDER BY d.held_on, g.code, d.id LIMIT 500`,
  );
}

export async function getDedicationDay(ex: Executor, scope: Scope, user: SessionUser, id: number) {
  const [day] = await listDedicationDays(ex, scope, user, { id });
  if (!day) {
    throw notFound("dedication_day", id);
  }
  return day;
}

export interface DaySignUp {
  personId: number;
  name: string;
  signedUpAt: string;
  checkedInAt: string | null;
}

/** Who signed up for a day the caller may see, and who came, in order of signing up. */
export async function daySignUps(ex: Executor, scope: Scope, user: SessionUser, dayId: number) {
  await getDedicationDay(ex, scope, user, dayId);
  return selectRows<DaySignUp>(
    ex,
    sql`SELECT s.person_id AS "personId", pe.name, ${isoTime(sql`s.signed_up_at`)} AS "signedUpAt",
          CASE WHEN s.checked_in_at IS NULL THEN NULL ELSE ${isoTime(sql`s.checked_in_at`)} END AS "checkedInAt"
        FROM dedication_signups s JOIN people pe ON pe.id = s.person_id AND pe.city_id = s.city_id
        WHERE s.day_id = ${dayId} ORDER BY s.signed_up_at, s.person_id`,
  );
}

async function scheduleDedicationDayIn(
  tx: Executor,
  user: SessionUser,
  input: { gridId: number; heldOn: string; title: string; note?: string | undefined },
) {
  if (input.heldOn < todayInChina(new Date())) refuse("heldOn", { key: "dedication.past" });
  const [grid] = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM grids WHERE id = ${input.gridId} AND city_id = ${user.cityId} AND deleted_at IS NULL`,
  );
  if (!grid)
    refuse("gridId", {
      key: "error.not_found",
      params: { entity: "entity.grid", id: input.gridId },
    });
  const [row] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO dedication_days (city_id, grid_id, held_on, title, note, created_by)
        VALUES (${user.cityId}, ${input.gridId}, ${input.heldOn}, ${input.title}, ${input.note ?? null}, ${user.id})
        RETURNING id`,
  );
  if (!row) throw new Error("the dedication day was not written");
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: "create",
    entity: "dedication_day",
    entityId: row.id,
    after: input,
  });
  return row.id;
}

async function dayOf(tx: Executor, scope: Scope, id: number) {
  const [day] = await selectRows<{ heldOn: string; gridId: number; gridName: string }>(
    tx,
    sql`SELECT to_char(d.held_on, 'YYYY-MM-DD') AS "heldOn", d.grid_id AS "gridId", g.name AS "gridName"
        FROM dedication_days d JOIN grids g ON g.id = d.grid_id AND g.city_id = d.city_id
        WHERE d.id = ${id} AND ${dedicationDaysReadable(scope)}`,
  );
  if (!day) {
    throw notFound("dedication_day", id);
  }
  return day;
}

/** Signs the caller up; signing up twice is the same as once. */
async function signUpIn(tx: Executor, user: SessionUser, scope: Scope, dayId: number) {
  const personId = personOf(user);
  const day = await dayOf(tx, scope, dayId);
  if (day.heldOn < todayInChina(new Date())) refuse("dayId", { key: "dedication.past" });
  const [row] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO dedication_signups (city_id, day_id, person_id) VALUES (${user.cityId}, ${dayId}, ${personId})
        ON CONFLICT (city_id, day_id, person_id) DO NOTHING RETURNING id`,
  );
  if (row) {
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "sign_up",
      entity: "dedication_day",
      entityId: dayId,
      after: { personId },
    });
  }
}

/**
 * Records attendance: on the day itself, from a position inside the grid (within the fix's
 * accuracy, at most 50 m, of its boundary). A volunteer who turns up without signing up is signed up.
 */
async function checkInIn(
  tx: Executor,
  user: SessionUser,
  scope: Scope,
  dayId: number,
  at: { lon: number; lat: number; accuracyM?: number | undefined },
) {
  const personId = personOf(user);
  const day = await dayOf(tx, scope, dayId);
  const today = todayInChina(new Date());
  if (day.heldOn !== today)
    refuse("dayId", { key: "dedication.not_today", params: { day: day.heldOn } });
  if (!insideChina([at.lon, at.lat])) {
    refuse("location", { key: "problem.outside_china", params: { lon: at.lon, lat: at.lat } });
  }
  const here = sql`ST_SetSRID(ST_MakePoint(${at.lon}, ${at.lat}), 4326)`;
  const [where] = await selectRows<{ outsideM: number }>(
    tx,
    sql`SELECT ST_Distance(g.geom::geography, ${here}::geography)::float8 AS "outsideM"
        FROM grids g WHERE g.id = ${day.gridId}`,
  );
  const outsideM = where?.outsideM ?? 0;
  if (outsideM > Math.min(at.accuracyM ?? 0, MAX_TOLERANCE_M)) {
    refuse("location", {
      key: "dedication.outside_grid",
      params: {
        grid: day.gridName,
        metres: Math.round(outsideM),
        km: (outsideM / 1000).toFixed(1),
      },
    });
  }
  await tx.execute(sql`INSERT INTO dedication_signups (city_id, day_id, person_id, checked_in_at,
      check_in_location, check_in_accuracy_m)
    VALUES (${user.cityId}, ${dayId}, ${personId}, now(), ${here}, ${at.accuracyM ?? null})
    ON CONFLICT (city_id, day_id, person_id) DO UPDATE SET checked_in_at = COALESCE(dedication_signups.checked_in_at, EXCLUDED.checked_in_at),
      check_in_location = COALESCE(dedication_signups.check_in_location, EXCLUDED.check_in_location),
      check_in_accuracy_m = COALESCE(dedication_signups.check_in_accuracy_m, EXCLUDED.check_in_accuracy_m)`);
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: "check_in",
    entity: "dedication_day",
    entityId: dayId,
    after: { personId, location: [at.lon, at.lat], accuracyM: at.accuracyM ?? null },
  });
}

/** Schedules a dedication day in its own transaction; returns its id. */
export const scheduleDedicationDay = inTransaction(scheduleDedicationDayIn);
/** Signs the volunteer up for a day, in its own transaction. */
export const signUp = inTransaction(signUpIn);
/** Checks the volunteer in on the day from a position inside the grid, in its own transaction. */
export const checkIn = inTransaction(checkInIn);
