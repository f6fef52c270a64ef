// /api/grids, the one route file of the resource: the reads (GeoJSON), the files (import, the
// division table, exports) and the edits (create, change, delete, merge, split, assignments,
// history, revert). Hono matches in the order of registration: the fixed paths (/import,
// /division, /division.xlsx, /export, /merge) come before /{id}.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { fieldMessage, notFound } from "../errors.ts";
import { asFeature } from "../geojson.ts";
import { divisionTable, divisionWorkbook } from "../grids/division.ts";
import { gridEdits } from "../grids/edit.ts";
import { checkImport, commitImport } from "../grids/import.ts";
import { getGrid, listGrids } from "../grids/queries.ts";
import { listVersions } from "../grids/versions.ts";
import { shapeOf } from "../grids/write.ts";
import { requirePermission } from "../middleware/session.ts";
import { featuresFile, importAnswers, runImport, sourceCrs } from "./geo-upload.ts";
import {
  bodyId,
  booleanFlag,
  downloadLanguage,
  id,
  idPath,
  integerParam,
  oneOf,
  page,
  trimmedText,
} from "./query.ts";
import { carryOver, carryOverParam, line } from "./restructuring-schemas.ts";
import {
  type AppEnv,
  actorOf,
  geometry as answeredGeometry,
  collectionSchema,
  download,
  errorSchema,
  featureLayer,
  featureSchema,
  fileUpload,
  geojson,
  json,
  jsonBody,
  newRouter,
  routesOf,
  workbookAnswer,
  XLSX,
} from "./router.ts";

const unitRef = z.object({ id: z.number().int(), name: z.string(), shortName: z.string() });
const personRef = z.object({
  id: z.number().int(),
  name: z.string(),
  mobile: z.string().nullable(),
});

const gridProperties = z.object({
  id: z.number().int(),
  code: z.string().openapi({ example: "370481001001001", description: "15-digit grid code" }),
  name: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  areaM2: z.number(),
  version: z.number().int(),
  leadUnitId: z.number().int().nullable(),
  leadUnitName: z.string().nullable(),
  leadUnitShortName: z.string().nullable(),
  supportUnitCount: z.number().int(),
  leaderName: z.string().nullable(),
  volunteerCount: z.number().int(),
});

const gridDetailProperties = gridProperties.extend({
  leadUnit: unitRef.nullable(),
  supportUnits: z.array(unitRef),
  leader: personRef.nullable(),
  volunteers: z.array(personRef),
});

const GridCollection = collectionSchema("GridCollection", featureSchema("Grid", gridProperties));
export const GridFeature = featureSchema("GridDetail", gridDetailProperties);

const route = routesOf("grids", { 400: "A parameter is not valid" });
const scopeQuery = z.object({ communityId: id.optional() }).strict();

const importQuery = z
  .object({
    communityId: id,
    crs: sourceCrs,
    commit: booleanFlag,
    // The file's grids replace the community's (a restructuring that can be undone).
    replace: booleanFlag,
    // With replace: which new grid takes each old one's team and work (the preview's choice).
    carryOver: carryOverParam,
  })
  .strict();

const writeRoute = routesOf("grids", {
  400: "A field or the shape is not valid; `fields` or `problems` say which",
  403: "Only coordinators edit grids",
  404: "No such grid",
  409: "The grid changed since the version edited; `current` holds the newer version",
  422: "The grid leaves its community or overlaps another; `problems` list each with area and shape",
});

const name = trimmedText(1, 64);
const version = z
  .number({ message: fieldMessage("field.integer", { min: 1, max: 2147483647 }) })
  .int()
  .min(1);
/** A geometry is checked by geo/'s validator, which names each problem better than a schema could. */
const geometry = z.unknown().openapi({ description: "GeoJSON Polygon or MultiPolygon (WGS84)" });

