// The shapes the tasks API answers with, for the OpenAPI document.
import { z } from "@hono/zod-openapi";
import { phaseKinds, taskAssignmentStatuses } from "../db/schema/index.ts";

const phase = z.enum(phaseKinds);
const status = z.enum(taskAssignmentStatuses);

/** What a task's summary and its detail both say of it. */
const taskFields = {
  id: z.number().int(),
  campaignId: z.number().int(),
  phase,
  title: z.string(),
  description: z.string(),
  deadline: z.string().openapi({ format: "date-time" }),
  itemId: z.number().int().nullable(),
};

export const taskSummarySchema = z
  .object({
    ...taskFields,
    assignments: z.number().int(),
    done: z.number().int(),
    inProgress: z.number().int(),
    returned: z.number().int(),
    overdue: z.number().int().openapi({ description: "Assignments not done past the deadline" }),
    doneLate: z.number().int(),
  })
  .openapi("TaskSummary");

export const taskListSchema = z
  .object({ tasks: z.array(taskSummarySchema), total: z.number().int() })
  .openapi("TaskList");

export const assignmentSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    gridId: z.number().int().nullable(),
    gridName: z.string().nullable(),
    status,
    progress: z.number().int(),
    note: z.string().nullable(),
    completedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    remindedAt: z.string().nullable(),
    remindCount: z.number().int(),
    overdue: z.boolean(),
    doneLate: z.boolean(),
    evidence: z.array(
      z.object({ id: z.number().int(), name: z.string(), mime: z.string(), url: z.string() }),
    ),
  })
  .openapi("TaskAssignment");

export const taskDetailSchema = z
  .object({ ...taskFields, assignments: z.array(assignmentSchema) })
  .openapi("Task");

const counts = { overdue: z.number().int(), done: z.number().int(), total: z.number().int() };
export const matrixSchema = z
  .object({
    tasks: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        phase: z.enum(phaseKinds),
        deadline: z.string(),
        ...counts,
      }),
    ),
    units: z.array(z.object({ id: z.number().int(), name: z.string(), ...counts })),
    cells: z.array(
      z.object({
        taskId: z.number().int(),
        unitId: z.number().int(),
        assignmentId: z.number().int(),
        status,
        progress: z.number().int(),
        overdue: z.boolean(),
        doneLate: z.boolean(),
      }),
    ),
  })
  .openapi("TaskMatrix");

export const importedSchema = z
  .object({ created: z.array(z.number().int()).openapi({ description: "ids of the new tasks" }) })
  .openapi("TasksImported");
