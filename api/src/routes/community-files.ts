// POST /api/communities/import: communities (社区) of a street from GeoJSON, KML or a zipped Shapefile.
import { createRoute, z } from "@hono/zod-openapi";
import { checkCommunityImport, commitCommunityImport } from "../communities/import.ts";
import { requirePermission } from "../middleware/session.ts";
import { importAnswers, runImport, sourceCrs } from "./geo-upload.ts";
import { booleanFlag, id } from "./query.ts";
import { fileUpload, newRouter } from "./router.ts";

const importQuery = z
  .object({
    streetId: id.openapi({ description: "The street (街道) the communities belong to" }),
    crs: sourceCrs,
    commit: booleanFlag,
  })
  .strict();

export const communityFileRoutes = newRouter().openapi(
  createRoute({
    method: "post",
    path: "/import",
    tags: ["communities"],
    summary:
      "Import communities into a street from GeoJSON, KML or a zipped Shapefile: preview, then commit=true. Each feature needs a name (name/名称/社区名称); a 12-digit code (code/编码/社区编码) is kept, else one is given west→east, north→south",
    middleware: [requirePermission("grids.write")] as const,
    request: { query: importQuery, ...fileUpload },
    responses: importAnswers("Committed: the new communities' ids"),
  }),
  (c) => {
    const query = c.req.valid("query");
    return runImport(
      c,
      query,
      (tx, actor, features) => checkCommunityImport(tx, actor, query.streetId, features, query.crs),
      (tx, actor, checked) => commitCommunityImport(tx, actor, query.streetId, checked),
    );
  },
);
