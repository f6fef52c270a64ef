// Writing problems: POST /api/problems (a report), POST /api/problems/{id}/transitions (the closed
// loop), and the coordinator's board.
import { problemStatuses } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { fieldMessage, notFound } from "../errors.ts";
import { asFeature } from "../geojson.ts";
import { IDEMPOTENCY_HEADER, idempotent } from "../middleware/idempotency.ts";
import { requirePermission } from "../middleware/session.ts";
import { problemBoard } from "../problems/board.ts";
import { reportProblem } from "../problems/create.ts";
import { dispatchProblem } from "../problems/dispatch.ts";
import { nearbyOpenProblems } from "../problems/duplicates.ts";
import { getProblem } from "../problems/queries.ts";
import { actions } from "../problems/rules.ts";
import { stepProblem } from "../problems/transitions.ts";
import { ProblemFeature } from "./problems.ts";
import { bodyId, calendarDate, idPath, trimmedText } from "./query.ts";
import { type AppEnv, errorResponses, json, jsonBody, newRouter, routesOf } from "./router.ts";

const route = routesOf("problems", {
  400: "A field is not valid",
  403: "The caller's role may not take this step, or it is not their unit's problem",
  404: "No such problem the caller may see",
  409: "The problem is not in a state that allows this step, or it changed; `current` says how it is",
});
const ids = z.array(bodyId).max(20);

const problemLine = {
  id: z.number().int(),
  description: z.string(),
  status: z.enum(problemStatuses),
  gridCode: z.string().nullable(),
  unitName: z.string().nullable(),
};
const Board = z
  .object({
    byStatus: z.partialRecord(z.enum(problemStatuses), z.number().int()),
    open: z.number().int(),
    overdueCount: z.number().int(),
    extensionRequests: z.number().int(),
    overdue: z.array(
      z.object({
        ...problemLine,
        deadline: z.string().openapi({ format: "date-time" }),
        daysOverdue: z.number().int(),
      }),
    ),
    awaitingDispatchCount: z.number().int(),
    awaitingDispatch: z.array(
      z.object({ ...problemLine, awaitingSince: z.string().openapi({ format: "date-time" }) }),
    ),
  })
  .openapi("ProblemBoard");
const PossibleDuplicate = z
  .object({
    id: z.number().int(),
    description: z.string(),
    status: z.enum(problemStatuses),
    distanceM: z.number(),
  })
  .openapi("PossibleDuplicate");

export async function problemFeature(c: Context<AppEnv>, id: number) {
  const problem = await getProblem(c.var.db.orm, c.var.scope, id);
  if (!problem) throw notFound("problem", id);
  return asFeature(problem);
}

const reportSchema = z
  .object({
    type: z.literal("Feature", { message: fieldMessage("field.one_of", { values: "Feature" }) }),
    geometry: z
      .object({
        type: z.literal("Point", { message: fieldMessage("field.one_of", { values: "Point" }) }),
        coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
          message: fieldMessage("field.invalid"),
        }),
      })
      .nullable(),
    properties: z
      .object({
        description: trimmedText(1, 500),
        severity: z
          .enum(["minor", "normal", "serious"], {
            message: fieldMessage("field.one_of", { values: "minor, normal, serious" }),
          })
          .default("normal"),
        itemId: bodyId.optional(),
        pointId: bodyId.optional(),
        gpsAccuracyM: z.number().min(0).max(100_000).optional(),
        photoIds: ids.default([]),
      })
      .strict(),
  })
  .strict();

export const problemActionRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/board",
      tags: ["problems"],
      summary: "The board: problems by state, open and overdue counts, the overdue list (销号清零)",
      responses: { 200: json(Board, "The board"), 401: route.errors[401] },
    }),
    async (c) => c.json(await problemBoard(c.var.db.orm, c.var.scope), 200),
  )
  .openapi(
    route("post", "/", {
      summary:
        "Report a problem: a GeoJSON Point Feature (or null geometry with a located photo); send an Idempotency-Key",
      middleware: [requirePermission("problems.report"), idempotent] as const,
      request: {
        headers: z.object({ [IDEMPOTENCY_HEADER]: z.string().min(8).max(128).optional() }),
        ...jsonBody(reportSchema),
      },
      responses: {
        201: json(
          ProblemFeature.extend({ possibleDuplicates: z.array(PossibleDuplicate) }),
          "The new problem, with `possibleDuplicates` nearby; the same report sent again with its Idempotency-Key gets this same answer",
        ),
        ...errorResponses({ 422: "The Idempotency-Key was used for a different report" }),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const key = c.req.valid("header")[IDEMPOTENCY_HEADER];
      const { orm } = c.var.db;
      const user = c.var.user;
      const created = await reportProblem(
        orm,
        {
          cityId: user.cityId,
          userId: user.id,
          name: user.displayName,
          ...(c.var.scope.kind === "grids" && { onlyGridIds: c.var.scope.gridIds }),
        },
        {
          source: user.role === "inspector" ? "inspection" : "patrol",
          location: input.geometry,
          idempotencyKey: key,
          ...input.properties,
        },
      );
      const problem = await problemFeature(c, created.id);
      return c.json({ ...problem, possibleDuplicates: created.possibleDuplicates }, 201);
    },
  )
  .openapi(
    route("get", "/{id}/duplicates", {
      summary:
        "Open problems of the same item nearby (within the category's radius), nearest first, at most five",
      request: { params: idPath },
      responses: {
        200: json(z.object({ duplicates: z.array(PossibleDuplicate) }), "Possible duplicates"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await problemFeature(c, id);
      return c.json(
        { duplicates: await nearbyOpenProblems(c.var.db.orm, c.var.user.cityId, id) },
        200,
      );
    },
  )
  .openapi(
    route("post", "/{id}/transitions", {
      summary:
        "Take a step in the closed loop (dispatch, start, submit, close, return, send_back, extension, ledger, reopen, mark_duplicate)",
      request: {
        params: idPath,
        ...jsonBody(
          z
            .object({
              action: z.enum(actions, {
                message: fieldMessage("field.one_of", { values: actions.join(", ") }),
              }),
              version: z.number().int().min(1),
              note: z.string().trim().max(1000).optional(),
              reason: z.string().max(64).optional(),
              photoIds: ids.optional(),
              days: z.number().int().optional(),
              reviewOn: z.string().max(10).optional(),
              unitId: bodyId.optional().openapi({
                description: "dispatch: the unit (default: the one routing chose)",
              }),
              deadline: calendarDate.optional().openapi({
                description:
                  "dispatch, return, reopen: the last day, China time, a working day (default: by severity, in working days)",
              }),
              duplicateOf: bodyId.optional().openapi({
                description: "mark_duplicate: the problem this one repeats",
              }),
            })
            .strict(),
        ),
      },
      responses: {
        200: json(ProblemFeature, "The problem after the step, with its history"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const step = c.req.valid("json");
      const { orm } = c.var.db;
      if (step.action === "dispatch") await dispatchProblem(orm, c.var.user, c.var.scope, id, step);
      else await stepProblem(orm, c.var.user, c.var.scope, id, step);
      return c.json(await problemFeature(c, id), 200);
    },
  );
