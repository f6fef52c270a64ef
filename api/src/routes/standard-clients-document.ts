// The OpenAPI description of the routes standard clients call: Open311 GeoReport v2 (/open311),
// OGC API – Features (/ogc) and vector tiles (/tiles). Those routes are plain Hono (their answers
// follow the standards, not our zod shapes), so they are described here, documentation only.
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { collectionIds } from "../ogc/collections.ts";
import { tileLayers } from "../tiles/layers.ts";
import { open311ListQuery, open311RequestBody } from "./open311.ts";
import { download, errorSchema, geojson, json } from "./router.ts";

type OpenAPIRegistry = OpenAPIHono["openAPIRegistry"];

const format = z.enum(["json", "xml"]).openapi({ description: "json, or the spec's XML" });
const link = z.object({ rel: z.string(), type: z.string(), href: z.string() });
const featureCollection = z
  .object({
    type: z.literal("FeatureCollection"),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    timeStamp: z.string().optional(),
    links: z.array(link),
    features: z.array(z.object({ type: z.literal("Feature") }).passthrough()),
  })
  .openapi("OgcFeatureCollection");

/** A GeoReport answer in JSON, or the same fields as the spec's XML. */
const geoReport = (name: string, schema: z.ZodTypeAny, description: string) => ({
  content: {
    "application/json": { schema: schema.openapi(`Open311${name}`) },
    "text/xml": {
      schema: z.string().openapi({ description: "The spec's XML of the same fields" }),
    },
  },
  description,
});
const open311Error = geoReport(
  "Errors",
  z.array(z.object({ code: z.number().int(), description: z.string() })),
  "The spec's error list",
);

const service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal("realtime"),
  keywords: z.string(),
  group: z.string(),
});
const serviceRequest = z.object({
  service_request_id: z.string().nullable(),
  token: z.string().optional(),
  status: z.enum(["open", "closed"]).optional(),
  status_notes: z.string().optional(),
  service_name: z.string().nullable().optional(),
  service_code: z.string().nullable().optional(),
  description: z.string().optional(),
  agency_responsible: z.string().nullable().optional(),
  service_notice: z.string().nullable().optional(),
  requested_datetime: z.string().optional(),
  updated_datetime: z.string().optional(),
  expected_datetime: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  address_id: z.string().nullable().optional(),
  zipcode: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  long: z.number().nullable().optional(),
  media_url: z.string().nullable().optional(),
  account_id: z.string().nullable().optional(),
});
const serviceRequests = z.array(serviceRequest);

type Answer = { content: Record<string, { schema: z.ZodTypeAny }>; description: string };

/** Registers the GET operations of one standard, which share a tag and their error answers. */
const getter =
  (registry: OpenAPIRegistry, tag: string, errors: Record<number, Answer>) =>
  (
    operationId: string,
    path: string,
    summary: string,
    ok: Answer,
    request?: { params?: z.ZodObject; query?: z.ZodObject },
  ) =>
    registry.registerPath({
      method: "get",
      path,
      operationId,
      tags: [tag],
      summary,
      ...(request && { request }),
      responses: { 200: ok, ...errors },
    });

function describeOpen311(registry: OpenAPIRegistry) {
  const tags = ["open311"];
  const getReport = getter(registry, "open311", {
    400: open311Error,
    404: open311Error,
    429: open311Error,
  });
  const get = (
    operationId: string,
    path: string,
    summary: string,
    ok: Answer,
    params: Record<string, z.ZodTypeAny> = {},
    query?: z.ZodObject,
  ) =>
    getReport(operationId, path, summary, ok, {
      params: z.object({ ...params, format }),
      ...(query && { query }),
    });
  get(
    "getOpen311Discovery",
    "/open311/discovery.{format}",
    "Service discovery: the GeoReport v2 endpoint, its formats and changeset (also at /open311/v2/discovery.{format})",
    geoReport(
      "Discovery",
      z.object({
        changeset: z.string(),
        contact: z.string(),
        key_service: z.string(),
        endpoints: z.array(
          z.object({
            specification: z.string(),
            url: z.string(),
            changeset: z.string(),
            type: z.string(),
            formats: z.array(z.string()),
          }),
        ),
      }),
      "Discovery",
    ),
  );
  get(
    "listOpen311Services",
    "/open311/v2/services.{format}",
    "The services (the items of the city's active standards)",
    geoReport("Services", z.array(service), "Services"),
  );
  get(
    "getOpen311ServiceDefinition",
    "/open311/v2/services/{service_code}.{format}",
    "A service's definition: its attributes",
    geoReport(
      "ServiceDefinition",
      z.object({
        service_code: z.string(),
        attributes: z.array(
          z.object({
            variable: z.boolean(),
            code: z.string(),
            datatype: z.string(),
            required: z.boolean(),
            datatype_description: z.string().nullable(),
            order: z.number().int(),
            description: z.string(),
            values: z.array(z.object({ key: z.string(), name: z.string() })),
          }),
        ),
      }),
      "The service definition",
    ),
    { service_code: z.string() },
  );
  get(
    "listOpen311Requests",
    "/open311/v2/requests.{format}",
    "Public service requests (without dates: the last 90 days)",
    geoReport("ServiceRequests", serviceRequests, "Service requests"),
    {},
    open311ListQuery,
  );
  get(
    "getOpen311Request",
    "/open311/v2/requests/{service_request_id}.{format}",
    "One service request",
    geoReport("ServiceRequest", serviceRequests, "The request, as a list of one"),
    { service_request_id: z.string().regex(/^\d+$/) },
  );
  get(
    "getOpen311RequestIdByToken",
    "/open311/v2/tokens/{token}.{format}",
    "The request a token stands for, once the office has placed it",
    geoReport("Token", serviceRequests, "The token with its request id (null while waiting)"),
    { token: z.string() },
  );
  registry.registerPath({
    method: "post",
    path: "/open311/v2/requests.{format}",
    operationId: "createOpen311Request",
    tags,
    summary: "File a service request (a problem); an api_key when the office has set any",
    request: {
      params: z.object({ format }),
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": { schema: open311RequestBody },
          "multipart/form-data": { schema: open311RequestBody },
          "application/json": { schema: open311RequestBody },
        },
      },
    },
    responses: {
      201: geoReport("Filed", serviceRequests, "Filed: its id, or a token while it waits"),
      400: open311Error,
      403: open311Error,
      429: open311Error,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/open311/v2/media/{id}",
    operationId: "getOpen311Media",
    tags,
    summary: "The photo of a public service request",
    request: { params: z.object({ id: z.string().regex(/^\d+$/) }) },
    responses: {
      200: download("image/*", "The photo"),
      404: open311Error,
    },
  });
}

