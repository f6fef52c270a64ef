// What an event is about and who must hear of it: the problem, task, material or dedication day,
// the params its text needs, and its recipients by role, unit and grid.
import { chinaDateTime, type EscalationTarget, type NotificationKind } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import {
  escalationRecipients,
  gridLeaders,
  type Recipients,
  signedUp,
  unitAdmins,
  withRole,
} from "./recipients.ts";

type ProblemKind = Extract<
  NotificationKind,
  | "problem_dispatched"
  | "problem_returned"
  | "problem_sent_back"
  | "problem_extension_requested"
  | "problem_extension_granted"
  | "problem_extension_refused"
  | "problem_due_soon"
  | "problem_overdue"
  | "report_status"
>;
type TaskKind = Extract<
  NotificationKind,
  "task_assigned" | "task_reminded" | "task_returned" | "task_due_tomorrow"
>;

/** Something that happened, as a service tells notify() about it. */
/** What happened, in which city (every lookup of its subject then names the city: issue 24). */
export type NotifyEvent = { cityId: number } & (
  | { kind: ProblemKind; problemId: number; reason?: string | null; days?: number | null }
  | {
      kind: "problem_escalated";
      problemId: number;
      level: number;
      days: number;
      targets: EscalationTarget[];
    }
  | { kind: TaskKind; assignmentId: number; reason?: string | null }
  | { kind: "material_returned"; materialId: number; reason: string }
  | { kind: "material_week_due"; unitId: number; deadline: Date }
  | { kind: "dedication_day_tomorrow"; dayId: number }
);

export interface Subject extends Recipients {
  cityId: number;
  refs: {
    problemId?: number;
    taskAssignmentId?: number;
    materialId?: number;
    dedicationDayId?: number;
  };
  params: Record<string, string | number | null>;
}

const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const when = (time: Date | string | null) => (time ? chinaDateTime(new Date(time)) : null);

async function problemSubject(
  ex: Executor,
  event: Extract<NotifyEvent, { problemId: number }>,
): Promise<Subject | null> {
  const [p] = await selectRows<{
    cityId: number;
    description: string;
    unitId: number | null;
    gridId: number | null;
    unit: string | null;
    grid: string | null;
    deadline: string | null;
    status: string;
    source: string;
    reporterPhone: string | null;
    reporterName: string | null;
  }>(
    ex,
    sql`SELECT p.city_id AS "cityId", p.description, p.unit_id AS "unitId", p.grid_id AS "gridId", u.short_name AS unit,
          coalesce(g.name, g.code) AS grid, p.deadline, p.status, p.source,
          p.reporter_phone AS "reporterPhone", p.reporter_name AS "reporterName"
        FROM problems p LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
          LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
        WHERE p.city_id = ${event.cityId} AND p.id = ${event.problemId}`,
  );
  if (!p) return null;
  const params = {
    problemId: event.problemId,
    description: short(p.description),
    unit: p.unit,
    grid: p.grid,
    deadline: when(p.deadline),
    status: p.status,
    ...("reason" in event && { reason: event.reason ?? null }),
    ...("days" in event && { days: event.days ?? null }),
    ...("level" in event && { level: event.level }),
  };
  const base = { cityId: p.cityId, refs: { problemId: event.problemId }, params };
  switch (event.kind) {
    case "problem_sent_back":
    case "problem_extension_requested":
      return { ...base, userIds: await withRole(ex, p.cityId, "coordinator"), outsiders: [] };
    case "problem_escalated":
      return { ...base, ...(await escalationRecipients(ex, p.cityId, p.unitId, event.targets)) };
    case "report_status":
      // The citizen who reported it, by SMS where they left a mobile number: no account, no bell.
      return {
        ...base,
        userIds: [],
        outsiders:
          p.source === "citizen" && p.reporterPhone
            ? [{ mobile: p.reporterPhone, name: p.reporterName ?? "" }]
            : [],
      };
    default:
      return {
        ...base,
        userIds: [
          ...(await unitAdmins(ex, p.cityId, p.unitId)),
          ...(await gridLeaders(ex, p.cityId, p.gridId)),
        ],
        outsiders: [],
      };
  }
}

async function taskSubject(
  ex: Executor,
  event: Extract<NotifyEvent, { assignmentId: number }>,
): Promise<Subject | null> {
  const [a] = await selectRows<{
    cityId: number;
    title: string;
    deadline: string;
    unitId: number | null;
    gridId: number | null;
  }>(
    ex,
    sql`SELECT a.city_id AS "cityId", t.title, t.deadline, a.unit_id AS "unitId", a.grid_id AS "gridId"
        FROM task_assignments a JOIN tasks t ON t.id = a.task_id AND t.city_id = a.city_id
        WHERE a.city_id = ${event.cityId} AND a.id = ${event.assignmentId}`,
  );
  if (!a) return null;
  return {
    cityId: a.cityId,
    refs: { taskAssignmentId: event.assignmentId },
    params: { title: short(a.title), deadline: when(a.deadline), reason: event.reason ?? null },
    userIds: [
      ...(await unitAdmins(ex, a.cityId, a.unitId)),
      ...(await gridLeaders(ex, a.cityId, a.gridId)),
    ],
    outsiders: [],
  };
}

/** The subject of an event, or null when what it names is gone. */
export async function subjectOf(ex: Executor, event: NotifyEvent): Promise<Subject | null> {
  if ("problemId" in event) return problemSubject(ex, event);
  if ("assignmentId" in event) return taskSubject(ex, event);
  if (event.kind === "material_returned") {
    const [m] = await selectRows<{ cityId: number; title: string; unitId: number }>(
      ex,
      sql`SELECT city_id AS "cityId", title, unit_id AS "unitId" FROM materials
          WHERE city_id = ${event.cityId} AND id = ${event.materialId}`,
    );
    if (!m) return null;
    return {
      cityId: m.cityId,
      refs: { materialId: event.materialId },
      params: { title: short(m.title), reason: event.reason },
      userIds: await unitAdmins(ex, m.cityId, m.unitId),
      outsiders: [],
    };
  }
  if (event.kind === "material_week_due") {
    const [u] = await selectRows<{ cityId: number; name: string }>(
      ex,
      sql`SELECT city_id AS "cityId", short_name AS name FROM units
          WHERE city_id = ${event.cityId} AND id = ${event.unitId}`,
    );
    if (!u) return null;
    return {
      cityId: u.cityId,
      refs: {},
      params: { unit: u.name, deadline: when(event.deadline) },
      userIds: await unitAdmins(ex, u.cityId, event.unitId),
      outsiders: [],
    };
  }
  const [d] = await selectRows<{ cityId: number; grid: string; heldOn: string; title: string }>(
    ex,
    sql`SELECT d.city_id AS "cityId", coalesce(g.name, g.code) AS grid, d.held_on::text AS "heldOn", d.title
        FROM dedication_days d JOIN grids g ON g.id = d.grid_id AND g.city_id = d.city_id
        WHERE d.city_id = ${event.cityId} AND d.id = ${event.dayId}`,
  );
  if (!d) return null;
  return {
    cityId: d.cityId,
    refs: { dedicationDayId: event.dayId },
    params: { grid: d.grid, heldOn: d.heldOn, title: d.title },
    userIds: await signedUp(ex, d.cityId, event.dayId),
    outsiders: [],
  };
}
