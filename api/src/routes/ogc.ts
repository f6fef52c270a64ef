// OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0; Part 2: CRS84 and CGCS2000; Part 3:
// queryables as query parameters) at /ogc, so that QGIS and GDAL's OAPIF driver can read grids,
// communities, units, points and problems, scoped by the caller's role.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError, fieldMessage, notFound, validationError } from "../errors.ts";
import { asFeature, featureCollection, propertiesOf } from "../geojson.ts";
import {
  type Collection,
  type CollectionId,
  collectionIds,
  collections,
  extentOf,
} from "../ogc/collections.ts";
import { OPENAPI_3_0, ogcOpenApi } from "../ogc/openapi.ts";
import {
  CGCS2000,
  CRS84,
  type Crs,
  crsParam,
  flipAxes,
  parseBbox,
  parseDatetime,
  supportedCrs,
} from "../ogc/query.ts";
import { id as idParam, integerParam } from "./query.ts";
import { type AppEnv, newRouter } from "./router.ts";

/** The most features one page of items carries; a larger limit is capped and the answer says so. */
export const OGC_MAX_LIMIT = 10_000;
const OGC_DEFAULT_LIMIT = 1000;

const conformance = [
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
  "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
  "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
  "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
];

/** The items query of one collection: paging, bbox, datetime, CRS and its own queryables. */
function itemsQuery(collection: Collection) {
  const invalid = (key: "field.ogc_bbox" | "field.ogc_datetime") => ({
    message: fieldMessage(key),
  });
  return z
    .object({
      limit: integerParam(1, Number.MAX_SAFE_INTEGER).optional(),
      offset: integerParam(0, 2_147_483_647).optional(),
      bbox: z.string().optional(),
      "bbox-crs": crsParam,
      crs: crsParam,
      datetime: z
        .string()
        .refine((v) => parseDatetime(v) !== null, invalid("field.ogc_datetime"))
        .optional(),
      // Clients name the format they want; GeoJSON is the one there is.
      f: z.enum(["json", "geojson"]).optional(),
      ...Object.fromEntries(
        Object.entries(collection.queryables).map(([name, q]) => [name, q.param.optional()]),
      ),
    })
    .strict()
    .superRefine((q, ctx) => {
      if (q.bbox !== undefined && !parseBbox(q.bbox, q["bbox-crs"] ?? CRS84)) {
        ctx.addIssue({ code: "custom", path: ["bbox"], ...invalid("field.ogc_bbox") });
      }
    });
}

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

const absolute = (c: Context, path: string) => new URL(path, c.req.url).toString();

function collectionOf(c: Context): CollectionId {
  const name = c.req.param("collectionId") ?? "";
  if ((collectionIds as readonly string[]).includes(name)) return name as CollectionId;
  throw new AppError(404, "not_found", {
    key: "error.collection_unknown",
    params: { id: name, ids: collectionIds.join(", ") },
  });
}

async function describe(c: Context<AppEnv>, id: CollectionId) {
  const collection = collections[id];
  const box = await extentOf(c.var.db.orm, collection, c.var.scope.cityId);
  return {
    id,
    title: collection.title,
    description: collection.description,
    itemType: "feature",
    crs: [...supportedCrs],
    storageCrs: CRS84,
    ...(box && { extent: { spatial: { bbox: [box], crs: CRS84 } } }),
    links: [
      { rel: "self", type: "application/json", href: absolute(c, `/ogc/collections/${id}`) },
      {
        rel: "http://www.opengis.net/def/rel/ogc/1.0/queryables",
        type: "application/schema+json",
        href: absolute(c, `/ogc/collections/${id}/queryables`),
      },
      {
        rel: "items",
        type: "application/geo+json",
        href: absolute(c, `/ogc/collections/${id}/items`),
      },
    ],
  };
}

/** Rows with their geometry in the asked CRS: EPSG:4490 puts latitude first. */
function inCrs<R extends { geometry: string | null }>(rows: R[], crs: Crs): R[] {
  if (crs !== CGCS2000) return rows;
  return rows.map((r) => ({ ...r, geometry: r.geometry === null ? null : flipAxes(r.geometry) }));
}

