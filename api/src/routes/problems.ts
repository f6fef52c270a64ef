// GET /api/problems and /api/problems/{id}: problems with their rectification status and history.
import { createRoute, z } from "@hono/zod-openapi";
import {
  problemSeverities,
  problemSources,
  problemStatuses,
  rectificationActions,
} from "../db/schema/index.ts";
import { exportProblems } from "../problems/export.ts";
import { getProblem, listProblems } from "../problems/queries.ts";

import { booleanFlag, downloadLanguage, id, listOf, oneOf, page } from "./query.ts";
import {
  attachment,
  collectionSchema,
  featureLayer,
  featureSchema,
  geojson,
  newRouter,
  readErrors,
  readerLanguage,
} from "./router.ts";

const status = z.enum(problemStatuses);
const problemProperties = z.object({
  id: z.number().int(),
  status,
  version: z.number().int(),
  severity: z.enum(problemSeverities),

  source: z.enum(problemSources),
  description: z.string(),
  gridId: z.number().int().nullable(),
  gridCode: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  itemCode: z.string().nullable(),
  itemTitle: z.string().nullable(),
  deduction: z.number().openapi({ description: "points lost (失分)" }),
  deadline: z.string().nullable().openapi({ format: "date-time" }),
  overdue: z.boolean().openapi({
    description: "past its deadline and open; never while waiting for dispatch",
  }),
  awaitingSince: z.string().nullable().openapi({
    format: "date-time",
    description: "waiting for dispatch (reported or sent back) since then; null once dispatched",
  }),
  duplicateOf: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "closed as a second report of this problem" }),
  reportedAt: z.string().openapi({ format: "date-time" }),
  closedAt: z.string().nullable().openapi({ format: "date-time" }),
  extensionRequested: z.boolean(),
  routedToNearest: z
    .boolean()
    .openapi({ description: "outside every grid: routed to the nearest one" }),
});
const problemDetailProperties = problemProperties.extend({
  reporterPhone: z.string().nullable().openapi({
    description:
      "the citizen reporter's mobile number, for the staff who call back; null for others",
  }),
  events: z.array(
    z.object({
      seq: z.number().int(),
      action: z.enum(rectificationActions),
      fromStatus: status.nullable(),
      toStatus: status,
      actorName: z.string(),
      note: z.string().nullable(),
      reason: z.string().nullable(),
      unitName: z.string().nullable().openapi({ description: "dispatch: the unit sent to" }),
      deadline: z.string().nullable().openapi({
        format: "date-time",
        description: "the deadline this step set (dispatch, return, reopen, extension)",
      }),
      at: z.string().openapi({ format: "date-time" }),
    }),
  ),
  duplicates: z
    .array(z.number().int())
    .openapi({ description: "problems closed as second reports of this one" }),
  escalations: z
    .array(
      z.object({
        level: z.number().int(),
        workingDaysOverdue: z.number().int(),
        at: z.string().openapi({ format: "date-time" }),
      }),
    )
    .openapi({ description: "each escalation (督办) of the problem, oldest first" }),
  extensionRequest: z
    .object({ days: z.number().int(), reason: z.string().nullable() })
    .nullable()
    .openapi({ description: "a unit's request for more time, waiting for the coordinator" }),
  reviewOn: z.string().nullable().openapi({
    format: "date",
    description: "on the ledger (挂账): when it is to be looked at again",
  }),
  photos: z
    .array(
      z.object({
        fileId: z.number().int(),
        phase: z.enum(["before", "after"]),
        eventSeq: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "null: came with the report" }),
        url: z.string(),
        thumbnailUrl: z.string(),
      }),
    )
    .openapi({ description: "photos as found (before) and as rectified (after)" }),
});
export const ProblemCollection = collectionSchema(
  "ProblemCollection",
  featureSchema("Problem", problemProperties),
);
export const ProblemFeature = featureSchema("ProblemDetail", problemDetailProperties);

/** The filters the list and its CSV export share. */
const problemFilters = {
  status: listOf(problemStatuses),
  gridId: id.optional(),
  unitId: id.optional(),
  source: oneOf(problemSources).optional(),
  severity: oneOf(problemSeverities).optional(),
  overdue: booleanFlag,
};

const exportQuery = z
  .object({ bbox: page.bbox, ...problemFilters, lang: downloadLanguage })
  .strict();

export const problemRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/export.csv",
      tags: ["problems"],
      summary: "Export the problems the caller may see as CSV (问题台账), with the list's filters",
      request: { query: exportQuery },
      responses: {
        200: {
          content: { "text/csv": { schema: z.string() } },
          description: "UTF-8 CSV with a BOM",
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const { lang, ...filters } = c.req.valid("query");
      const csv = await exportProblems(c.var.db.orm, c.var.scope, filters, readerLanguage(c, lang));
      c.header("content-disposition", attachment("problems.csv", "问题台账.csv"));
      return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8" });
    },
  )
  .route(
    "/",
    featureLayer(
      "problems",
      {
        summary: "List problems (问题), newest first",
        query: z
          .object({ ...page, ...problemFilters, sort: oneOf(["newest", "urgency"]).optional() })
          .strict(),
        ok: geojson(ProblemCollection, "Problems as points"),
        rows: listProblems,
      },
      {
        summary: "One problem with its rectification history (整改记录)",
        ok: geojson(ProblemFeature, "The problem"),
        entity: "problem",
        one: (c, id) => getProblem(c.var.db.orm, c.var.scope, id),
      },
    ),
  );
