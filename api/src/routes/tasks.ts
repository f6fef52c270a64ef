// /api/campaigns and /api/tasks: the campaign's phases, the task list (任务清单) down to each unit
// and grid, each assignee's progress and completion, the coordinator's matrix, XLSX in and out.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { phaseKinds } from "../db/schema/index.ts";
import { fieldMessage, invalidFields } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import {
  campaignInputSchema,
  campaignSchema,
  currentCampaign,
  getCampaign,
  listCampaigns,
} from "../tasks/campaigns.ts";
import {
  type AssignmentStep,
  createTask,
  importTasks,
  setUpCampaign,
  stepAssignment,
} from "../tasks/create.ts";
import {
  importedSchema,
  matrixSchema,
  taskDetailSchema,
  taskListSchema,
} from "../tasks/openapi.ts";
import { getTask, listTasks, taskMatrix } from "../tasks/queries.ts";
import { taskInputSchema } from "../tasks/rules.ts";
import { tasksForExport, taskWorkbook } from "../tasks/sheet.ts";
import { bodyId, booleanFlag, id, idPath, oneOf, page, trimmedText } from "./query.ts";
import {
  type AppEnv,
  actorOf,
  download,
  fileUpload,
  json,
  jsonBody,
  newRouter,
  pageOf,
  routesOf,
  workbookAnswer,
  XLSX,
} from "./router.ts";

const route = routesOf("tasks", {
  400: "A field is not valid; `fields` names each one (sheets: `row N`)",
  403: "The role may not do this",
  404: "No such record the caller may read",
  409: "The assignment is not in a state that allows this",
});
const write = requirePermission("tasks.write");
const progress = requirePermission("tasks.progress");

const reasonSchema = trimmedText(2, 500);
const campaignQuery = z
  .object({ campaignId: id.openapi({ param: { name: "campaignId", in: "query" } }) })
  .strict();

