// The OpenAPI 3.0 definition of /ogc that the landing page's service-desc link names (conformance
// class oas30). GIS clients read it: GDAL looks up each items path's parameters for what it may
// filter on the server, and QGIS and newer GDAL size their pages by the limit's maximum and default.
// The app's own /api/openapi.json is OpenAPI 3.1 and does not describe /ogc.
import { collectionIds } from "./collections.ts";

export const OPENAPI_3_0 = "application/vnd.oai.openapi+json;version=3.0";

const answer = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: { type: "object" } } },
});
const json = (description: string) => answer(description, "application/json");
const geojson = (description: string) => answer(description, "application/geo+json");
const refusals = {
  "400": json("A parameter is malformed; error.fields names it"),
  "401": json("No session or bearer token, or a revoked or expired token"),
};

const collectionId = {
  name: "collectionId",
  in: "path",
  required: true,
  schema: { type: "string", enum: [...collectionIds] },
};

/** The definition, with the server at `ogcUrl` (the absolute URL of /ogc as the client reached it). */
export function ogcOpenApi(ogcUrl: string, limits: { default: number; maximum: number }) {
  const get = (summary: string, ok: object, parameters: object[] = []) => ({
    get: { summary, parameters, responses: { "200": ok, ...refusals } },
  });
  return {
    openapi: "3.0.3",
    info: {
      title: "CivGrid 创城网格 — OGC API – Features",
      version: "1.0.0",
      description:
        "Grids, communities, units, inspection points and problems in WGS84, scoped by the " +
        "caller's role. Send `Authorization: Bearer <personal access token>`.",
    },
    servers: [{ url: ogcUrl }],
    paths: {
      "/": get("Landing page", json("Links to this definition, the conformance and the data")),
      "/api": get("This definition", answer("OpenAPI 3.0", OPENAPI_3_0)),
      "/conformance": get("Conformance classes", json("The classes implemented")),
      "/collections": get("The feature collections", json("Each collection with its extent")),
      "/collections/{collectionId}": get("One collection", json("Its extent and links"), [
        collectionId,
      ]),
      "/collections/{collectionId}/items": get(
        "A page of features, next and prev linked",
        geojson("A FeatureCollection with numberMatched and numberReturned"),
        [
          collectionId,
          {
            name: "limit",
            in: "query",
            description: `Features a page; a larger limit is capped at ${limits.maximum}`,
            schema: {
              type: "integer",
              minimum: 1,
              maximum: limits.maximum,
              default: limits.default,
            },
          },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
          {
            name: "bbox",
            in: "query",
            description: "minLon,minLat,maxLon,maxLat in WGS84",
            style: "form",
            explode: false,
            schema: { type: "array", minItems: 4, maxItems: 4, items: { type: "number" } },
          },
        ],
      ),
      "/collections/{collectionId}/items/{featureId}": get("One feature", geojson("A Feature"), [
        collectionId,
        { name: "featureId", in: "path", required: true, schema: { type: "integer" } },
      ]),
    },
  };
}
