// Writes the demo's volunteering (patrols, dedication days, activities) after its people and
// grids: a few set-wise statements, since PGlite pays for every round trip.
import type { SeedVolunteering } from "@civgrid/seeds";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { rebuildTracks } from "../volunteers/patrols.ts";

type KeyOf = (kind: "grid" | "person" | "branch", key: string) => number;

const pointSql = (p: { lon: number; lat: number }) =>
  sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`;

/** INSERT … VALUES (rows) RETURNING id: the ids in the rows' order (checked by count). */
async function insertRows(tx: Executor, head: SQL, rows: SQL[]): Promise<number[]> {
  if (!rows.length) return [];
  const ids = await selectRows<{ id: number }>(
    tx,
    sql`${head} VALUES ${sql.join(rows, sql`, `)} RETURNING id`,
  );
  if (ids.length !== rows.length) throw new Error("seed dataset: a batch insert lost rows");
  return ids.map((r) => r.id);
}

async function insertAll(tx: Executor, head: SQL, rows: SQL[]) {
  if (rows.length) await tx.execute(sql`${head} VALUES ${sql.join(rows, sql`, `)}`);
}

export async function loadVolunteering(
  tx: Executor,
  cityId: number,
  data: SeedVolunteering,
  keyOf: KeyOf,
) {
  const patrols = data.patrols.filter((p) => p.points.length);
  const patrolIds = await insertRows(
    tx,
    sql`INSERT INTO patrols (city_id, person_id, grid_id, started_at, ended_at)`,
    patrols.map(
      (p) =>
        sql`(${cityId}, ${keyOf("person", p.personKey)}, ${keyOf("grid", p.gridKey)}, ${p.points[0]?.at}, ${p.points.at(-1)?.at})`,
    ),
  );
  await insertAll(
    tx,
    sql`INSERT INTO patrol_points (city_id, patrol_id, seq, at, location, accuracy_m)`,
    patrols.flatMap((p, i) =>
      p.points.map(
        (point, seq) =>
          sql`(${cityId}, ${patrolIds[i]}, ${seq + 1}, ${point.at}, ${pointSql(point)}, ${point.accuracyM})`,
      ),
    ),
  );
  await rebuildTracks(tx, patrolIds);

  const dayIds = await insertRows(
    tx,
    sql`INSERT INTO dedication_days (city_id, grid_id, held_on, title)`,
    data.dedicationDays.map(
      (d) => sql`(${cityId}, ${keyOf("grid", d.gridKey)}, ${d.heldOn}, ${d.title})`,
    ),
  );
  await insertAll(
    tx,
    sql`INSERT INTO dedication_signups (city_id, day_id, person_id, signed_up_at, checked_in_at,
      check_in_location, check_in_accuracy_m)`,
    data.dedicationDays.flatMap((day, i) =>
      day.signups.map(
        (s) => sql`(${cityId}, ${dayIds[i]}, ${keyOf("person", s.personKey)},
          (${day.heldOn}::date - 3)::timestamp AT TIME ZONE 'Asia/Shanghai', ${s.checkIn?.at ?? null},
          ${s.checkIn ? pointSql(s.checkIn) : null}, ${s.checkIn?.accuracyM ?? null})`,
      ),
    ),
  );

  const activityIds = await insertRows(
    tx,
    sql`INSERT INTO volunteer_activities (city_id, branch_id, grid_id, kind, title, held_on, hours)`,
    data.activities.map(
      (a) => sql`(${cityId}, ${keyOf("branch", a.branchKey)},
        ${a.gridKey ? keyOf("grid", a.gridKey) : null}, ${a.kind}, ${a.title}, ${a.heldOn},
        ${Math.max(...a.participants.map((p) => p.hours))})`,
    ),
  );
  await insertAll(
    tx,
    sql`INSERT INTO activity_participants (city_id, activity_id, person_id, hours)`,
    data.activities.flatMap((a, i) =>
      a.participants.map(
        (p) => sql`(${cityId}, ${activityIds[i]}, ${keyOf("person", p.personKey)}, ${p.hours})`,
      ),
    ),
  );
  return {
    patrols: patrolIds.length,
    dedicationDays: dayIds.length,
    activities: activityIds.length,
  };
}
