// The OpenAPI 3.0 definition of /ogc that the landing page's service-desc link names (conformance
// class oas30). GIS clients read it: GDAL looks up each items path's parameters for what it may
// filter on the server, and QGIS and newer GDAL size their pages by the limit's maximum and default.
// The app's own /api/openapi.json is OpenAPI 3.1 and does not describe /ogc.
import { collectionIds, collections } from "./collections.ts";
import { supportedCrs } from "./query.ts";

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
  const crs = (name: string, description: string) => ({
    name,
    in: "query",
    description,
    schema: { type: "string", format: "uri", enum: [...supportedCrs], default: supportedCrs[0] },
  });
  const itemsParameters = [
    {
      name: "limit",
      in: "query",
      description: `Features a page; a larger limit is capped at ${limits.maximum}`,
      schema: { type: "integer", minimum: 1, maximum: limits.maximum, default: limits.default },
    },
    { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
    {
      name: "bbox",
      in: "query",
      description: "minLon,minLat,maxLon,maxLat (or six numbers with heights), in bbox-crs",
      style: "form",
      explode: false,
      schema: { type: "array", minItems: 4, maxItems: 6, items: { type: "number" } },
    },
    crs("bbox-crs", "The CRS of bbox; EPSG:4490 (CGCS2000) takes latitude first"),
    crs("crs", "The CRS of the answer's coordinates (Content-Crs says which)"),
    {
      name: "datetime",
      in: "query",
      description:
        "An RFC 3339 instant or an interval start/end (.. for an open end); problems by their reported time, ignored elsewhere",
      schema: { type: "string" },
    },
  ];
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
        [collectionId, ...itemsParameters],
      ),
      // Each collection's items with its queryables: GDAL sends a -where of equalities on these
      // to the server instead of reading every feature.
      ...Object.fromEntries(
        collectionIds.map((id) => [
          `/collections/${id}/items`,
          get(`${collections[id].title}: a page of features`, geojson("A FeatureCollection"), [
            ...itemsParameters,
            ...Object.entries(collections[id].queryables).map(([name, q]) => ({
              name,
              in: "query",
              description: q.title,
              schema: q.schema,
            })),
          ]),
        ]),
      ),
      "/collections/{collectionId}/queryables": get(
        "What the items may be filtered by (Part 3)",
        answer("A JSON Schema of the queryable properties", "application/schema+json"),
        [collectionId],
      ),
      "/collections/{collectionId}/items/{featureId}": get("One feature", geojson("A Feature"), [
        collectionId,
        { name: "featureId", in: "path", required: true, schema: { type: "integer" } },
      ]),
    },
  };
}
