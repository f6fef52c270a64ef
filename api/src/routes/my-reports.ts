// GET /api/my-reports: 我的上报, the caller's own reports with where each stands now.
import { createRoute, z } from "@hono/zod-openapi";
import { problemStatuses, rectificationActions } from "../db/schema/index.ts";
import { listMyReports } from "../reports/my-reports.ts";
import { page } from "./query.ts";
import { errorSchema, json, newRouter, pageOf } from "./router.ts";

const myReport = z
  .object({
    id: z.number().int().openapi({ description: "the report's number" }),
    status: z.enum(problemStatuses),
    description: z.string(),
    gridCode: z.string().nullable(),
    unitName: z.string().nullable(),
    reportedAt: z.string().openapi({ format: "date-time" }),
    latestStep: z.object({
      action: z.enum(rectificationActions),
      at: z.string().openapi({ format: "date-time" }),
      note: z.string().nullable(),
    }),
  })
  .openapi("MyReport");

export const myReportRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["problems"],
    summary:
      "My reports (我的上报): problems I reported, newest first, with status and latest step",
    request: { query: z.object({ limit: page.limit, offset: page.offset }).strict() },
    responses: {
      200: json(z.object({ reports: z.array(myReport), total: z.number().int() }), "My reports"),
      400: json(errorSchema, "A parameter is not valid"),
      401: json(errorSchema, "Not signed in"),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const { rows, total } = await listMyReports(c.var.db.orm, c.var.user, pageOf(q));
    return c.json({ reports: rows as z.infer<typeof myReport>[], total }, 200);
  },
);