export const ogcRoutes = newRouter()
  .get("/", ogcLanding)
  .get("/api", (c) =>
    c.body(
      JSON.stringify(
        ogcOpenApi(absolute(c, "/ogc"), { default: OGC_DEFAULT_LIMIT, maximum: OGC_MAX_LIMIT }),
      ),
      200,
      { "content-type": OPENAPI_3_0 },
    ),
  )
  .get("/conformance", (c) => c.json({ conformsTo: conformance }))
  .get("/collections", async (c) =>
    c.json({
      links: [{ rel: "self", type: "application/json", href: absolute(c, "/ogc/collections") }],
      collections: await Promise.all(collectionIds.map((id) => describe(c, id))),
    }),
  )
  .get("/collections/:collectionId", async (c) => c.json(await describe(c, collectionOf(c))))
  .get("/collections/:collectionId/queryables", (c) => {
    const id = collectionOf(c);
    const { queryables, title } = collections[id];
    return c.body(
      JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: absolute(c, `/ogc/collections/${id}/queryables`),
        type: "object",
        title,
        properties: Object.fromEntries(
          Object.entries(queryables).map(([name, q]) => [name, { title: q.title, ...q.schema }]),
        ),
        additionalProperties: false,
      }),
      200,
      { "content-type": "application/schema+json" },
    );
  })
  .get("/collections/:collectionId/items", async (c) => {
    const id = collectionOf(c);
    const collection = collections[id];
    const {
      limit,
      offset,
      bbox,
      datetime,
      crs,
      "bbox-crs": bboxCrs,
      f: _,
      ...properties
    } = parse(itemsQuery(collection), c.req.query());
    const requested = limit ?? OGC_DEFAULT_LIMIT;
    const page = { limit: Math.min(requested, OGC_MAX_LIMIT), offset: offset ?? 0 };
    if (requested > OGC_MAX_LIMIT)
      c.header("OGC-Limit-Capped", `requested=${requested}; max=${OGC_MAX_LIMIT}`);
    const { rows, total } = await collection.list(
      c.var.db.orm,
      c.var.scope,
      {
        bbox: bbox === undefined ? undefined : (parseBbox(bbox, bboxCrs ?? CRS84) ?? undefined),
        datetime:
          collection.temporal && datetime !== undefined
            ? (parseDatetime(datetime) ?? undefined)
            : undefined,
        properties: properties as Record<string, number | string>,
      },
      page,
    );
    const body = featureCollection(
      inCrs(rows, crs ?? CRS84),
      total,
      page,
      new URL(c.req.url),
      propertiesOf,
    );
    const self = new URL(c.req.url);
    return c.body(
      JSON.stringify({
        ...body,
        timeStamp: new Date().toISOString(),
        ...(requested > OGC_MAX_LIMIT && {
          limitCapped: { requested, returnedAtMost: OGC_MAX_LIMIT },
        }),
        links: [
          { rel: "self", type: "application/geo+json", href: self.toString() },
          {
            rel: "collection",
            type: "application/json",
            href: absolute(c, `/ogc/collections/${id}`),
          },
          ...body.links.map((link) => ({ ...link, href: absolute(c, link.href) })),
        ],
      }),
      200,
      { "content-type": "application/geo+json", "content-crs": `<${crs ?? CRS84}>` },
    );
  })
  .get("/collections/:collectionId/items/:featureId", async (c) => {
    const id = collectionOf(c);
    const { featureId } = parse(z.object({ featureId: idParam }), c.req.param());
    const { crs } = parse(
      z.object({ crs: crsParam, f: z.string().optional() }).strict(),
      c.req.query(),
    );
    const row = await collections[id].get(c.var.db.orm, c.var.scope, featureId, c.var.user);
    if (!row) throw notFound(collections[id].entity, featureId);
    const [inTheCrs] = inCrs([row], crs ?? CRS84);
    return c.body(
      JSON.stringify({
        ...asFeature(inTheCrs as typeof row),
        links: [
          { rel: "self", type: "application/geo+json", href: c.req.url },
          {
            rel: "collection",
            type: "application/json",
            href: absolute(c, `/ogc/collections/${id}`),
          },
        ],
      }),
      200,
      { "content-type": "application/geo+json", "content-crs": `<${crs ?? CRS84}>` },
    );
  })
  // Anything else under /ogc is a 404 in the API's error shape, never the web app's page.
  .all("*", (c) => {
    throw new AppError(404, "not_found", {
      key: "error.route_not_found",
      params: { path: c.req.path },
    });
  });

/** The landing page: also answered at /ogc/ (app.ts), as clients write it either way. */
export function ogcLanding(c: Context) {
  return c.json({
    title: "CivGrid 创城网格",
    description: "Grids, communities, units, inspection points and problems of the campaign",
    links: [
      { rel: "self", type: "application/json", href: absolute(c, "/ogc") },
      { rel: "service-desc", type: OPENAPI_3_0, href: absolute(c, "/ogc/api") },
      { rel: "service-doc", type: "text/html", href: absolute(c, "/api/docs") },
      { rel: "conformance", type: "application/json", href: absolute(c, "/ogc/conformance") },
      { rel: "data", type: "application/json", href: absolute(c, "/ogc/collections") },
    ],
  });
}
