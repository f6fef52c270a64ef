// Reporting a problem (from a patrol, an inspection or a citizen): located, routed to the grid that
// contains it and that grid's lead unit (no deadline until a coordinator dispatches it), and logged
// as the first event — once, however often a phone on a bad network sends the same report
// (Idempotency-Key, idempotency/once-per-key.ts).

import { CITY_MARGIN_M, formatKm, insideChina, isMainlandMobile } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Point } from "geojson";
import { recordAudit } from "../audit/record.ts";
import { type Executor, inTransaction, selectRows } from "../db/client.ts";
import { AppError, invalidFields, type Message } from "../errors.ts";
import { distanceFromCity } from "./city-area.ts";
import { nearbyOpenProblems } from "./duplicates.ts";
import { routeProblems } from "./routing.ts";

export interface NewProblem {
  source: "inspection" | "patrol" | "citizen";
  severity: "minor" | "normal" | "serious";
  description: string;
  /** null: take the position of the first photo that has one. */
  location: Point | null;
  gpsAccuracyM?: number | undefined;
  itemId?: number | undefined;
  pointId?: number | undefined;
  inspectionId?: number | undefined;
  deduction?: number | undefined;
  photoIds: number[];
  reporterName?: string | undefined;
  reporterPhone?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface Reporter {
  cityId: number;
  userId: number | null;
  name: string;
  /** A volunteer's grids: they report inside their own patrol area only. */
  onlyGridIds?: number[];
}

function refuse(fields: Record<string, Message>): never {
  throw invalidFields(fields);
}

async function locate(tx: Executor, cityId: number, p: NewProblem): Promise<[number, number]> {
  if (p.location) return p.location.coordinates as [number, number];
  if (!p.photoIds.length) refuse({ location: { key: "problem.location_or_photo" } });
  const [photo] = await selectRows<{ lon: number; lat: number }>(
    tx,
    sql`SELECT ST_X(exif_location) AS lon, ST_Y(exif_location) AS lat FROM files
        WHERE city_id = ${cityId} AND id = ANY(${sql.raw(`ARRAY[${p.photoIds.join(",")}]::int[]`)}) AND exif_location IS NOT NULL
        ORDER BY array_position(${sql.raw(`ARRAY[${p.photoIds.join(",")}]::int[]`)}, id) LIMIT 1`,
  );
  if (!photo) refuse({ location: { key: "problem.photo_without_position" } });
  return [photo.lon, photo.lat];
}

export async function createProblem(tx: Executor, reporter: Reporter, p: NewProblem) {
  // Staff call a citizen back on it: a number that cannot be called is refused, not stored.
  if (p.reporterPhone !== undefined && p.reporterPhone !== "" && !isMainlandMobile(p.reporterPhone))
    refuse({ phone: { key: "field.mainland_mobile" } });
  const [lon, lat] = await locate(tx, reporter.cityId, p);
  if (!insideChina([lon, lat])) {
    refuse({ location: { key: "problem.outside_china", params: { lon, lat } } });
  }
  const away = await distanceFromCity(tx, reporter.cityId, [lon, lat]);
  if (away !== null && away > CITY_MARGIN_M) {
    refuse({ location: { key: "problem.outside_city", params: { km: formatKm(away) } } });
  }
  const photos = p.photoIds.length
    ? await selectRows<{ id: number }>(
        tx,
        sql`SELECT id FROM files WHERE city_id = ${reporter.cityId} AND id = ANY(${sql.raw(`ARRAY[${p.photoIds.join(",")}]::int[]`)})`,
      )
    : [];
  if (photos.length !== new Set(p.photoIds).size)
    refuse({ photoIds: { key: "problem.photo_unknown" } });
  const [row] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO problems (city_id, source, severity, description, location, gps_accuracy_m, item_id, point_id,
          inspection_id, deduction, deadline, reported_by, reporter_name, reporter_phone, idempotency_key)
        VALUES (${reporter.cityId}, ${p.source}, ${p.severity}, ${p.description},
          ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326), ${p.gpsAccuracyM ?? null}, ${p.itemId ?? null}, ${p.pointId ?? null},
          ${p.inspectionId ?? null}, ${p.deduction ?? 0}, NULL,
          ${reporter.userId}, ${p.reporterName ?? null}, ${p.reporterPhone || null}, ${p.idempotencyKey ?? null})
        RETURNING id`,
  );
  if (!row) throw new Error("the problem was not written");
  await routeProblems(tx, reporter.cityId, [row.id]);
  if (reporter.onlyGridIds) {
    const [routed] = await selectRows<{ gridId: number | null; inside: boolean }>(
      tx,
      sql`SELECT grid_id AS "gridId", NOT routed_to_nearest AS inside FROM problems
          WHERE city_id = ${reporter.cityId} AND id = ${row.id}`,
    );
    if (!routed?.inside || !reporter.onlyGridIds.includes(routed.gridId ?? 0)) {
      throw new AppError(403, "outside_patrol_area", { key: "problem.outside_patrol_area" });
    }
  }
  for (const photo of photos) {
    await tx.execute(sql`INSERT INTO problem_photos (city_id, problem_id, file_id, phase)
      VALUES (${reporter.cityId}, ${row.id}, ${photo.id}, 'before')`);
  }
  await tx.execute(sql`INSERT INTO rectification_events (city_id, problem_id, seq, action, from_status, to_status, actor_user_id, actor_name, note)
    VALUES (${reporter.cityId}, ${row.id}, 1, 'report', NULL, 'reported', ${reporter.userId}, ${reporter.name}, ${p.description})`);
  await recordAudit(tx, {
    cityId: reporter.cityId,
    userId: reporter.userId,
    action: "report",
    entity: "problem",
    entityId: row.id,
    after: { ...p, location: [lon, lat] },
  });
  return { id: row.id, possibleDuplicates: await nearbyOpenProblems(tx, reporter.cityId, row.id) };
}

/** Reports a problem in its own transaction (a staff report from the app). */
export const reportProblem = inTransaction(createProblem);
