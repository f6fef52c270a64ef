// Restructurings of a community's grids (网格调整): their impact before applying, the list, and undo.
import { createRoute, z } from "@hono/zod-openapi";
import { requirePermission } from "../middleware/session.ts";
import { listRestructurings } from "../restructurings/list.ts";
import { previewRestructuring } from "../restructurings/preview.ts";
import { undoRestructuring } from "../restructurings/undo.ts";
import { bodyId, id, integerParam } from "./query.ts";
import { carryOver, line } from "./restructuring-schemas.ts";

import { actorOf, errorSchema, json, jsonBody, newRouter, readErrors, routesOf } from "./router.ts";

const route = routesOf("restructurings", readErrors);
const version = z.number().int().min(1);
const gridRef = z.object({ id: bodyId, version }).strict();

const operation = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("partition"),
      parts: z.array(z.unknown()).min(1).max(300),
      current: z.array(gridRef).max(1000),
      carryOver,
    })
    .strict(),
  z.object({ kind: z.literal("split"), gridId: bodyId, version, line, carryOver }).strict(),
  z
    .object({ kind: z.literal("merge"), grids: z.array(gridRef).min(2).max(10), carryOver })
    .strict(),
  z.object({ kind: z.literal("delete"), gridId: bodyId, version, carryOver }).strict(),
  z
    .object({
      kind: z.literal("import"),
      // The file's grids as its import preview answered them (WGS84).
      features: z
        .array(
          z
            .object({
              type: z.literal("Feature"),
              geometry: z.unknown(),
              properties: z.record(z.string(), z.unknown()).nullable(),
            })
            .strict(),
        )
        .min(1)
        .max(300),
      carryOver,
    })
    .strict(),
]);

const communityPath = z.object({ id: id.openapi({ param: { name: "id", in: "path" } }) });
const gridCodes = z.array(z.object({ id: z.number().int(), code: z.string() }));

const count = z.number().int();
const Impact = z
  .object({
    grids: z.array(
      z.object({
        gridId: count,
        code: z.string(),
        name: z.string(),
        openProblems: count,
        tasks: count,
        dedicationDays: count,
        volunteers: count,
        units: count,
        to: z
          .string()
          .nullable()
          .openapi({ description: "the code of the grid proposed to take it" }),
        options: z.array(z.object({ code: z.string(), sharePercent: z.number() })),
      }),
    ),
    receivers: z.array(z.object({ id: count, code: z.string(), name: z.string() })),
    problems: z.array(
      z.object({
        id: count,
        from: z.string().nullable(),
        to: z.string().nullable(),
        unit: z.string().nullable(),
      }),
    ),
  })
  .openapi("RestructuringImpact");

export const restructuringRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/restructurings/preview",
      tags: ["restructurings"],
      summary:
        "What a partition, split, merge, delete or import-replace would do to the work under way, by old grid, and which grid takes it",
      middleware: [requirePermission("grids.write")] as const,
      request: { params: communityPath, ...jsonBody(operation) },
      responses: {
        200: json(
          Impact,
          "By old grid: open problems, tasks, dedication days, volunteers, units, and the proposed receiver",
        ),
        ...readErrors,
        409: json(errorSchema, "A grid changed meanwhile"),
        422: json(errorSchema, "The change breaks the rules"),
      },
    }),
    async (c) => {
      const { id: communityId } = c.req.valid("param");
      const { carryOver: choice, ...op } = c.req.valid("json");
      const impact = await previewRestructuring(c.var.db.orm, actorOf(c), communityId, op, choice);
      return c.json(impact, 200);
    },
  )
  .openapi(
    route("get", "/{id}/restructurings", {
      summary: "The community's restructurings, newest first",
      middleware: [requirePermission("grids.write")] as const,
      request: {
        params: communityPath,
        query: z.object({ limit: integerParam(1, 200).optional() }).strict(),
      },
      responses: {
        200: json(
          z.object({
            restructurings: z.array(
              z.object({
                id: z.number().int(),
                kind: z.enum(["partition", "split", "merge", "delete", "import"]),
                by: z.string().nullable(),
                at: z.string().openapi({ format: "date-time" }),
                gridsBefore: gridCodes,
                gridsAfter: gridCodes,
                undone: z.boolean(),
                undoable: z.boolean(),
              }),
            ),
          }),
          "Newest first",
        ),
      },
    }),
    async (c) => {
      const { id: communityId } = c.req.valid("param");
      const { limit } = c.req.valid("query");
      const rows = await listRestructurings(
        c.var.db.orm,
        c.var.user.cityId,
        communityId,
        limit ?? 50,
      );
      return c.json({ restructurings: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/restructurings/{rid}/undo",
      tags: ["restructurings"],
      summary:
        "Undo a restructuring as a whole: grids, codes, assignments, moved work and re-routing",
      middleware: [requirePermission("grids.write")] as const,
      request: {
        params: communityPath.extend({
          rid: id.openapi({ param: { name: "rid", in: "path" } }),
        }),
      },
      responses: {
        200: json(z.object({ undone: z.number().int() }), "Undone"),
        ...readErrors,
        409: json(errorSchema, "Already undone, or grids changed since; the message names them"),
      },
    }),
    async (c) => {
      const { id: communityId, rid } = c.req.valid("param");
      await undoRestructuring(c.var.db.orm, actorOf(c), communityId, rid);
      return c.json({ undone: rid }, 200);
    },
  );
