// Writes the demo's volunteering (patrols, dedication days, activities) after its people and grids.
import type { SeedVolunteering } from "@civgrid/seeds";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { storeTrackPoints } from "../volunteers/patrols.ts";

type KeyOf = (kind: "grid" | "person" | "branch", key: string) => number;

const pointSql = (p: { lon: number; lat: number }) =>
  sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`;

async function insertReturning(tx: Executor, query: ReturnType<typeof sql>) {
  const [row] = await selectRows<{ id: number }>(tx, query);
  if (!row) throw new Error("seed dataset: a row was not written");
  return row.id;
}

export async function loadVolunteering(
  tx: Executor,
  cityId: number,
  data: SeedVolunteering,
  keyOf: KeyOf,
) {
  for (const patrol of data.patrols) {
    const first = patrol.points[0];
    const last = patrol.points.at(-1);
    if (!first || !last) continue;
    const id = await insertReturning(
      tx,
      sql`INSERT INTO patrols (city_id, person_id, grid_id, started_at, ended_at)
          VALUES (${cityId}, ${keyOf("person", patrol.personKey)}, ${keyOf("grid", patrol.gridKey)},
            ${first.at}, ${last.at}) RETURNING id`,
    );
    await storeTrackPoints(tx, cityId, id, patrol.points, 0);
  }
  for (const day of data.dedicationDays) {
    const id = await insertReturning(
      tx,
      sql`INSERT INTO dedication_days (city_id, grid_id, held_on, title)
          VALUES (${cityId}, ${keyOf("grid", day.gridKey)}, ${day.heldOn}, ${day.title}) RETURNING id`,
    );
    for (const s of day.signups) {
      await tx.execute(sql`INSERT INTO dedication_signups (city_id, day_id, person_id, signed_up_at,
          checked_in_at, check_in_location, check_in_accuracy_m)
        VALUES (${cityId}, ${id}, ${keyOf("person", s.personKey)}, (${day.heldOn}::date - 3)::timestamp AT TIME ZONE 'Asia/Shanghai',
          ${s.checkIn?.at ?? null}, ${s.checkIn ? pointSql(s.checkIn) : null}, ${s.checkIn?.accuracyM ?? null})`);
    }
  }
  for (const activity of data.activities) {
    const hours = Math.max(...activity.participants.map((p) => p.hours));
    const id = await insertReturning(
      tx,
      sql`INSERT INTO volunteer_activities (city_id, branch_id, grid_id, kind, title, held_on, hours)
          VALUES (${cityId}, ${keyOf("branch", activity.branchKey)},
            ${activity.gridKey ? keyOf("grid", activity.gridKey) : null}, ${activity.kind},
            ${activity.title}, ${activity.heldOn}, ${hours}) RETURNING id`,
    );
    await tx.execute(sql`INSERT INTO activity_participants (city_id, activity_id, person_id, hours)
      VALUES ${sql.join(
        activity.participants.map(
          (p) => sql`(${cityId}, ${id}, ${keyOf("person", p.personKey)}, ${p.hours})`,
        ),
        sql`, `,
      )}`);
  }
  return {
    patrols: data.patrols.length,
    dedicationDays: data.dedicationDays.length,
    activities: data.activities.length,
  };
}
