// /api/open311-requests: citizens' Open311 requests filed with an address only (待定位), which the
// campaign office places on the map; placed, each becomes a problem routed like any other.
import { createRoute, z } from "@hono/zod-openapi";
import { fieldMessage } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import { listWaitingRequests, placeWaitingRequest } from "../open311/file-request.ts";
import { idPath } from "./query.ts";
import { errorResponses, errorSchema, json, jsonBody, newRouter } from "./router.ts";

const WaitingRequest = z
  .object({
    id: z.number().int(),
    serviceName: z.string(),
    description: z.string(),
    addressString: z.string().nullable(),
    addressId: z.string().nullable(),
    citizenName: z.string(),
    requestedAt: z.string().openapi({ format: "date-time" }),
    photoFileId: z.number().int().nullable(),
    mediaUrl: z.string().nullable(),
  })
  .openapi("WaitingOpen311Request");

const errors = errorResponses({
  400: "The place is not valid, outside China or outside the city",
  403: "Only the campaign office places requests",
});

export const open311RequestRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/waiting",
      tags: ["problems"],
      operationId: "listWaitingOpen311Requests",
      summary: "Citizens' requests waiting to be placed on the map (待定位), oldest first",
      middleware: [requirePermission("problems.dispatch")] as const,
      responses: {
        200: json(z.object({ requests: z.array(WaitingRequest) }), "The waiting requests"),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json({ requests: await listWaitingRequests(c.var.db.orm, c.var.user.cityId) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/place",
      tags: ["problems"],
      operationId: "placeOpen311Request",
      summary: "Place a waiting request on the map: it becomes a problem, routed to its grid",
      middleware: [requirePermission("problems.dispatch")] as const,
      request: {
        params: idPath,
        ...jsonBody(
          z
            .object({
              type: z.literal("Point", {
                message: fieldMessage("field.one_of", { values: "Point" }),
              }),
              coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
                message: fieldMessage("field.invalid"),
              }),
            })
            .strict(),
        ),
      },
      responses: {
        201: json(z.object({ problemId: z.number().int() }), "The problem it became"),
        ...errors,
        404: json(errorSchema, "No such request"),
        409: json(errorSchema, "The request was placed already"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const problemId = await placeWaitingRequest(c.var.db, c.var.user, id, c.req.valid("json"));
      return c.json({ problemId }, 201);
    },
  );
