// OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0) at /ogc, so that QGIS and GDAL's OAPIF
// driver can read grids, communities, units, points and problems, scoped by the caller's role.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError, notFound, validationError } from "../errors.ts";
import { asFeature, featureCollection } from "../geojson.ts";
import { type CollectionId, collectionIds, collections, extentOf } from "../ogc/collections.ts";
import { OPENAPI_3_0, ogcOpenApi } from "../ogc/openapi.ts";
import { bbox, id as idParam, integerParam } from "./query.ts";
import { type AppEnv, newRouter } from "./router.ts";

/** The most features one page of items carries; a larger limit is capped and the answer says so. */
export const OGC_MAX_LIMIT = 10_000;
const OGC_DEFAULT_LIMIT = 1000;
const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

const conformance = [
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
];

const itemsQuery = z
  .object({
    limit: integerParam(1, Number.MAX_SAFE_INTEGER).optional(),
    offset: integerParam(0, 2_147_483_647).optional(),
    bbox,
    // Clients name the format they want; GeoJSON is the one there is.
    f: z.enum(["json", "geojson"]).optional(),
  })
  .strict();

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
    crs: [CRS84],
    ...(box && { extent: { spatial: { bbox: [box], crs: CRS84 } } }),
    links: [
      { rel: "self", type: "application/json", href: absolute(c, `/ogc/collections/${id}`) },
      {
        rel: "items",
        type: "application/geo+json",
        href: absolute(c, `/ogc/collections/${id}/items`),
      },
    ],
  };
}

const withoutGeometry = ({ geometry: _, ...rest }: { geometry: unknown }) => rest;

export const ogcRoutes = newRouter()
  .get("/", (c) =>
    c.json({
      title: "CivGrid 创城网格",
      description: "Grids, communities, units, inspection points and problems of the campaign",
      links: [
        { rel: "self", type: "application/json", href: absolute(c, "/ogc") },
        { rel: "service-desc", type: OPENAPI_3_0, href: absolute(c, "/ogc/api") },
        { rel: "service-doc", type: "text/html", href: absolute(c, "/api/docs") },
        { rel: "conformance", type: "application/json", href: absolute(c, "/ogc/conformance") },
        { rel: "data", type: "application/json", href: absolute(c, "/ogc/collections") },
      ],
    }),
  )
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
  .get("/collections/:collectionId/items", async (c) => {
    const id = collectionOf(c);
    const query = parse(itemsQuery, c.req.query());
    const requested = query.limit ?? OGC_DEFAULT_LIMIT;
    const page = { limit: Math.min(requested, OGC_MAX_LIMIT), offset: query.offset ?? 0 };
    if (requested > OGC_MAX_LIMIT)
      c.header("OGC-Limit-Capped", `requested=${requested}; max=${OGC_MAX_LIMIT}`);
    const { rows, total } = await collections[id].list(c.var.db.orm, c.var.scope, query.bbox, page);
    const body = featureCollection(rows, total, page, new URL(c.req.url), withoutGeometry);
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
      { "content-type": "application/geo+json" },
    );
  })
  .get("/collections/:collectionId/items/:featureId", async (c) => {
    const id = collectionOf(c);
    const { featureId } = parse(z.object({ featureId: idParam }), c.req.param());
    const row = await collections[id].get(c.var.db.orm, c.var.scope, featureId, c.var.user);
    if (!row) throw notFound(collections[id].entity, featureId);
    return c.body(
      JSON.stringify({
        ...asFeature(row),
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
      { "content-type": "application/geo+json" },
    );
  });
