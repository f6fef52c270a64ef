// GET /api/people: people on record, searchable by name or mobile, for the assignment pickers.
import { createRoute, z } from "@hono/zod-openapi";
import { fieldMessage } from "../errors.ts";
import { listPeople } from "../people/queries.ts";
import { booleanFlag, id, page } from "./query.ts";
import { errorSchema, newRouter, pageOf } from "./router.ts";

const person = z
  .object({
    id: z.number().int(),
    name: z.string(),
    mobile: z.string().nullable(),
    title: z.string().nullable(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    branchId: z.number().int().nullable(),
    branchName: z.string().nullable(),
    partyMember: z.boolean(),
    gridCodes: z.string().nullable(),
  })
  .openapi("Person");

export const peopleRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["people"],
    summary: "People on record (volunteers, grid leaders, staff), by name or mobile",
    request: {
      query: z
        .object({
          limit: page.limit,
          offset: page.offset,
          q: z
            .string()
            .max(64, fieldMessage("field.text", { min: 0, max: 64 }))
            .optional(),
          unitId: id.optional(),
          branchId: id.optional(),
          unassigned: booleanFlag,
        })
        .strict(),
    },
    responses: {
      200: {
        content: {
          "application/json": {
            schema: z.object({ people: z.array(person), total: z.number().int() }),
          },
        },
        description: "People",
      },
      400: {
        content: { "application/json": { schema: errorSchema } },
        description: "A parameter is not valid",
      },
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const { rows, total } = await listPeople(c.var.db.orm, c.var.scope, c.var.user, q, pageOf(q));
    return c.json({ people: rows, total }, 200);
  },
);
