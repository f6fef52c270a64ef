// /api/materials: units submit their weekly materials (资料报送); the campaign office lists them,
// accepts or returns them, watches the weekly completeness board and downloads the archive.
import { materialStatuses } from "@civgrid/geo";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError, fieldMessage, invalidFields, validationError } from "../errors.ts";
import { archiveEntries, archiveStream } from "../materials/archive.ts";
import { listMaterials, materialBoard } from "../materials/queries.ts";
import { currentWeek, materialCategories } from "../materials/rules.ts";
import { reviewSubmitted, submitMaterial } from "../materials/submit.ts";
import { requirePermission } from "../middleware/session.ts";
import { dateSchema, getCampaign } from "../tasks/campaigns.ts";
import { mondayOf } from "../tasks/china-time.ts";
import { id, idPath, integerParam, listOf, oneOf, page, trimmedText } from "./query.ts";
import {
  type AppEnv,
  actorOf,
  attachment,
  download,
  json,
  jsonBody,
  newRouter,
  pageOf,
  routesOf,
} from "./router.ts";

const route = routesOf("materials", {
  400: "A field is not valid; `fields` names each one",
  403: "The role may not do this",
  404: "No such material the caller may read",
  409: "The material was reviewed already",
  413: "The file is too large",
});
const submit = requirePermission("unit.materials.write");
const review = requirePermission("tasks.write");

const materialSchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    week: z.string().openapi({ description: "Monday of the week reported on" }),
    category: z.enum(materialCategories),
    title: z.string(),
    status: z.enum(materialStatuses),
    taskId: z.number().int().nullable(),
    gridId: z.number().int().nullable(),
    itemId: z.number().int().nullable(),
    reviewNote: z.string().nullable(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    fileId: z.number().int().nullable(),
    fileName: z.string().nullable(),
    mime: z.string().nullable(),
    size: z.number().nullable(),
    url: z.string().nullable(),
  })
  .openapi("Material");
type MaterialView = z.infer<typeof materialSchema>;
const view = ({
  sha256: _s,
  ...m
}: Omit<MaterialView, "url"> & { sha256: string | null }): MaterialView => ({
  ...m,
  url: m.fileId ? `/api/files/${m.fileId}` : null,
});

