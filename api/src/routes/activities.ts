// /api/activities: volunteer activities (志愿服务活动), my hours, and the office's totals (XLSX too).
import { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { AppError, fieldMessage, notFound } from "../errors.ts";
import { idempotent } from "../middleware/idempotency.ts";
import { requirePermission } from "../middleware/session.ts";
import { activityKinds, listActivities, logActivity } from "../volunteers/activities.ts";
import { activityTotals, totalsWorkbook } from "../volunteers/activity-totals.ts";
import { bodyId, booleanFlag, calendarDate, oneOf, trimmedText } from "./query.ts";
import {
  type AppEnv,
  download,
  json,
  jsonBody,
  newRouter,
  routesOf,
  workbookAnswer,
  XLSX,
} from "./router.ts";

const route = routesOf("volunteers", {
  400: "A field is not valid; `fields` names it (participants.2.personId)",
  403: "Not the caller's branch, or not the campaign office's",
});

const Activity = z
  .object({
    id: z.number().int(),
    kind: z.enum(activityKinds),
    title: z.string(),
    heldOn: z.string().openapi({ format: "date" }),
    branchId: z.number().int(),
    branchName: z.string(),
    gridId: z.number().int().nullable(),
    gridCode: z.string().nullable(),
    hours: z.number(),
    participantCount: z.number().int(),
    personHours: z.number().openapi({ description: "all participants' hours together" }),
    myHours: z.number(),
    photoIds: z.array(z.number().int()),
  })
  .openapi("VolunteerActivity");

const activityBody = z
  .object({
    branchId: bodyId.optional().openapi({ description: "a volunteer's own branch by default" }),
    gridId: bodyId.optional(),
    kind: oneOf(activityKinds),
    title: trimmedText(1, 200),
    heldOn: calendarDate,
    participants: z
      .array(
        z
          .object({
            personId: bodyId,
            hours: z
              .number({ message: fieldMessage("activity.hours") })
              .min(0.5, fieldMessage("activity.hours"))
              .max(24, fieldMessage("activity.hours")),
          })
          .strict(),
      )
      .min(1, fieldMessage("activity.no_participants"))
      .max(500),
    photoIds: z.array(bodyId).max(20).default([]),
  })
  .strict();

const period = z.object({ from: calendarDate.optional(), to: calendarDate.optional() }).strict();

/** Totals across branches are the campaign office's (and the leadership's) to read. */
const cityWide: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.scope.kind !== "city") {
    throw new AppError(403, "forbidden", {
      key: "auth.forbidden",
      params: { role: `role.${c.var.user.role}` },
    });
  }
  await next();
};

export const activityRoutes = newRouter()
  .openapi(
    route("get", "/", {
      summary: "Volunteer activities the caller may see, newest first; `mine=true`: those I joined",
      request: { query: period.extend({ mine: booleanFlag }) },
      responses: {
        200: json(
          z.object({ activities: z.array(Activity), myHours: z.number() }),
          "Activities, with the caller's own hours in them added up",
        ),
      },
    }),
    async (c) => {
      const rows = await listActivities(
        c.var.db.orm,
        c.var.scope,
        c.var.user,
        c.req.valid("query"),
      );
      const myHours = rows.reduce((sum, a) => sum + a.myHours, 0);
      return c.json({ activities: rows, myHours }, 200);
    },
  )
  .openapi(
    route("post", "/", {
      summary: "Log a branch's activity: kind, date, grid, participants with hours, photos",
      middleware: [requirePermission("activities.write"), idempotent] as const,
      request: jsonBody(activityBody),
      responses: { 201: json(Activity, "The activity") },
    }),
    async (c) => {
      const { orm } = c.var.db;
      const id = await logActivity(orm, c.var.user, c.var.scope, c.req.valid("json"));
      const [row] = await listActivities(orm, c.var.scope, c.var.user, { id });
      if (!row) throw notFound("activity", id);
      return c.json(row, 201);
    },
  )
  .openapi(
    route("get", "/totals", {
      summary: "Hours per branch and per volunteer in a period (by activity date)",
      middleware: [cityWide] as const,
      request: { query: period },
      responses: {
        200: json(
          z.object({
            branches: z.array(
              z.object({
                branchId: z.number().int(),
                branchName: z.string(),
                activities: z.number().int(),
                volunteers: z.number().int(),
                hours: z.number(),
              }),
            ),
            volunteers: z.array(
              z.object({
                personId: z.number().int(),
                name: z.string(),
                branchName: z.string().nullable(),
                activities: z.number().int(),
                hours: z.number(),
              }),
            ),
          }),
          "branches and volunteers, most hours first",
        ),
      },
    }),
    async (c) =>
      c.json(await activityTotals(c.var.db.orm, c.var.user.cityId, c.req.valid("query")), 200),
  )
  .openapi(
    route("get", "/totals.xlsx", {
      summary: "The same totals as an XLSX workbook (志愿服务时长统计)",
      middleware: [cityWide] as const,
      request: { query: period },
      responses: {
        200: download(XLSX, "The workbook"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const totals = await activityTotals(c.var.db.orm, c.var.user.cityId, q);
      const bytes = await totalsWorkbook(totals, q);
      return workbookAnswer(c, bytes, "volunteer-hours.xlsx", "志愿服务时长统计.xlsx");
    },
  );
