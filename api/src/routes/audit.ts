// GET /api/audit (admins): the audit log, newest first, as sentences, filtered by who, what, when.
import { z } from "@hono/zod-openapi";
import { auditChoices, listAudit } from "../audit/queries.ts";
import { fieldMessage } from "../errors.ts";
import { languageOf } from "../messages.ts";
import { requirePermission } from "../middleware/session.ts";
import { calendarDate, id, page } from "./query.ts";
import { json, newRouter, pageOf, routesOf } from "./router.ts";

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    username: z.string().nullable(),
    displayName: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    target: z.string().nullable(),
    sentence: z.string().openapi({
      description: "the entry in the reader's language, China time",
      example: "2026-12-03 10:15 创城办 张三 将问题 #42 派发给 中心人民医院",
    }),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi("AuditEntry");

const word = (max: number) =>
  z
    .string()
    .max(max, fieldMessage("field.text", { min: 1, max }))
    .optional();

const auditQuery = z
  .object({
    limit: page.limit,
    offset: page.offset,
    entity: word(64),
    userId: id.optional(),
    action: word(64),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: fieldMessage("field.period_order"),
  });

const route = routesOf("audit", {
  400: "A parameter is not valid",
  403: "Only administrators read the audit log",
});

export const auditRoutes = newRouter();
auditRoutes.use("*", requirePermission("audit.read"));
auditRoutes
  .openapi(
    route("get", "/", {
      summary:
        "Browse the audit log as sentences: who did what, when (China time), before and after",
      request: { query: auditQuery },
      responses: {
        200: json(z.object({ entries: z.array(entrySchema), total: z.number().int() }), "Entries"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const lang = languageOf(c.req.header("accept-language"));
      const { rows, total } = await listAudit(c.var.db.orm, c.var.user.cityId, q, pageOf(q), lang);
      return c.json({ entries: rows, total }, 200);
    },
  )
  .openapi(
    route("get", "/choices", {
      summary: "What the audit log's filters offer: the kinds of action (in words) and the people",
      responses: {
        200: json(
          z.object({
            actions: z.array(z.object({ action: z.string(), label: z.string() })),
            users: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.string() })),
          }),
          "Filter choices",
        ),
      },
    }),
    async (c) => {
      const lang = languageOf(c.req.header("accept-language"));
      return c.json(await auditChoices(c.var.db.orm, c.var.user.cityId, lang), 200);
    },
  );
