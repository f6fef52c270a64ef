// Patrols (巡查): start, append the phone's sampled positions in batches, stop; the track is
// rebuilt from the stored points after every batch, so a patrol cut short still shows its walk.
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { isoTime, queryPage, whereAll } from "../db/query-helpers.ts";
import { AppError, invalidFields, notFound } from "../errors.ts";
import type { Page } from "../geojson.ts";
import { patrolsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { ownGrid, personOf } from "./caller.ts";

export interface TrackPoint {
  lon: number;
  lat: number;
  /** ISO 8601 */
  at: string;
  accuracyM?: number | undefined;
}

export interface PatrolSummary {
  id: number;
  personId: number;
  personName: string;
  gridId: number | null;
  gridCode: string | null;
  startedAt: string;
  endedAt: string | null;
  lengthM: number;
  pointCount: number;
  /** The track as GeoJSON text; null until it has two points. */
  geometry: string;
}

const columns = sql`t.id, t.person_id AS "personId", pe.name AS "personName", t.grid_id AS "gridId",
  g.code AS "gridCode", ${isoTime(sql`t.started_at`)} AS "startedAt",
  CASE WHEN t.ended_at IS NULL THEN NULL ELSE ${isoTime(sql`t.ended_at`)} END AS "endedAt",
  round(t.length_m)::float8 AS "lengthM", t.point_count AS "pointCount",
  COALESCE(ST_AsGeoJSON(t.track, 7), 'null') AS geometry`;
const from = sql`patrols t JOIN people pe ON pe.id = t.person_id AND pe.city_id = t.city_id
  LEFT JOIN grids g ON g.id = t.grid_id AND g.city_id = t.city_id`;

export async function getPatrol(ex: Executor, scope: Scope, id: number) {
  const [row] = await selectRows<PatrolSummary>(
    ex,
    sql`SELECT ${columns} FROM ${from} WHERE t.id = ${id} AND ${patrolsReadable(scope)}`,
  );
  return row ?? null;
}

export interface PatrolFilters {
  gridId?: number | undefined;
  /** YYYY-MM-DD, China time, inclusive. */
  from: string;
  to?: string | undefined;
  mine?: boolean | undefined;
}

export function listPatrols(
  ex: Executor,
  scope: Scope,
  user: SessionUser,
  filters: PatrolFilters,
  page: Page,
) {
  return queryPage<PatrolSummary>(ex, {
    columns,
    from,
    where: whereAll([
      patrolsReadable(scope),
      filters.gridId !== undefined && sql`t.grid_id = ${filters.gridId}`,
      sql`t.started_at >= (${filters.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      filters.to !== undefined &&
        sql`t.started_at < ((${filters.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      filters.mine === true && sql`t.person_id = ${user.personId ?? 0}`,
    ]),
    orderBy: sql`t.started_at DESC, t.id DESC`,
    ...page,
  });
}

async function startPatrolIn(
  tx: Executor,
  user: SessionUser,
  scope: Scope,
  input: { gridId?: number | undefined; points: TrackPoint[] },
) {
  const personId = personOf(user);
  const gridId = ownGrid(scope, input.gridId);
  const startedAt = input.points[0]?.at ?? new Date().toISOString();
  const [row] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO patrols (city_id, person_id, user_id, grid_id, started_at)
        VALUES (${user.cityId}, ${personId}, ${user.id}, ${gridId}, ${startedAt}) RETURNING id`,
  );
  if (!row) throw new Error("the patrol was not written");
  await appendPoints(tx, user.cityId, row.id, input.points);
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: "start",
    entity: "patrol",
    entityId: row.id,
    after: { gridId, startedAt, points: input.points.length },
  });
  return row.id;
}

/** Appends a batch (and ends the patrol when `stop`); only the walker may, and only while it runs. */
async function addToPatrolIn(
  tx: Executor,
  user: SessionUser,
  id: number,
  input: { points: TrackPoint[]; stop: boolean },
) {
  const [patrol] = await selectRows<{ personId: number; ended: boolean }>(
    tx,
    sql`SELECT person_id AS "personId", ended_at IS NOT NULL AS ended FROM patrols
        WHERE id = ${id} AND city_id = ${user.cityId} FOR UPDATE`,
  );
  if (!patrol || patrol.personId !== user.personId) {
    throw notFound("patrol", id);
  }
  if (patrol.ended) throw new AppError(409, "patrol_ended", { key: "patrol.ended" });
  await appendPoints(tx, user.cityId, id, input.points);
  if (input.stop) {
    await tx.execute(sql`UPDATE patrols SET ended_at = GREATEST(started_at, now(),
        (SELECT max(at) FROM patrol_points WHERE patrol_id = ${id})) WHERE id = ${id}`);
  }
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: input.stop ? "stop" : "track",
    entity: "patrol",
    entityId: id,
    after: { points: input.points.length },
  });
}

/**
 * Stores the batch after the patrol's last point; a batch starting before that point (time going
 * backwards across batches) is refused naming its first point, as a backwards step inside one is.
 */
async function appendPoints(tx: Executor, cityId: number, patrolId: number, points: TrackPoint[]) {
  if (!points.length) return;
  const [last] = await selectRows<{ seq: number; at: string }>(
    tx,
    sql`SELECT seq, ${isoTime(sql`at`)} AS at FROM patrol_points WHERE patrol_id = ${patrolId}
        ORDER BY seq DESC LIMIT 1`,
  );
  const first = points[0];
  if (last && first && Date.parse(first.at) < Date.parse(last.at)) {
    throw invalidFields({
      "points.0.at": {
        key: "patrol.time_backwards",
        params: { index: 0, at: first.at, previous: last.at },
      },
    });
  }
  await storeTrackPoints(tx, cityId, patrolId, points, last?.seq ?? 0);
}

/** Stores points after sequence number `afterSeq` and rebuilds the track from all of them. */
export async function storeTrackPoints(
  tx: Executor,
  cityId: number,
  patrolId: number,
  points: TrackPoint[],
  afterSeq: number,
) {
  const rows = points.map(
    (p, i) =>
      sql`(${cityId}, ${patrolId}, ${afterSeq + i + 1}, ${p.at}, ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326), ${p.accuracyM ?? null})`,
  );
  await tx.execute(sql`INSERT INTO patrol_points (city_id, patrol_id, seq, at, location, accuracy_m)
    VALUES ${sql.join(rows, sql`, `)}`);
  await rebuildTracks(tx, [patrolId]);
}

/** The patrols' tracks, lengths and point counts from their stored points. */
export async function rebuildTracks(tx: Executor, patrolIds: number[]) {
  const ids = sql.raw(`ARRAY[${patrolIds.filter(Number.isSafeInteger).join(",")}]::int[]`);
  await tx.execute(sql`UPDATE patrols t SET track = line.track, point_count = line.n,
      length_m = COALESCE(ST_Length(line.track::geography), 0)
    FROM (SELECT patrol_id, count(*)::int AS n, CASE WHEN count(*) >= 2
            THEN ST_MakeLine(location ORDER BY seq) END AS track
          FROM patrol_points WHERE patrol_id = ANY(${ids}) GROUP BY patrol_id) line
    WHERE t.id = line.patrol_id`);
}

/** Starts a patrol in its own transaction; returns its id. */
export const startPatrol = inTransaction(startPatrolIn);
/** Adds a batch of positions to a running patrol (and ends it on `stop`), in its own transaction. */
export const addToPatrol = inTransaction(addToPatrolIn);