const GridVersion = z
  .object({
    version: z.number().int(),
    change: z.enum(["create", "edit", "split", "merge", "revert", "delete", "assign"]),
    name: z.string(),
    areaM2: z.number(),
    assignments: z.object({
      units: z.array(z.object({ unitId: z.number().int(), role: z.enum(["lead", "support"]) })),
      people: z.array(
        z.object({ personId: z.number().int(), role: z.enum(["leader", "volunteer"]) }),
      ),
    }),
    changedBy: z.string().nullable(),
    changedAt: z.string().openapi({ format: "date-time" }),
    geometry: answeredGeometry,
  })
  .openapi("GridVersion");

async function gridFeature(c: Context<AppEnv>, gridId: number) {
  const grid = await getGrid(c.var.db.orm, c.var.scope, c.var.user, gridId);
  if (!grid) throw notFound("grid", gridId);
  return asFeature(grid);
}

const edit = requirePermission("grids.write");

export const gridRoutes = newRouter()
  // Files: fixed paths first.
  .openapi(
    createRoute({
      method: "post",
      path: "/import",
      tags: ["grids"],
      summary:
        "Import grids into a community from GeoJSON, KML or a zipped Shapefile: preview, then commit=true",
      middleware: [requirePermission("grids.write")] as const,
      request: { query: importQuery, ...fileUpload },
      responses: importAnswers("Committed: the new grids' ids"),
    }),
    (c) => {
      const query = c.req.valid("query");
      return runImport(
        c,
        query,
        (tx, actor, features) =>
          checkImport(tx, actor, query.communityId, features, query.crs, query.replace),
        (tx, actor, checked) =>
          commitImport(tx, actor, query.communityId, checked, query.replace, query.carryOver),
      );
    },
  )

  .openapi(
    route("get", "/division", {
      summary:
        "The division table (分工表): grid code, community, area, lead and supporting units, leader, volunteers",
      request: { query: scopeQuery },
      responses: {
        200: json(
          z.object({
            rows: z.array(
              z.object({
                gridId: z.number().int(),
                code: z.string(),
                name: z.string(),
                communityName: z.string(),
                areaM2: z.number(),
                leadUnit: z.string().nullable(),
                supportUnits: z.array(z.string()),
                leader: z.string().nullable(),
                leaderMobile: z.string().nullable(),
                volunteerCount: z.number().int(),
              }),
            ),
          }),
          "One row a grid, by code",
        ),
      },
    }),
    async (c) => {
      const { communityId } = c.req.valid("query");
      return c.json(
        { rows: await divisionTable(c.var.db.orm, c.var.scope, c.var.user, communityId) },
        200,
      );
    },
  )
  .openapi(
    route("get", "/division.xlsx", {
      summary: "The division table as an XLSX workbook",
      request: { query: scopeQuery },
      responses: {
        200: download(XLSX, "XLSX"),
      },
    }),
    async (c) => {
      const { communityId } = c.req.valid("query");
      const rows = await divisionTable(c.var.db.orm, c.var.scope, c.var.user, communityId);
      const title = `${rows[0]?.communityName && communityId ? rows[0].communityName : "帮包社区"}网格分工表`;
      const bytes = await divisionWorkbook(rows, title);
      return workbookAnswer(c, bytes, "grid-division.xlsx", `${title}.xlsx`);
    },
  )
  .openapi(
    route("get", "/export", {
      summary: "Export grids as GeoJSON, KML or CSV",
      request: {
        query: z
          .object({
            format: oneOf(["geojson", "kml", "csv"] as const),
            lang: downloadLanguage,
            communityId: id.optional(),
          })
          .strict(),
      },
      responses: {
        200: download("application/octet-stream", "The file"),
      },
    }),
    async (c) => {
      const { format, communityId, lang } = c.req.valid("query");
      const { rows } = await listGrids(
        c.var.db.orm,
        c.var.scope,
        { communityId },
        { limit: 5000, offset: 0 },
      );
      return featuresFile(
        c,
        rows,
        (g) => ({
          code: g.code,
          name: g.name,
          community: g.communityName,
          areaM2: g.areaM2,
          leadUnit: g.leadUnitName,
          leader: g.leaderName,
          volunteers: g.volunteerCount,
          version: g.version,
        }),
        { format, lang, title: "网格 grids", name: `网格.${format}`, asciiName: `grids.${format}` },
      );
    },
  )
  // Reads.
  .route(
    "/",
    featureLayer(
      "grids",
      {
        summary: "List grids (网格)",
        query: z.object({ ...page, communityId: id.optional(), unitId: id.optional() }).strict(),
        ok: geojson(GridCollection, "Grids as a FeatureCollection"),
        rows: listGrids,
      },
      {
        summary: "One grid with its units, leader and volunteers",
        ok: geojson(GridFeature, "The grid"),
        entity: "grid",
        one: (c, id) => getGrid(c.var.db.orm, c.var.scope, c.var.user, id),
      },
    ),
  )
  // Edits.
  .openapi(
    writeRoute("post", "/merge", {
      summary: "Merge grids that share an edge; the lowest code keeps its code",
      middleware: [edit] as const,
      request: jsonBody(
        z
          .object({
            grids: z
              .array(z.object({ id: bodyId, version }).strict())
              .min(2, fieldMessage("field.merge_two"))
              .max(10),
            carryOver,
          })
          .strict(),
      ),
      responses: {
        201: geojson(
          GridFeature.extend({ restructuringId: z.number().int() }),
          "The merged grid, with the restructuring's id (restructuringId)",
        ),
      },
    }),
    async (c) => {
      const { grids, carryOver: choice } = c.req.valid("json");
      const done = await gridEdits.merge(c.var.db.orm, actorOf(c), grids, choice);
      const [kept = 0] = done.gridIds;
      return c.json(
        { ...(await gridFeature(c, kept)), restructuringId: done.restructuringId },
        201,
      );
    },
  )
  .openapi(
    writeRoute("post", "/{id}/split", {
      summary: "Split a grid along a line drawn across it; the pieces keep its units and leader",
      middleware: [edit] as const,
      request: { params: idPath, ...jsonBody(z.object({ version, line, carryOver }).strict()) },
      responses: {
        201: json(
          z.object({ grids: z.array(GridFeature), restructuringId: z.number().int() }),
          "The pieces, the first keeping the grid's code",
        ),
      },
    }),
    async (c) => {
      const { id: gridId } = c.req.valid("param");
      const input = c.req.valid("json");
      const done = await gridEdits.split(
        c.var.db.orm,
        actorOf(c),
        gridId,
        input.version,
        input.line,
        input.carryOver,
      );
      const grids = await Promise.all(done.gridIds.map((i) => gridFeature(c, i)));
      return c.json({ grids, restructuringId: done.restructuringId }, 201);
    },
  )

  .openapi(
    writeRoute("post", "/", {
      summary: "Create a grid from a GeoJSON Feature (properties.communityId, optional name)",
      middleware: [edit] as const,
      request: jsonBody(
        z
          .object({
            type: z.literal("Feature", {
              message: fieldMessage("field.one_of", { values: "Feature" }),
            }),
            geometry,
            properties: z.object({ communityId: bodyId, name: name.optional() }),
          })
          .strict(),
      ),
      responses: { 201: geojson(GridFeature, "The new grid, with its code") },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const shape = await shapeOf(input.geometry);
      const gridId = await gridEdits.create(c.var.db.orm, actorOf(c), {
        communityId: input.properties.communityId,
        name: input.properties.name,
        geometry: shape,
      });
      return c.json(await gridFeature(c, gridId), 201);
    },
  )
  .openapi(
    writeRoute("patch", "/{id}", {
      summary: "Edit a grid's shape or name, carrying the version edited",
      middleware: [edit] as const,
      request: {
        params: idPath,
        ...jsonBody(
          z.object({ version, name: name.optional(), geometry: geometry.optional() }).strict(),
        ),
      },
      responses: { 200: geojson(GridFeature, "The grid as saved") },
    }),
    async (c) => {
      const { id: gridId } = c.req.valid("param");
      const input = c.req.valid("json");
      const shape = input.geometry === undefined ? undefined : await shapeOf(input.geometry);
      await gridEdits.update(c.var.db.orm, actorOf(c), gridId, {
        version: input.version,
        name: input.name,
        geometry: shape,
      });
      return c.json(await gridFeature(c, gridId), 200);
    },
  )
  .openapi(
    writeRoute("delete", "/{id}", {
      summary: "Delete a grid (it stays in the history; its code is never reused)",
      middleware: [edit] as const,
      request: {
        params: idPath,
        query: z
          .object({
            version: integerParam(1, 2147483647),
            to: z
              .string()
              .regex(/^\d{15}$/, fieldMessage("field.grid_code"))
              .optional()
              .openapi({
                description: "Code of the grid to take its team and work (default: the nearest)",
              }),
          })
          .strict(),
      },
      responses: {
        200: json(z.object({ restructuringId: z.number().int() }), "Deleted, as a restructuring"),
      },
    }),
    async (c) => {
      const { id: gridId } = c.req.valid("param");
      const { version: v, to } = c.req.valid("query");
      const choice = to ? { [String(gridId)]: to } : undefined;
      const done = await gridEdits.remove(c.var.db.orm, actorOf(c), gridId, v, choice);
      return c.json({ restructuringId: done.restructuringId }, 200);
    },
  )
  .openapi(
    writeRoute("put", "/{id}/assignments", {
      summary: "Assign a grid's lead unit, supporting units, grid leader and volunteers",
      middleware: [requirePermission("assignments.write")] as const,
      request: {
        params: idPath,
        ...jsonBody(
          z
            .object({
              version,
              leadUnitId: bodyId.nullable(),
              supportUnitIds: z.array(bodyId).max(50),
              leaderPersonId: bodyId.nullable(),
              volunteerPersonIds: z.array(bodyId).max(500),
            })
            .strict(),
        ),
      },
      responses: {
        200: geojson(GridFeature, "The grid with its new assignments"),
      },
    }),
    async (c) => {
      const { id: gridId } = c.req.valid("param");
      const { version: v, ...next } = c.req.valid("json");
      await gridEdits.assign(c.var.db.orm, actorOf(c), gridId, v, next);
      return c.json(await gridFeature(c, gridId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/history",
      tags: ["grids"],
      summary: "Every version of a grid: shape, name and assignments, who and when",
      request: { params: idPath },
      responses: {
        200: json(z.object({ versions: z.array(GridVersion) }), "Versions, newest first"),
        404: json(errorSchema, "No such grid"),
      },
    }),
    async (c) => {
      const { id: gridId } = c.req.valid("param");
      await gridFeature(c, gridId);
      const versions = await listVersions(c.var.db.orm, gridId);
      return c.json(
        { versions: versions.map(({ geometry: g, ...v }) => ({ ...v, geometry: JSON.parse(g) })) },
        200,
      );
    },
  )
  .openapi(
    writeRoute("post", "/{id}/revert", {
      summary: "Bring back an earlier version's shape, name and assignments (as a new version)",
      middleware: [edit] as const,
      request: { params: idPath, ...jsonBody(z.object({ version, toVersion: version }).strict()) },
      responses: { 200: geojson(GridFeature, "The grid as reverted") },
    }),
    async (c) => {
      const { id: gridId } = c.req.valid("param");
      const input = c.req.valid("json");
      await gridEdits.revert(c.var.db.orm, actorOf(c), gridId, input.version, input.toVersion);
      return c.json(await gridFeature(c, gridId), 200);
    },
  );
