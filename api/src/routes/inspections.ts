// /api/inspections: inspectors record inspections; failed items become problems.
import { INSPECTION_LIMITS, itemOutcomes } from "@civgrid/geo";
import { z } from "@hono/zod-openapi";
import { AppError, fieldMessage, notFound } from "../errors.ts";
import { getInspection, listInspections } from "../inspections/queries.ts";
import { recordInspection } from "../inspections/record.ts";
import { requirePermission } from "../middleware/session.ts";
import { bodyId, page } from "./query.ts";
import { json, jsonBody, newRouter, pageOf, routesOf } from "./router.ts";

const route = routesOf("inspections", {
  400: "A field is not valid",
  403: "Not the caller's to see or record",
  404: "No such inspection",
});
const kinds = ["self", "open", "covert", "mock", "supervision"] as const;

const inspectionBody = z
  .object({
    kind: z.enum(kinds, { message: fieldMessage("field.one_of", { values: kinds.join(", ") }) }),
    standardId: bodyId,
    startedAt: z
      .string()
      .datetime({ offset: true, message: fieldMessage("field.invalid") })
      .optional(),
    note: z.string().max(1000).optional(),
    visits: z
      .array(
        z.object({
          pointId: bodyId,
          results: z
            .array(
              z.object({
                itemId: bodyId,
                result: z.enum(itemOutcomes, {
                  message: fieldMessage("field.one_of", { values: "pass, fail, not_applicable" }),
                }),
                deduction: z.number().min(0).max(100).optional(),
                note: z.string().max(500).optional(),
                photoIds: z.array(bodyId).max(10).optional(),
              }),
            )
            .min(1)
            .max(100),
        }),
      )
      .min(1, fieldMessage("inspection.no_visits")),
  })
  .strict()
  .superRefine(({ visits }, ctx) => {
    const results = visits.flatMap((visit) => visit.results);
    const counts = {
      visits: visits.length,
      results: results.length,
      failed: results.filter((r) => r.result === "fail").length,
    };
    // The first cap passed names the problem: fewer visits fixes the others too.
    const over = (["visits", "results", "failed"] as const).find(
      (cap) => counts[cap] > INSPECTION_LIMITS[cap],
    );
    if (over) {
      const params = { max: INSPECTION_LIMITS[over], count: counts[over] };
      ctx.addIssue({
        code: "custom",
        path: ["visits"],
        message: fieldMessage(`inspection.too_many_${over}`, params),
      });
    }
  });

const Inspection = z
  .object({
    id: z.number().int(),
    kind: z.enum(kinds),
    standardName: z.string(),
    inspector: z.string().nullable(),
    startedAt: z.string().openapi({ format: "date-time" }),
    pointsVisited: z.number().int(),
    failed: z.number().int().openapi({ description: "results that failed" }),
    pointsLost: z.number(),
    problemIds: z.array(z.number().int()),
  })
  .openapi("Inspection");
const InspectionDetail = Inspection.extend({
  results: z.array(
    z.object({
      pointId: z.number().int(),
      pointName: z.string(),
      itemCode: z.string(),
      itemTitle: z.string(),
      result: z.enum(itemOutcomes),
      deduction: z.number(),
      note: z.string().nullable(),
    }),
  ),
}).openapi("InspectionDetail");

export const inspectionRoutes = newRouter();
// Inspections are the campaign office's and the inspectors' record; units see the problems they cause.
inspectionRoutes.use("*", async (c, next) => {
  if (c.var.scope.kind !== "city")
    throw new AppError(403, "forbidden", {
      key: "auth.forbidden",
      params: { role: `role.${c.var.user.role}` },
    });
  await next();
});
inspectionRoutes
  .openapi(
    route("post", "/", {
      summary:
        "Record an inspection: points visited, a result per item; failed items become problems",
      middleware: [requirePermission("inspections.write")] as const,
      request: {
        ...jsonBody(inspectionBody),
      },
      responses: {
        201: json(InspectionDetail, "The inspection with the problems it found"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const created = await recordInspection(c.var.db.orm, c.var.user, input);
      const inspection = await getInspection(c.var.db.orm, c.var.user.cityId, created.id);
      if (!inspection) throw notFound("inspection", created.id);
      return c.json(inspection, 201);
    },
  )
  .openapi(
    route("get", "/", {
      summary: "List inspections, newest first",
      request: { query: z.object({ limit: page.limit, offset: page.offset }).strict() },
      responses: {
        200: json(
          z.object({ inspections: z.array(Inspection), total: z.number().int() }),
          "Inspections",
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { rows, total } = await listInspections(c.var.db.orm, c.var.user.cityId, pageOf(q));
      return c.json({ inspections: rows, total }, 200);
    },
  )
  .openapi(
    route.read("One inspection with its results", json(InspectionDetail, "The inspection")),
    async (c) => {
      const { id } = c.req.valid("param");
      const inspection = await getInspection(c.var.db.orm, c.var.user.cityId, id);
      if (!inspection) throw notFound("inspection", id);
      return c.json(inspection, 200);
    },
  );