const boardStatus = z.enum(["on_time", "late", "missing", "returned", "pending"]);
const boardSchema = z
  .object({
    weeks: z.array(z.object({ week: z.string(), deadline: z.string() })),
    units: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        missing: z.number().int().openapi({ description: "Weeks missing or returned" }),
        late: z.number().int(),
        cells: z.array(
          z.object({
            week: z.string(),
            status: boardStatus,
            submittedAt: z.string().nullable(),
            materials: z.array(
              z.object({
                id: z.number().int(),
                title: z.string(),
                category: z.enum(materialCategories),
                status: z.enum(materialStatuses),
                url: z.string().nullable().openapi({ description: "the file, shown inline" }),
                mime: z.string().nullable(),
                fileName: z.string().nullable(),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .openapi("MaterialBoard");

const filters = {
  unitId: id.optional(),
  gridId: id.optional(),
  taskId: id.optional(),
  campaignId: id.optional(),
  week: dateSchema.transform(mondayOf).optional(),
  category: oneOf(materialCategories).optional(),
};

const submitForm = z
  .object({
    file: z
      .instanceof(File, { message: fieldMessage("file.document_missing") })
      .openapi({ type: "string", format: "binary" }),
    week: dateSchema.openapi({
      description: "Any day of the week reported on; kept as its Monday",
    }),
    category: oneOf(materialCategories),
    title: z
      .string()
      .trim()
      .max(200, fieldMessage("field.text", { min: 0, max: 200 }))
      .optional(),
    taskId: id.optional(),
    gridId: id.optional(),
    itemId: id.optional(),
  })
  .strict();

export function materialRoutes(settings: { dir: string; maxMb: number }) {
  return newRouter()
    .openapi(
      route("get", "/", {
        summary: "Materials the caller may read (a unit admin: its own unit's), newest week first",
        request: {
          query: z
            .object({
              ...filters,
              status: listOf(materialStatuses),
              limit: page.limit,
              offset: page.offset,
            })
            .strict(),
        },
        responses: {
          200: json(
            z.object({ materials: z.array(materialSchema), total: z.number().int() }),
            "Materials",
          ),
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const { rows, total } = await listMaterials(c.var.db.orm, c.var.scope, q, pageOf(q));
        return c.json({ materials: rows.map(view), total }, 200);
      },
    )
    .openapi(
      route("post", "/", {
        summary: `Submit a material for the caller's unit: a photo, PDF or Office file (at most ${settings.maxMb} MB), checked by its content, tagged with week, category and optionally a task, grid or standard item`,
        middleware: [submit] as const,
        request: {
          body: { required: true, content: { "multipart/form-data": { schema: submitForm } } },
        },
        responses: { 201: json(materialSchema, "The material") },
      }),
      async (c) => {
        const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
        const { file, ...fields } = form;
        const parsed = submitForm.omit({ file: true }).safeParse(fields);
        const problems = parsed.success ? {} : { ...validationError(parsed.error).fields };
        if (!(file instanceof File)) problems.file = { key: "file.document_missing" };
        const unitId = c.var.user.unitId;
        if (!unitId) problems.unitId = { key: "material.unit_required" };
        if (parsed.success && mondayOf(parsed.data.week) > currentWeek()) {
          problems.week = { key: "material.week_future", params: { current: currentWeek() } };
        }
        if (!parsed.success || !(file instanceof File) || !unitId || Object.keys(problems).length) {
          throw invalidFields(problems);
        }
        if (file.size > settings.maxMb * 1024 * 1024) {
          throw new AppError(413, "body_too_large", {
            key: "file.document_too_large",
            params: { max: settings.maxMb },
          });
        }
        const { week, category, title, ...tagIds } = parsed.data;
        const tags = {
          unitId,
          week: mondayOf(week),
          category,
          title: title || file.name,
          ...tagIds,
        };
        const materialId = await submitMaterial(c.var.db, settings.dir, actorOf(c), tags, {
          bytes: new Uint8Array(await file.arrayBuffer()),
          name: file.name,
        });
        return c.json(await one(c, materialId), 201);
      },
    )
    .openapi(
      route("get", "/board", {
        summary:
          "The completeness board: units × weeks (on time / late / missing / returned / pending) against the weekly deadline, Friday 18:00",
        request: {
          query: z
            .object({
              week: dateSchema
                .optional()
                .openapi({ description: "The last week shown (any day of it); default this week" }),
              weeks: integerParam(1, 26)
                .optional()
                .openapi({ description: "How many weeks, default 6" }),
            })
            .strict(),
        },
        responses: { 200: json(boardSchema, "The board, units missing the most first") },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const last = q.week ? mondayOf(q.week) : currentWeek();
        return c.json(await materialBoard(c.var.db.orm, c.var.scope, last, q.weeks ?? 6), 200);
      },
    )
    .openapi(
      route("get", "/archive.zip", {
        summary:
          "The assessors' archive (迎检资料), streamed: folders category → unit → week and an index workbook 资料索引.xlsx; per campaign, unit or category",
        request: {
          query: z
            .object({
              campaignId: id.optional(),
              unitId: id.optional(),
              category: oneOf(materialCategories).optional(),
              status: listOf(materialStatuses),
            })
            .strict(),
        },
        responses: {
          200: download("application/zip", "ZIP, streamed"),
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const campaign = q.campaignId
          ? await getCampaign(c.var.db.orm, c.var.user.cityId, q.campaignId)
          : null;
        const entries = await archiveEntries(c.var.db.orm, settings.dir, c.var.scope, q);
        const name = `${campaign?.name ?? ""}迎检资料.zip`;
        return c.body(await archiveStream(entries, settings.dir), 200, {
          "content-type": "application/zip",
          "content-disposition": attachment("materials.zip", name),
          "x-archive-files": String(entries.filter((e) => e.path).length),
        });
      },
    )
    .openapi(
      route("post", "/{id}/accept", {
        summary: "Accept a submitted material",
        middleware: [review] as const,
        request: { params: idPath },
        responses: { 200: json(materialSchema, "The material") },
      }),
      async (c) => {
        const { id: materialId } = c.req.valid("param");
        await reviewSubmitted(c.var.db, actorOf(c), c.var.scope, materialId, { accept: true });
        return c.json(await one(c, materialId), 200);
      },
    )
    .openapi(
      route("post", "/{id}/return", {
        summary: "Return a submitted material with a reason; the unit submits again",
        middleware: [review] as const,
        request: {
          params: idPath,
          ...jsonBody(
            z
              .object({
                reason: trimmedText(2, 500),
              })
              .strict(),
          ),
        },
        responses: { 200: json(materialSchema, "The material") },
      }),
      async (c) => {
        const { id: materialId } = c.req.valid("param");
        const { reason } = c.req.valid("json");
        await reviewSubmitted(c.var.db, actorOf(c), c.var.scope, materialId, {
          accept: false,
          reason,
        });
        return c.json(await one(c, materialId), 200);
      },
    );
}

async function one(c: Context<AppEnv>, materialId: number) {
  const { rows } = await listMaterials(
    c.var.db.orm,
    c.var.scope,
    { id: materialId },
    { limit: 1, offset: 0 },
  );
  const row = rows[0];
  if (!row) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.material", id: materialId },
    });
  }
  return view(row);
}
