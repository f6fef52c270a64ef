// Grids as files: the division table (JSON and XLSX), and exports as GeoJSON, KML and CSV.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { divisionTable, divisionWorkbook } from "../grids/division.ts";
import { contentTypes, encode } from "../grids/formats.ts";
import { checkImport, commitImport } from "../grids/import.ts";
import { listGrids } from "../grids/queries.ts";
import { requirePermission } from "../middleware/session.ts";
import { geoFileBody, importAnswers, runImport, sourceCrs } from "./geo-upload.ts";
import { booleanFlag, downloadLanguage, id, oneOf } from "./query.ts";
import { carryOverParam } from "./restructuring-schemas.ts";
import {
  type AppEnv,
  attachment,
  download,
  errorSchema,
  json,
  newRouter,
  readerLanguage,
} from "./router.ts";

const errors = {
  400: json(errorSchema, "A parameter is not valid"),
  401: json(errorSchema, "Not signed in"),
};
const scopeQuery = z.object({ communityId: id.optional() }).strict();

function attach(c: Context<AppEnv>, asciiName: string, name: string) {
  c.header("content-disposition", attachment(asciiName, name));
}

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

export const gridFileRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/import",
      tags: ["grids"],
      summary:
        "Import grids into a community from GeoJSON, KML or a zipped Shapefile: preview, then commit=true",
      middleware: [requirePermission("grids.write")] as const,
      request: { query: importQuery, body: geoFileBody },
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
    createRoute({
      method: "get",
      path: "/division",
      tags: ["grids"],
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
        ...errors,
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
    createRoute({
      method: "get",
      path: "/division.xlsx",
      tags: ["grids"],
      summary: "The division table as an XLSX workbook",
      request: { query: scopeQuery },
      responses: {
        200: download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
        ...errors,
      },
    }),
    async (c) => {
      const { communityId } = c.req.valid("query");
      const rows = await divisionTable(c.var.db.orm, c.var.scope, c.var.user, communityId);
      const title = `${rows[0]?.communityName && communityId ? rows[0].communityName : "帮包社区"}网格分工表`;
      attach(c, "grid-division.xlsx", `${title}.xlsx`);
      return c.body(await divisionWorkbook(rows, title), 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/export",
      tags: ["grids"],
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
        ...errors,
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
      const features = rows.map((g) => ({
        type: "Feature" as const,
        geometry: JSON.parse(g.geometry),
        properties: {
          code: g.code,
          name: g.name,
          community: g.communityName,
          areaM2: g.areaM2,
          leadUnit: g.leadUnitName,
          leader: g.leaderName,
          volunteers: g.volunteerCount,
          version: g.version,
        },
      }));
      attach(c, `grids.${format}`, `网格.${format}`);
      return c.body(encode(features, format, "网格 grids", readerLanguage(c, lang)), 200, {
        "content-type": contentTypes[format],
      });
    },
  );
