// GET /api/audit (admins): the audit log, newest first.
import { createRoute, z } from "@hono/zod-openapi";
import { listAudit } from "../audit/queries.ts";
import { fieldMessage } from "../errors.ts";
import { id, page } from "./query.ts";
import { errorSchema, json, newRouter, pageOf } from "./router.ts";
import { requirePermission } from "./session.ts";

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi("AuditEntry");

export const auditRoutes = newRouter();
auditRoutes.use("*", requirePermission("audit.read"));
auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["audit"],
    summary: "Browse the audit log: who changed what, when, before and after",
    request: {
      query: z
        .object({
          limit: page.limit,
          offset: page.offset,
          entity: z
            .string()
            .max(64, fieldMessage("field.text", { min: 1, max: 64 }))
            .optional(),
          userId: id.optional(),
        })
        .strict(),
    },
    responses: {
      200: json(z.object({ entries: z.array(entrySchema), total: z.number().int() }), "Entries"),
      400: json(errorSchema, "A parameter is not valid"),
      401: json(errorSchema, "Not signed in"),
      403: json(errorSchema, "Only administrators read the audit log"),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const { rows, total } = await listAudit(c.var.db.orm, c.var.user.cityId, q, pageOf(q));
    return c.json({ entries: rows, total }, 200);
  },
);
