// A task before it is saved: its input shape, and the checks that need the database — the
// deadline lies within its phase, and the assignees (units, grids, "all hospitals") exist.
import { hospitalKinds } from "@civgrid/geo";
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { phaseKinds, unitKinds } from "../db/schema/index.ts";
import { fieldMessage, type Message } from "../errors.ts";
import { bodyId } from "../routes/query.ts";
import { dateSchema } from "./campaigns.ts";
import { endOfDayInChina } from "./china-time.ts";

export { hospitalKinds };

export const assigneesSchema = z
  .object({
    unitIds: z.array(bodyId).max(500).optional(),
    gridIds: z.array(bodyId).max(500).optional(),
    unitKinds: z
      .array(
        z.enum(unitKinds, {
          message: fieldMessage("field.one_of", { values: unitKinds.join(", ") }),
        }),
      )
      .max(unitKinds.length)
      .optional()
      .openapi({
        description: `Every unit of these kinds, e.g. ${hospitalKinds.join(", ")} for all hospitals`,
      }),
  })
  .strict()
  .openapi("TaskAssignees");

export const taskInputSchema = z
  .object({
    campaignId: bodyId,
    phase: z.enum(phaseKinds, {
      message: fieldMessage("field.one_of", { values: phaseKinds.join(", ") }),
    }),
    title: z
      .string()
      .trim()
      .min(1, fieldMessage("field.text", { min: 1, max: 200 }))
      .max(200, fieldMessage("field.text", { min: 1, max: 200 })),
    description: z
      .string()
      .max(4000, fieldMessage("field.text", { min: 0, max: 4000 }))
      .default(""),
    deadline: dateSchema.openapi({ description: "The last day (China time); within the phase" }),
    itemId: bodyId.nullable().optional(),
    assignees: assigneesSchema,
  })
  .strict()
  .openapi("TaskInput");
export type TaskInput = z.infer<typeof taskInputSchema>;

export interface PreparedTask {
  input: TaskInput;
  deadline: Date;
  unitIds: number[];
  gridIds: number[];
}

const ids = (values: number[]) => sql.raw(`ARRAY[${values.map(Number).join(",")}]::int[]`);

/** Checks a task against the database; the problems keyed by field, or the task ready to insert. */
export async function prepareTask(
  ex: Executor,
  cityId: number,
  input: TaskInput,
): Promise<{ ok: true; task: PreparedTask } | { ok: false; problems: Record<string, Message> }> {
  const problems: Record<string, Message> = {};
  const [phase] = await selectRows<{ startsOn: string; endsOn: string }>(
    ex,
    sql`SELECT p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn"
        FROM campaign_phases p JOIN campaigns c ON c.id = p.campaign_id AND c.city_id = p.city_id
        WHERE c.city_id = ${cityId} AND c.id = ${input.campaignId} AND p.phase = ${input.phase}`,
  );
  if (!phase) {
    problems.campaignId = { key: "task.no_such_phase" };
  } else if (input.deadline < phase.startsOn || input.deadline > phase.endsOn) {
    problems.deadline = {
      key: "task.deadline_outside_phase",
      params: { phase: `phase.${input.phase}`, start: phase.startsOn, end: phase.endsOn },
    };
  }
  if (input.itemId) {
    const [item] = await selectRows(
      ex,
      sql`SELECT 1 FROM standard_items WHERE city_id = ${cityId} AND id = ${input.itemId}`,
    );
    if (!item) problems.itemId = { key: "field.unknown_id", params: { ids: String(input.itemId) } };
  }
  const { unitIds = [], gridIds = [], unitKinds: kinds = [] } = input.assignees;
  const units = await selectRows<{ id: number }>(
    ex,
    sql`SELECT id FROM units WHERE city_id = ${cityId}
        AND (id = ANY(${ids(unitIds)}) OR kind = ANY(${sql.raw(`ARRAY[${kinds.map((k) => `'${k}'`).join(",")}]::text[]`)}))
        ORDER BY id`,
  );
  const grids = await selectRows<{ id: number }>(
    ex,
    sql`SELECT id FROM grids WHERE city_id = ${cityId} AND deleted_at IS NULL
        AND id = ANY(${ids(gridIds)}) ORDER BY id`,
  );
  const missing = (asked: number[], found: { id: number }[]) =>
    asked.filter((id) => !found.some((f) => f.id === id));
  const unknownUnits = missing(unitIds, units);
  const unknownGrids = missing(gridIds, grids);
  if (unknownUnits.length) {
    problems["assignees.unitIds"] = {
      key: "field.unknown_id",
      params: { ids: unknownUnits.join(", ") },
    };
  }
  if (unknownGrids.length) {
    problems["assignees.gridIds"] = {
      key: "field.unknown_id",
      params: { ids: unknownGrids.join(", ") },
    };
  }
  if (!units.length && !grids.length && !unknownUnits.length && !unknownGrids.length) {
    problems.assignees = { key: "task.no_assignee" };
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  return {
    ok: true,
    task: {
      input,
      deadline: endOfDayInChina(input.deadline),
      unitIds: units.map((u) => u.id),
      gridIds: grids.map((g) => g.id),
    },
  };
}