function describeOgc(registry: OpenAPIRegistry) {
  const collectionId = z.enum(collectionIds);
  const links = z.object({ links: z.array(link) }).passthrough();
  const getOgc = getter(registry, "ogc", {
    400: json(errorSchema, "A parameter is not valid"),
    404: json(errorSchema, "No such collection or feature"),
  });
  const get = (
    operationId: string,
    path: string,
    summary: string,
    ok: Answer,
    params?: z.ZodObject,
    query?: z.ZodObject,
  ) => getOgc(operationId, path, summary, ok, params && { params, ...(query && { query }) });
  const crs = z.string().optional().openapi({
    description: "CRS84 or http://www.opengis.net/def/crs/EPSG/0/4490 (CGCS2000, latitude first)",
  });
  const itemsQuery = z.object({
    limit: z.string().regex(/^\d+$/).optional().openapi({ description: "at most 10000" }),
    offset: z.string().regex(/^\d+$/).optional(),
    bbox: z.string().optional().openapi({ description: "4 or 6 numbers, in bbox-crs" }),
    "bbox-crs": crs,
    crs,
    datetime: z.string().optional().openapi({
      description: "an instant or an interval with open ends (../2026-12-01T00:00:00Z)",
    }),
    f: z.enum(["json", "geojson"]).optional(),
  });
  get(
    "getOgcLanding",
    "/ogc",
    "OGC API – Features landing page (also at /ogc/)",
    json(links, "Links"),
  );
  get(
    "getOgcApiDefinition",
    "/ogc/api",
    "The OpenAPI 3.0 description GDAL and other OGC clients read",
    {
      content: {
        "application/vnd.oai.openapi+json;version=3.0": { schema: z.object({}).passthrough() },
      },
      description: "OpenAPI 3.0",
    },
  );
  get(
    "getOgcConformance",
    "/ogc/conformance",
    "The conformance classes",
    json(z.object({ conformsTo: z.array(z.string()) }), "Conformance"),
  );
  get("listOgcCollections", "/ogc/collections", "The collections", json(links, "Collections"));
  const inCollection = z.object({ collectionId });
  get(
    "getOgcCollection",
    "/ogc/collections/{collectionId}",
    "One collection",
    json(links, "The collection"),
    inCollection,
  );
  get(
    "getOgcQueryables",
    "/ogc/collections/{collectionId}/queryables",
    "The properties the items may be filtered by (Part 3)",
    {
      content: { "application/schema+json": { schema: z.object({}).passthrough() } },
      description: "A JSON Schema",
    },
    inCollection,
  );
  get(
    "listOgcItems",
    "/ogc/collections/{collectionId}/items",
    "Features, a page at a time (limit, bbox, bbox-crs, crs, datetime, queryables); follow `next`",
    geojson(featureCollection, "Features"),
    inCollection,
    itemsQuery,
  );
  get(
    "getOgcItem",
    "/ogc/collections/{collectionId}/items/{featureId}",
    "One feature",
    geojson(z.object({ type: z.literal("Feature") }).passthrough(), "The feature"),
    inCollection.extend({ featureId: z.string() }),
  );
}

function describeTiles(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/tiles/{layer}/{z}/{x}/{y}",
    operationId: "getVectorTile",
    tags: ["tiles"],
    summary: "A Mapbox vector tile of one layer, drawn in the caller's scope; y may end in .mvt",
    request: {
      params: z.object({
        layer: z.enum(tileLayers),
        z: z.string().regex(/^\d+$/).openapi({ description: "zoom, 0 to 22" }),
        x: z.string().regex(/^\d+$/),
        y: z.string().regex(/^\d+(\.mvt)?$/),
      }),
    },
    responses: {
      200: download(
        "application/vnd.mapbox-vector-tile",
        "The tile (empty where the layer has nothing there)",
      ),
      304: { description: "Not modified since the ETag sent in If-None-Match" },
      400: json(errorSchema, "No such layer, or a tile address out of range"),
    },
  });
}

/** Adds /open311, /ogc and /tiles to the document. */
export function describeStandardClients(registry: OpenAPIRegistry) {
  describeOpen311(registry);
  describeOgc(registry);
  describeTiles(registry);
}
