// /api/public/reports/{number}: a citizen looks up their report without an account — its status,
// steps and before/after photos, nothing private (reports/public-lookup.ts says what is public).
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { problemStatuses, rectificationActions } from "../db/schema/index.ts";
import { AppError } from "../errors.ts";
import { sendStoredFile } from "../files/send.ts";
import { publicReport, publicReportPhoto } from "../reports/public-lookup.ts";
import { id } from "./query.ts";
import { errorSchema, json, newRouter } from "./router.ts";

const publicReportSchema = z
  .object({
    number: z.number().int(),
    status: z.enum(problemStatuses),
    category: z.string().nullable(),
    reportedAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
    steps: z.array(
      z.object({
        action: z.enum(rectificationActions),
        at: z.string().openapi({ format: "date-time" }),
      }),
    ),
    photos: z.array(
      z.object({
        fileId: z.number().int(),
        phase: z.enum(["before", "after"]),
        eventSeq: z.number().int().nullable(),
        url: z.string(),
        thumbnailUrl: z.string(),
      }),
    ),
  })
  .openapi("PublicReport");

const numberPath = z.object({ number: id.openapi({ param: { name: "number", in: "path" } }) });
const photoPath = numberPath.extend({
  fileId: id.openapi({ param: { name: "fileId", in: "path" } }),
});

const noSuchReport = (number: number) =>
  new AppError(404, "not_found", { key: "report.not_found", params: { number } });

const photoRoute = (path: string, summary: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["public"],
    summary,
    request: { params: photoPath },
    responses: {
      200: {
        content: { "image/*": { schema: z.string().openapi({ format: "binary" }) } },
        description: "The photo",
      },
      404: json(errorSchema, "No such citizen report, or the photo is not one of its"),
    },
  });

export function publicReportRoutes(filesDir: string) {
  const routes = newRouter().openapi(
    createRoute({
      method: "get",
      path: "/{number}",
      tags: ["public"],
      summary: "Look up a citizen's report by its number (no account): status, steps, photos",
      request: { params: numberPath },
      responses: {
        200: json(publicReportSchema, "The report as a citizen may see it"),
        400: json(errorSchema, "The number is not a number"),
        404: json(errorSchema, "No citizen report has this number"),
      },
    }),
    async (c) => {
      const { number } = c.req.valid("param");
      const report = await publicReport(c.var.db.orm, c.var.cityId, number);
      if (!report) throw noSuchReport(number);
      return c.json(report as z.infer<typeof publicReportSchema>, 200);
    },
  );
  for (const thumbnail of [false, true]) {
    const path = `/{number}/photos/{fileId}${thumbnail ? "/thumbnail" : ""}`;
    routes.openapi(
      photoRoute(path, `A photo of a citizen's report${thumbnail ? ", small" : ""}`),
      async (c) => {
        const { number, fileId } = c.req.valid("param");
        if (!(await publicReportPhoto(c.var.db.orm, c.var.cityId, number, fileId)))
          throw noSuchReport(number);
        // publicReportPhoto has just said this photo is one of the report's public ones.
        const allowed = sql`true`;
        return sendStoredFile(c, {
          dir: filesDir,
          cityId: c.var.cityId,
          id: fileId,
          thumbnail,
          allowed,
        });
      },
    );
  }
  return routes;
}
