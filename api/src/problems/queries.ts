// Reading problems and their rectification history.
import { CHINA_OFFSET_MS } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import {
  type Bbox,
  intersectsBbox,
  isoTime,
  type Page,
  queryPage,
  whereAll,
} from "../db/query-helpers.ts";
import type { HexColumn, ProblemStatus } from "../db/schema/index.ts";
import { problemEscalations } from "../notifications/escalation.ts";
import { maySeeReporterPhone } from "../policy/personal-data.ts";
import { problemsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { hasEnded, isOpen, openProblem } from "./open.ts";

/**
 * A problem is open until it is closed; ledger items wait for their review, not a deadline. One
 * waiting for dispatch has no deadline (NULL), so it is never overdue: `coalesce` keeps the
 * answer true or false, never NULL, so that "not overdue" finds it too.
 */
const pastDeadline = sql`(p.deadline < now() AND ${openProblem})`;
/** The start of today in China time (UTC+8): today's deadlines so far run from it to now. */
export const startOfChinaToday = sql`to_timestamp((civgrid_china_day(now()) - date '1970-01-01') * 86400 - ${CHINA_OFFSET_MS / 1000}::int)`;
/** Whether problem p is overdue: false, never NULL, while it waits for dispatch (no deadline). */
export const overdue = sql`coalesce(${pastDeadline}, false)`;

/** Since when a problem waiting for dispatch has waited: its report, or the unit's sending back. */
/**
 * Since when a problem waits for dispatch. The subquery names the city as a value, not only as
 * p's: Citus sends a correlated subquery to one shard only when its own table is tied to a value.
 */
export const awaitingSince = (cityId: number) =>
  sql`CASE WHEN p.status IN ('reported', 'sent_back') THEN ${isoTime(
    sql`coalesce((SELECT max(e.at) FROM rectification_events e WHERE e.city_id = ${cityId}
    AND e.problem_id = p.id AND e.city_id = p.city_id AND e.action = 'send_back'), p.reported_at)`,
  )} END`;

export interface ProblemFilters {
  status?: ProblemStatus[] | undefined;
  gridId?: number | undefined;
  unitId?: number | undefined;
  source?: "inspection" | "patrol" | "citizen" | undefined;
  severity?: "minor" | "normal" | "serious" | undefined;
  overdue?: boolean | undefined;
  /** "urgency": overdue first, then the nearest deadline (a unit's inbox); default newest first. */
  sort?: "newest" | "urgency" | undefined;
  bbox?: Bbox | undefined;
  /** A category of the evaluation standard (through the problem's item). */
  categoryId?: number | undefined;
  /** Reported at or after start and before end. */
  reported?: { start: Date; end: Date } | undefined;
  /** In these hexagon cells of one band (the leaders' map). */
  cells?: { column: HexColumn; ids: number[] } | undefined;
}

export interface ProblemRow {
  id: number;
  status: ProblemStatus;
  /** Carried by every step, so that two people acting at once cannot both win. */
  version: number;
  severity: string;

  source: string;
  description: string;
  gridId: number | null;
  gridCode: string | null;
  unitId: number | null;
  unitName: string | null;
  itemCode: string | null;
  itemTitle: string | null;
  deduction: number;
  /** ISO 8601 timestamps */
  deadline: string | null;
  overdue: boolean;
  /** Waiting for dispatch (reported or sent back) since then; null once dispatched. */
  awaitingSince: string | null;
  /** Closed as a second report of this problem. */
  duplicateOf: number | null;
  reportedAt: string;
  closedAt: string | null;
  /** A unit's request for more time waits for the coordinator's answer. */
  extensionRequested: boolean;
  /** No grid contains the place: routed to the nearest grid, for the coordinator to check. */
  routedToNearest: boolean;
  geometry: string;
}

const columnsIn = (
  cityId: number,
) => sql`p.id, p.status, p.version, p.severity, p.source, p.description,
  p.grid_id AS "gridId", g.code AS "gridCode", p.unit_id AS "unitId", u.name AS "unitName",
  i.code AS "itemCode", i.title AS "itemTitle", p.deduction::float8 AS deduction,
  ${isoTime(sql`p.deadline`)} AS deadline, ${overdue} AS overdue,
  ${awaitingSince(cityId)} AS "awaitingSince", p.duplicate_of AS "duplicateOf",
  ${isoTime(sql`p.reported_at`)} AS "reportedAt", ${isoTime(sql`p.closed_at`)} AS "closedAt",
  p.extension_days_requested IS NOT NULL AS "extensionRequested",
  p.routed_to_nearest AS "routedToNearest",
  ST_AsGeoJSON(p.location, 7) AS geometry`;

const from = sql`problems p
  LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
  LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
  LEFT JOIN standard_items i ON i.id = p.item_id AND i.city_id = p.city_id`;

/** `column IN (…)` for the statuses asked for; nothing when none is. */
export function statusIn(column: SQL, statuses: readonly ProblemStatus[] | undefined) {
  if (!statuses?.length) return undefined;
  return sql`${column} IN (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** The problems (alias p) the scope may read that pass the filters: lists and analytics share it. */
export function problemsWhere(scope: Scope, filters: ProblemFilters & { id?: number }) {
  return whereAll([
    problemsReadable(scope),
    filters.id !== undefined && sql`p.id = ${filters.id}`,
    statusIn(sql`p.status`, filters.status),
    filters.gridId !== undefined && sql`p.grid_id = ${filters.gridId}`,
    filters.unitId !== undefined && sql`p.unit_id = ${filters.unitId}`,
    filters.source !== undefined && sql`p.source = ${filters.source}`,
    filters.severity !== undefined && sql`p.severity = ${filters.severity}`,
    filters.overdue === true && pastDeadline, // as the partial index on open deadlines reads it
    filters.overdue === false && sql`NOT ${overdue}`,
    intersectsBbox(sql`p.location`, filters.bbox),
    filters.categoryId !== undefined &&
      sql`p.item_id IN (SELECT si.id FROM standard_items si
        WHERE si.category_id = ${filters.categoryId} AND si.city_id = p.city_id)`,
    filters.reported &&
      sql`p.reported_at >= ${filters.reported.start.toISOString()}::timestamptz
        AND p.reported_at < ${filters.reported.end.toISOString()}::timestamptz`,
    filters.cells &&
      sql`p.${sql.raw(filters.cells.column)} IN (${sql.join(
        filters.cells.ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  ]);
}

export function listProblems(ex: Executor, scope: Scope, filters: ProblemFilters, page: Page) {
  return queryPage<ProblemRow>(ex, {
    columns: columnsIn(scope.cityId),
    from,
    where: problemsWhere(scope, filters),
    orderBy:
      filters.sort === "urgency" ? urgencyOrder(filters) : sql`p.reported_at DESC, p.id DESC`,
    count: countFromRollup(scope, filters),
    ...page,
  });
}

/** Statuses after which a problem is no longer open (urgency lists them last). */
const doneStatuses: readonly ProblemStatus[] = ["closed", "ledger"];

/**
 * Urgency: open problems first, then the nearest deadline. Where every match is on the same side
 * (one status, or only overdue ones) the first key is the same for all and is left out, so the
 * order is the (status, deadline, id) or open-deadline index's own (migrations 0018, 0037) and the
 * first page is a short walk, not a sort of every match; otherwise the urgency index's expression.
 */
function urgencyOrder(filters: ProblemFilters): SQL {
  const done = filters.status?.map((s) => doneStatuses.includes(s));
  const oneSide = filters.overdue === true || (done?.length && done.every((d) => d === done[0]));
  return oneSide
    ? sql`p.deadline NULLS LAST, p.id`
    : sql`(${hasEnded(sql`p.status`)}), p.deadline NULLS LAST, p.id`;
}

/** The filters the rollup cannot answer (all but status, source, overdue and sort: the compiler keeps it so). */
const narrowingFilters: Record<
  Exclude<keyof ProblemFilters, "status" | "source" | "sort">,
  true
> = {
  gridId: true,
  unitId: true,
  severity: true,
  overdue: true,
  bbox: true,
  categoryId: true,
  reported: true,
  cells: true,
};

/**
 * The whole city's problems under the status, source and overdue filters are summed from the
 * list's rollup (problem_list_counts: status × source × deadline day): counting a million problems
 * for every page of the campaign office's list took 130–220 ms a request. "Overdue" is the open
 * problems of the days before today (China time) plus today's past their deadline, counted from
 * the open-deadline index. Other filters (and `overdue=false`) count the problems.
 */
export function countFromRollup(scope: Scope, filters: ProblemFilters): SQL | undefined {
  const narrowed = (Object.keys(narrowingFilters) as (keyof typeof narrowingFilters)[]).some(
    (key) => filters[key] !== undefined && !(key === "overdue" && filters.overdue === true),
  );
  if (scope.kind !== "city" || narrowed) return undefined;
  const rolledUp = sql`SELECT coalesce(sum(problems), 0)::int AS n FROM problem_list_counts
    WHERE ${whereAll([
      sql`city_id = ${scope.cityId}`,
      statusIn(sql`status`, filters.status),
      filters.source !== undefined && sql`source = ${filters.source}`,
      filters.overdue === true &&
        sql`${isOpen(sql`status`)} AND deadline_day < civgrid_china_day(now())`,
    ])}`;
  if (filters.overdue !== true) return sql`SELECT (${rolledUp}) AS total`;
  const dueToday = sql`SELECT count(*)::int FROM problems p WHERE ${problemsWhere(scope, {
    status: filters.status,
    source: filters.source,
    overdue: true,
  })} AND p.deadline >= ${startOfChinaToday}`;
  return sql`SELECT (${rolledUp}) + (${dueToday}) AS total`;
}

export interface RectificationEventRow {
  seq: number;
  action: string;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus;
  actorName: string;
  note: string | null;
  reason: string | null;
  /** The unit a dispatch sent it to, and the deadline a step set. */
  unitName: string | null;
  deadline: string | null;
  at: string;
}

export async function getProblem(ex: Executor, scope: Scope, id: number) {
  const [problem] = await selectRows<ProblemRow>(
    ex,
    sql`SELECT ${columnsIn(scope.cityId)} FROM ${from} WHERE ${problemsWhere(scope, { id })}`,
  );
  if (!problem) return null;
  const events = await selectRows<RectificationEventRow>(
    ex,
    sql`SELECT e.seq, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
          e.actor_name AS "actorName", e.note, e.reason, u.name AS "unitName",
          ${isoTime(sql`e.deadline`)} AS deadline, ${isoTime(sql`e.at`)} AS at
        FROM rectification_events e LEFT JOIN units u ON u.id = e.unit_id AND u.city_id = e.city_id
        WHERE e.city_id = ${scope.cityId} AND e.problem_id = ${id} ORDER BY e.seq`,
  );
  const photos = await problemPhotos(ex, scope.cityId, id);
  const [extension] = await selectRows<{
    days: number | null;
    reason: string | null;
    reviewOn: string | null;
    reporterPhone: string | null;
  }>(
    ex,
    sql`SELECT extension_days_requested AS days, extension_reason AS reason, review_on::text AS "reviewOn",
          reporter_phone AS "reporterPhone"
        FROM problems WHERE city_id = ${scope.cityId} AND id = ${id}`,
  );
  const duplicates = await selectRows<{ id: number }>(
    ex,
    sql`SELECT id FROM problems WHERE city_id = ${scope.cityId} AND duplicate_of = ${id} ORDER BY id`,
  );
  return {
    ...problem,
    duplicates: duplicates.map((d) => d.id),
    extensionRequest: extension?.days ? { days: extension.days, reason: extension.reason } : null,
    reviewOn: extension?.reviewOn ?? null,
    reporterPhone: maySeeReporterPhone(scope) ? (extension?.reporterPhone ?? null) : null,
    events,
    escalations: await problemEscalations(ex, scope.cityId, id),
    photos: photos.map((p) => ({
      ...p,
      url: `/api/files/${p.fileId}`,
      thumbnailUrl: `/api/files/${p.fileId}/thumbnail`,
    })),
  };
}

/** A problem's photos, before then after, each with the step that added it (null: the report). */
export function problemPhotos(ex: Executor, cityId: number, problemId: number) {
  return selectRows<{ fileId: number; phase: "before" | "after"; eventSeq: number | null }>(
    ex,
    sql`SELECT pp.file_id AS "fileId", pp.phase, e.seq AS "eventSeq"
        FROM problem_photos pp
          LEFT JOIN rectification_events e ON e.id = pp.event_id AND e.city_id = pp.city_id
        WHERE pp.city_id = ${cityId} AND pp.problem_id = ${problemId} ORDER BY pp.phase DESC, pp.id`,
  );
}