export const campaignRoutes = newRouter()
  .openapi(
    route("get", "/", {
      summary: "The city's campaigns with their four phases and the current phase",
      responses: {
        200: json(z.object({ campaigns: z.array(campaignSchema) }), "Newest first"),
      },
    }),
    async (c) => c.json({ campaigns: await listCampaigns(c.var.db.orm, c.var.user.cityId) }, 200),
  )
  .openapi(
    route("get", "/current", {
      summary: "The campaign running today (or the newest), for the header; null when none",
      responses: {
        200: json(z.object({ campaign: campaignSchema.nullable() }), "The campaign"),
      },
    }),
    async (c) => c.json({ campaign: await currentCampaign(c.var.db.orm, c.var.user.cityId) }, 200),
  )
  .openapi(
    route("post", "/", {
      summary:
        "Set up a campaign with its four phases (宣传发动/创建实施/检查考核/巩固提高), in order",
      middleware: [write] as const,
      request: jsonBody(campaignInputSchema),
      responses: { 201: json(campaignSchema, "The campaign") },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const created = await setUpCampaign(c.var.db.orm, actorOf(c), input);
      return c.json(await getCampaign(c.var.db.orm, c.var.user.cityId, created), 201);
    },
  );

const assignmentResponses = {
  200: json(taskDetailSchema, "The task as the caller now sees it"),
  ...route.errors,
};

/** `POST /assignments/{id}/<step>`: one step on an assignment, for those the middleware lets by. */
function assignmentRoute<B extends { body?: ReturnType<typeof jsonBody>["body"] }>(
  step: AssignmentStep["kind"],
  summary: string,
  who: typeof write,
  body: B,
) {
  return createRoute({
    method: "post",
    path: `/assignments/{id}/${step}`,
    tags: ["tasks"],
    summary,
    middleware: [who] as const,
    request: { params: idPath, ...body },
    responses: assignmentResponses,
  });
}

/** Takes one step on the assignment named in the path and answers with its task. */
async function onAssignment(c: Context<AppEnv>, assignmentId: number, step: AssignmentStep) {
  const taskId = await stepAssignment(c.var.db.orm, actorOf(c), c.var.scope, assignmentId, step);
  return c.json(await getTask(c.var.db.orm, c.var.scope, taskId), 200);
}

const progressSchema = z
  .object({
    progress: z
      .number()
      .int(fieldMessage("field.integer", { min: 0, max: 99 }))
      .min(0, fieldMessage("field.integer", { min: 0, max: 99 }))
      .max(99, fieldMessage("field.integer", { min: 0, max: 99 })),
    note: z
      .string()
      .max(2000, fieldMessage("field.text", { min: 0, max: 2000 }))
      .optional(),
  })
  .strict();
const completeSchema = z
  .object({
    note: trimmedText(2, 2000),
    fileIds: z.array(bodyId).max(20).default([]),
  })
  .strict();
const returnSchema = z.object({ reason: reasonSchema }).strict();

export const taskRoutes = newRouter()
  .openapi(
    route("get", "/", {
      summary:
        "Tasks with an assignment the caller may read (a unit admin: its unit's and its grids'), most overdue first",
      request: {
        query: z
          .object({
            campaignId: id.optional(),
            phase: oneOf(phaseKinds).optional(),
            unitId: id.optional(),
            gridId: id.optional(),
            overdue: booleanFlag,
            open: booleanFlag,
            limit: page.limit,
            offset: page.offset,
          })
          .strict(),
      },
      responses: {
        200: json(taskListSchema, "Tasks with counts over the readable assignments"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { rows, total } = await listTasks(c.var.db.orm, c.var.scope, { ...q, ...pageOf(q) });
      return c.json({ tasks: rows, total }, 200);
    },
  )
  .openapi(
    route("post", "/", {
      summary:
        "Create a task for units and/or grids in one action (unitKinds: e.g. all hospitals); the deadline must lie within its phase",
      middleware: [write] as const,
      request: jsonBody(taskInputSchema),
      responses: {
        201: json(taskDetailSchema, "The task with one assignment per unit and grid"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const created = await createTask(c.var.db.orm, actorOf(c), input);
      return c.json(await getTask(c.var.db.orm, c.var.scope, created), 201);
    },
  )
  .openapi(
    route("get", "/matrix", {
      summary: "Tasks × units of a campaign (done / in progress / overdue), what is late first",
      request: { query: campaignQuery },
      responses: { 200: json(matrixSchema, "The matrix") },
    }),
    async (c) => {
      const { campaignId } = c.req.valid("query");
      await getCampaign(c.var.db.orm, c.var.user.cityId, campaignId);
      return c.json(await taskMatrix(c.var.db.orm, c.var.scope, campaignId), 200);
    },
  )
  .openapi(
    route("get", "/export", {
      summary:
        "A campaign's task list as XLSX (任务名称, 任务说明, 阶段, 截止日期, 责任单位, 责任网格, 完成情况)",
      middleware: [write] as const,
      request: { query: campaignQuery },
      responses: {
        200: download(XLSX, "XLSX"),
      },
    }),
    async (c) => {
      const { campaignId } = c.req.valid("query");
      const campaign = await getCampaign(c.var.db.orm, c.var.user.cityId, campaignId);
      const rows = await tasksForExport(c.var.db.orm, c.var.user.cityId, campaignId);
      const bytes = await taskWorkbook(campaign.name, rows);
      return workbookAnswer(c, bytes, `tasks-${campaignId}.xlsx`, `${campaign.name}任务清单.xlsx`);
    },
  )
  .openapi(
    route("post", "/import", {
      summary: "Import tasks from XLSX into a campaign: every row checked first, all rows or none",
      middleware: [write] as const,
      request: {
        query: campaignQuery,
        ...fileUpload,
      },
      responses: { 201: json(importedSchema, "The new tasks") },
    }),
    async (c) => {
      const { campaignId } = c.req.valid("query");
      await getCampaign(c.var.db.orm, c.var.user.cityId, campaignId);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      if (!(form.file instanceof File)) throw invalidFields({ file: { key: "field.file_xlsx" } });
      const bytes = await form.file.arrayBuffer();
      const created = await importTasks(c.var.db.orm, actorOf(c), campaignId, bytes);
      return c.json({ created }, 201);
    },
  )
  .openapi(
    route.read(
      "One task with the assignments the caller may read, each with its evidence",
      json(taskDetailSchema, "The task"),
    ),
    async (c) => c.json(await getTask(c.var.db.orm, c.var.scope, c.req.valid("param").id), 200),
  )
  .openapi(
    assignmentRoute(
      "progress",
      "The assignee reports progress (percent and a note)",
      progress,
      jsonBody(progressSchema),
    ),
    (c) => onAssignment(c, c.req.valid("param").id, { kind: "progress", ...c.req.valid("json") }),
  )
  .openapi(
    assignmentRoute(
      "complete",
      "The assignee completes the task with a note and evidence (photos or documents from /api/files/documents)",
      progress,
      jsonBody(completeSchema),
    ),
    (c) => onAssignment(c, c.req.valid("param").id, { kind: "complete", ...c.req.valid("json") }),
  )
  .openapi(
    assignmentRoute("remind", "Remind an assignee that has not finished (催办)", write, {}),
    (c) => onAssignment(c, c.req.valid("param").id, { kind: "remind" }),
  )
  .openapi(
    assignmentRoute(
      "return",
      "Return a completion with a reason (退回)",
      write,
      jsonBody(returnSchema),
    ),
    (c) => onAssignment(c, c.req.valid("param").id, { kind: "return", ...c.req.valid("json") }),
  );
