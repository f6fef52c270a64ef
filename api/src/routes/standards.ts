// /api/standards: evaluation standards (测评标准). Everyone signed in reads them; coordinators
// write drafts, copy a standard into a new version, activate it, and move it in and out of XLSX.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { invalidFields, validationError } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import { activateStandard } from "../standards/activate.ts";
import { standardFileName, standardWorkbook } from "../standards/export-sheet.ts";
import { readStandardSheet } from "../standards/import-sheet.ts";
import { standardNotFound } from "../standards/locks.ts";
import {
  activatedSchema,
  detailSchema,
  importFieldsOf,
  importForm,
  importQuery,
  listSchema,
} from "../standards/openapi.ts";
import { getStandard, listStandards } from "../standards/queries.ts";
import { standardInputSchema } from "../standards/rules.ts";
import { copyStandard, createStandard, replaceStandard } from "../standards/write.ts";
import { idPath, page } from "./query.ts";
import {
  type AppEnv,
  actorOf,
  download,
  json,
  jsonBody,
  newRouter,
  pageOf,
  routesOf,
  workbookAnswer,
  XLSX,
} from "./router.ts";

const route = routesOf("standards", {
  400: "A field is not valid; `fields` names each one (sheets: `row N`)",
  403: "Only coordinators maintain standards",
  404: "No such standard in this city",
  409: "The standard is active or retired: copy it into a new version",
});

const write = requirePermission("standards.write");

async function detail(c: Context<AppEnv>, id: number) {
  const standard = await getStandard(c.var.db.orm, c.var.user.cityId, id);
  if (!standard) throw standardNotFound(id);
  return standard;
}

export const standardRoutes = newRouter()
  .openapi(
    route("get", "/", {
      summary: "List evaluation standards (测评标准) with their size and total points",
      request: { query: z.object({ limit: page.limit, offset: page.offset }).strict() },
      responses: {
        200: json(listSchema, "Standards, by name and newest version first"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { rows, total } = await listStandards(c.var.db.orm, c.var.user.cityId, pageOf(q));
      return c.json({ standards: rows, total }, 200);
    },
  )
  .openapi(
    route("post", "/", {
      summary: "Create a draft standard: categories → items; codes (3.2) follow from the order",
      middleware: [write] as const,
      request: {
        ...jsonBody(standardInputSchema),
      },
      responses: { 201: json(detailSchema, "The new draft") },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const id = await createStandard(c.var.db.orm, actorOf(c), body);
      return c.json(await detail(c, id), 201);
    },
  )
  .openapi(
    route("post", "/import", {
      summary:
        "Import a draft from an XLSX sheet (类别序号, 类别, 条目编号, 条目, 检查要点, 分值, 佐证材料): all rows or none",
      middleware: [write] as const,
      request: {
        query: importQuery,
        body: { required: true, content: { "multipart/form-data": { schema: importForm } } },
      },
      responses: { 201: json(detailSchema, "The new draft") },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const fields = importFieldsOf(form, query);
      const file = form.file;
      // Every missing or bad field at once, the file among them.
      if (!(file instanceof File) || !fields.success) {
        const problems = fields.success ? {} : { ...validationError(fields.error).fields };
        if (!(file instanceof File)) problems.file = { key: "field.file_xlsx" };
        throw invalidFields(problems);
      }
      const sheet = await readStandardSheet(await file.arrayBuffer());
      if (!sheet.ok) throw invalidFields(sheet.problems);
      const input = { ...fields.data, categories: sheet.categories };
      const id = await createStandard(c.var.db.orm, actorOf(c), input, "import");
      return c.json(await detail(c, id), 201);
    },
  )
  .openapi(
    route.read(
      "One standard: its categories with their items, in order",
      json(detailSchema, "The standard"),
    ),
    async (c) => c.json(await detail(c, c.req.valid("param").id), 200),
  )
  .openapi(
    route("put", "/{id}", {
      summary:
        "Replace a draft's name, year, scope, categories and items wholesale (409 unless a draft)",
      middleware: [write] as const,
      request: {
        params: idPath,
        ...jsonBody(standardInputSchema),
      },
      responses: { 200: json(detailSchema, "The draft as saved") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      await replaceStandard(c.var.db.orm, actorOf(c), id, body);
      return c.json(await detail(c, id), 200);
    },
  )
  .openapi(
    route("get", "/{id}/export", {
      summary: "The standard as an XLSX sheet, one row an item (imports back as it is)",
      request: { params: idPath },
      responses: {
        200: download(XLSX, "XLSX"),
      },
    }),
    async (c) => {
      const standard = await detail(c, c.req.valid("param").id);
      const bytes = await standardWorkbook(standard);
      return workbookAnswer(c, bytes, `standard-${standard.id}.xlsx`, standardFileName(standard));
    },
  )
  .openapi(
    route("post", "/{id}/versions", {
      summary: "Copy a standard into a new draft, the next version of its name",
      middleware: [write] as const,
      request: { params: idPath },
      responses: { 201: json(detailSchema, "The new draft") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const created = await copyStandard(c.var.db.orm, actorOf(c), id);
      return c.json(await detail(c, created), 201);
    },
  )
  .openapi(
    route("post", "/{id}/activate", {
      summary:
        "Make a draft the active standard; the active one of the same name and scope retires",
      middleware: [write] as const,
      request: { params: idPath },
      responses: { 200: json(activatedSchema, "The active standard") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const retired = await activateStandard(c.var.db.orm, actorOf(c), id);
      return c.json({ ...(await detail(c, id)), retired }, 200);
    },
  );
