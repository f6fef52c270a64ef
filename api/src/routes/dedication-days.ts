// /api/dedication-days: grid dedication days (创城网格奉献日), sign-ups and check-ins.
import { z } from "@hono/zod-openapi";
import { idempotent } from "../middleware/idempotency.ts";
import { requirePermission } from "../middleware/session.ts";
import {
  checkIn,
  daySignUps,
  getDedicationDay,
  listDedicationDays,
  scheduleDedicationDay,
  signUp,
} from "../volunteers/dedication-days.ts";
import { bodyId, calendarDate, id, idPath, trimmedText } from "./query.ts";
import { json, jsonBody, newRouter, routesOf } from "./router.ts";

const route = routesOf("volunteers", {
  400: "A field is not valid (a check-in outside the grid says how far)",
  403: "The caller's role may not do this",
  404: "No such dedication day in the caller's grids",
});

const DedicationDay = z
  .object({
    id: z.number().int(),
    gridId: z.number().int(),
    gridCode: z.string(),
    gridName: z.string(),
    heldOn: z.string().openapi({ format: "date" }),
    title: z.string(),
    note: z.string().nullable(),
    signedUp: z.number().int(),
    checkedIn: z.number().int(),
    mine: z
      .object({ signedUpAt: z.string(), checkedInAt: z.string().nullable() })
      .nullable()
      .openapi({ description: "the caller's own sign-up and check-in" }),
  })
  .openapi("DedicationDay");

const DaySignUp = z
  .object({
    personId: z.number().int(),
    name: z.string(),
    signedUpAt: z.string(),
    checkedInAt: z.string().nullable(),
  })
  .openapi("DaySignUp");

export const dedicationDayRoutes = newRouter()
  .openapi(
    route("get", "/", {
      summary: "Dedication days of the grids the caller may see, soonest first",
      request: {
        query: z
          .object({
            from: calendarDate.optional(),
            to: calendarDate.optional(),
            gridId: id.optional(),
          })
          .strict(),
      },
      responses: { 200: json(z.object({ days: z.array(DedicationDay) }), "The days") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        { days: await listDedicationDays(c.var.db.orm, c.var.scope, c.var.user, q) },
        200,
      );
    },
  )
  .openapi(
    route("post", "/", {
      summary: "Schedule a dedication day for a grid (campaign office)",
      middleware: [requirePermission("tasks.write")] as const,
      request: jsonBody(
        z
          .object({
            gridId: bodyId,
            heldOn: calendarDate,
            title: trimmedText(1, 100),
            note: z.string().trim().max(1000).optional(),
          })
          .strict(),
      ),
      responses: { 201: json(DedicationDay, "The day") },
    }),
    async (c) => {
      const { orm } = c.var.db;
      const dayId = await scheduleDedicationDay(orm, c.var.user, c.req.valid("json"));
      return c.json(await getDedicationDay(orm, c.var.scope, c.var.user, dayId), 201);
    },
  )
  .openapi(
    route("get", "/{id}/sign-ups", {
      summary:
        "Who signed up for the day and who checked in (campaign office), in order of signing up",
      middleware: [requirePermission("tasks.write")] as const,
      request: { params: idPath },
      responses: {
        200: json(z.object({ signUps: z.array(DaySignUp) }), "The sign-ups"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const signUps = await daySignUps(c.var.db.orm, c.var.scope, c.var.user, id);
      return c.json({ signUps }, 200);
    },
  )
  .openapi(
    route("post", "/{id}/sign-up", {
      summary: "Sign up for a dedication day in one of my grids (again: no change)",
      middleware: [requirePermission("patrols.write"), idempotent] as const,
      request: { params: idPath },
      responses: { 200: json(DedicationDay, "The day with my sign-up") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { orm } = c.var.db;
      await signUp(orm, c.var.user, c.var.scope, id);
      return c.json(await getDedicationDay(orm, c.var.scope, c.var.user, id), 200);
    },
  )
  .openapi(
    route("post", "/{id}/check-in", {
      summary:
        "Check in on the day from a WGS84 position inside the grid (within the fix's accuracy, at most 50 m)",
      middleware: [requirePermission("patrols.write"), idempotent] as const,
      request: {
        params: idPath,
        ...jsonBody(
          z
            .object({
              lon: z.number().min(-180).max(180),
              lat: z.number().min(-90).max(90),
              accuracyM: z.number().min(0).max(100_000).optional(),
            })
            .strict(),
        ),
      },
      responses: { 200: json(DedicationDay, "The day with my check-in") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { orm } = c.var.db;
      await checkIn(orm, c.var.user, c.var.scope, id, c.req.valid("json"));
      return c.json(await getDedicationDay(orm, c.var.scope, c.var.user, id), 200);
    },
  );
