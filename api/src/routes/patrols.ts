// /api/patrols: a volunteer's patrols (巡查) with their tracks, and an area's patrol history.

import { insideChina } from "@civgrid/geo";
import { z } from "@hono/zod-openapi";
import type { Executor } from "../db/client.ts";
import { fieldMessage, notFound } from "../errors.ts";
import type { Page } from "../geojson.ts";
import { asFeature, propertiesOf } from "../geojson.ts";
import { idempotent } from "../middleware/idempotency.ts";
import { requirePermission } from "../middleware/session.ts";
import type { Scope } from "../policy/scope.ts";
import { mondayOf } from "../volunteers/caller.ts";
import { addToPatrol, getPatrol, listPatrols, startPatrol } from "../volunteers/patrols.ts";
import { bodyId, booleanFlag, calendarDate, id, idPath, page } from "./query.ts";
import {
  collectionSchema,
  featureSchema,
  geojson,
  jsonBody,
  listRoute,
  newRouter,
  pagedCollection,
  readRoute,
  routesOf,
} from "./router.ts";

const route = routesOf("volunteers", {
  400: "A field is not valid; `fields` names the bad point by its index",
  403: "Not a volunteer's or grid leader's, or not their grid",
  404: "No such patrol of the caller's",
  409: "The patrol has ended",
});

const trackPoint = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    at: z.string().datetime({ offset: true, message: fieldMessage("field.invalid") }),
    accuracyM: z.number().min(0).max(100_000).optional(),
  })
  .strict()
  .openapi("TrackPoint", { description: "A WGS84 position the phone sampled, with its time" });

/** Positions in time order and in China; a bad one is named by its index (points.3.at). */
const track = z
  .array(trackPoint)
  .max(2000)
  .default([])
  .superRefine((points, ctx) => {
    points.forEach((p, i) => {
      if (!insideChina([p.lon, p.lat])) {
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: fieldMessage("problem.outside_china", { lon: p.lon, lat: p.lat }),
        });
      }
      const previous = points[i - 1];
      if (previous && Date.parse(p.at) < Date.parse(previous.at)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "at"],
          message: fieldMessage("patrol.time_backwards", {
            index: i,
            at: p.at,
            previous: previous.at,
          }),
        });
      }
    });
  });

const patrolProperties = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  gridId: z.number().int().nullable(),
  gridCode: z.string().nullable(),
  startedAt: z.string().openapi({ format: "date-time" }),
  endedAt: z.string().nullable().openapi({ format: "date-time" }),
  lengthM: z.number(),
  pointCount: z.number().int(),
});
const PatrolFeature = featureSchema("Patrol", patrolProperties);
const PatrolCollection = collectionSchema("PatrolCollection", PatrolFeature);

async function patrolFeature(ex: Executor, scope: Scope, id: number) {
  const patrol = await getPatrol(ex, scope, id);
  if (!patrol) throw notFound("patrol", id);
  return asFeature(patrol);
}

export const patrolRoutes = newRouter()
  .openapi(
    listRoute(
      "volunteers",
      "Patrols with their tracks (LineString; null until two points), newest first: by default this week's",
      z
        .object({
          limit: page.limit,
          offset: page.offset,
          gridId: id.optional(),
          from: calendarDate
            .optional()
            .openapi({ description: "first day (China time); default this week's Monday" }),
          to: calendarDate.optional(),
          mine: booleanFlag,
        })
        .strict(),
      geojson(PatrolCollection, "Patrols as tracks"),
    ),
    async (c) => {
      const q = c.req.valid("query");
      const filters = { ...q, from: q.from ?? mondayOf(new Date()) };
      const list = (p: Page) => listPatrols(c.var.db.orm, c.var.scope, c.var.user, filters, p);
      return c.json(await pagedCollection(c.req.url, q, list, propertiesOf), 200);
    },
  )
  .openapi(
    readRoute("volunteers", "One patrol with its track", geojson(PatrolFeature, "The patrol")),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await patrolFeature(c.var.db.orm, c.var.scope, id), 200);
    },
  )
  .openapi(
    route("post", "/", {
      summary:
        "Start a patrol in one of my grids (the first when none is named), with any first points",
      middleware: [requirePermission("patrols.write"), idempotent] as const,
      request: jsonBody(z.object({ gridId: bodyId.optional(), points: track }).strict()),
      responses: { 201: geojson(PatrolFeature, "The patrol, running") },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { orm } = c.var.db;
      const patrolId = await startPatrol(orm, c.var.user, c.var.scope, input);
      return c.json(await patrolFeature(orm, c.var.scope, patrolId), 201);
    },
  )
  .openapi(
    route("post", "/{id}/points", {
      summary:
        "Add a batch of sampled positions to my running patrol; `stop: true` ends it after the batch",
      middleware: [requirePermission("patrols.write"), idempotent] as const,
      request: {
        params: idPath,
        ...jsonBody(z.object({ points: track, stop: z.boolean().default(false) }).strict()),
      },
      responses: { 200: geojson(PatrolFeature, "The patrol with its track so far") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { orm } = c.var.db;
      await addToPatrol(orm, c.var.user, id, c.req.valid("json"));
      return c.json(await patrolFeature(orm, c.var.scope, id), 200);
    },
  );
