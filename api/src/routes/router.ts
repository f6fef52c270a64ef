// What every route file builds on: the request context, a router that validates at the edge,
// and the OpenAPI shapes of features, collections and errors.
import { problemStatuses } from "@civgrid/geo";
import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { SessionUser } from "../accounts/sessions.ts";
import type { Actor } from "../audit/record.ts";
import type { Db, Executor } from "../db/client.ts";
import { notFound, validationError } from "../errors.ts";
import {
  asFeature,
  type FeatureRow,
  featureCollection,
  type Page,
  propertiesOf,
} from "../geojson.ts";
import { type Lang, languageOf } from "../messages.ts";
import type { Scope } from "../policy/scope.ts";
import { DEFAULT_LIMIT, idPath } from "./query.ts";

export interface AppEnv {
  Variables: {
    db: Db;
    /** The city this deployment serves (public endpoints); signed-in callers carry theirs in scope. */
    cityId: number;
    /** Set by the session middleware on every non-public route. */
    user: SessionUser;
    sessionToken: string;
    scope: Scope;
  };
}

/** A sub-app whose invalid requests become one 400 naming each bad field. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

export function pageOf(query: { limit?: number | undefined; offset?: number | undefined }) {
  return { limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 };
}

export const geometry = z
  .object({ type: z.string(), coordinates: z.array(z.any()) })
  .openapi("Geometry", { description: "GeoJSON geometry in WGS84 (EPSG:4326)" });

export function featureSchema<P extends z.ZodTypeAny>(name: string, properties: P) {
  return z
    .object({
      type: z.literal("Feature"),
      id: z.number().int(),
      geometry,
      properties,
    })
    .openapi(name);
}

export function collectionSchema<F extends z.ZodTypeAny>(name: string, feature: F) {
  return z
    .object({
      type: z.literal("FeatureCollection"),
      numberMatched: z.number().int(),
      numberReturned: z.number().int(),
      links: z.array(
        z.object({
          rel: z.enum(["next", "prev"]),
          href: z.string(),
          type: z.literal("application/geo+json"),
        }),
      ),
      features: z.array(feature),
    })
    .openapi(name);
}

/** A shape rule a geometry breaks (geo/src/problem.ts), worded for the caller. */
export const gridProblemSchema = z
  .object({
    code: z.string().openapi({ example: "self_intersection" }),
    key: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    at: z.tuple([z.number(), z.number()]).optional().openapi({ description: "[lon, lat]" }),
    area: z.number().optional().openapi({ description: "m²" }),
    geometry: geometry.optional().openapi({ description: "what to highlight on the map" }),
    message: z.string(),
  })
  .openapi("GridProblem");

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string().openapi({ example: "请求参数有误,请检查标出的字段。" }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ example: { bbox: "bbox 应为四个数字:最小经度,最小纬度,最大经度,最大纬度" } }),
      problems: z
        .array(gridProblemSchema)
        .optional()
        .openapi({ description: "a geometry's problems, each with where to mark it (400, 422)" }),
      current: z
        .object({
          id: z.number().int(),
          version: z.number().int(),
          updatedAt: z.string().optional().openapi({ description: "a grid's" }),
          name: z.string().optional().openapi({ description: "a grid's" }),
          status: z.enum(problemStatuses).optional().openapi({ description: "a problem's" }),
        })
        .optional()
        .openapi({ description: "version_conflict (409): the grid or problem as it is now" }),
      mergeWith: z
        .array(z.object({ id: z.number().int(), version: z.number().int(), code: z.string() }))
        .optional()
        .openapi({ description: "a revert to before a split: the pieces to merge back instead" }),
    }),
  })
  .openapi("Error");

/** An OpenAPI response (or request) body of JSON with this schema. */
export const json = (schema: z.ZodTypeAny, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/**
 * A route file's error responses, each status with what it means there; every one of them also
 * answers 401 when the caller is not signed in.
 */
export function errorResponses<S extends number>(descriptions: Record<S, string>) {
  const responses = { 401: json(errorSchema, "Not signed in") } as Record<
    S | 401,
    ReturnType<typeof json>
  >;
  for (const [status, description] of Object.entries<string>(descriptions)) {
    responses[Number(status) as S] = json(errorSchema, description);
  }
  return responses;
}

/** The responses every read endpoint can give besides its 200. */
export const readErrors = {
  400: json(errorSchema, "A parameter is not valid; `fields` names each one."),
  404: json(errorSchema, "No such record in this city."),
};

/** A file in the answer (a workbook, an archive, a tile): bytes of this media type. */
export const download = (mediaType: string, description: string) => ({
  content: { [mediaType]: { schema: z.string().openapi({ format: "binary" }) } },
  description,
});

export function geojson(schema: z.ZodTypeAny, description: string) {
  return { content: { "application/geo+json": { schema } }, description };
}

/**
 * Content-Disposition for a download: an ASCII fallback name and the Chinese name offices will
 * see (RFC 6266 filename*). The names are only ever labels, never paths.
 */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The media type of an XLSX workbook. */
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook as the whole answer, saved as `name` (`asciiName` where RFC 6266 is not read). */
export function workbookAnswer(
  c: Context<AppEnv>,
  bytes: ArrayBuffer,
  asciiName: string,
  name: string,
) {
  return c.body(bytes, 200, {
    "content-type": XLSX,
    "content-disposition": attachment(asciiName, name),
  });
}

/** Who writes: the signed-in caller, in their city. */
export const actorOf = (c: Context<AppEnv>): Actor => ({
  cityId: c.var.user.cityId,
  userId: c.var.user.id,
});

/** The language a download is written in: `lang` when the link names it, else Accept-Language. */
export function readerLanguage(c: Context<AppEnv>, lang: Lang | undefined): Lang {
  return lang ?? languageOf(c.req.header("accept-language"));
}

/** A required JSON request body, typed from its schema. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { required: true as const, content: { "application/json": { schema } } },
});

/** A required multipart body carrying one file in `file` (the handler reads and checks it). */
export const fileUpload = {
  body: {
    required: true as const,
    content: {
      "multipart/form-data": {
        schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
      },
    },
  },
};

type QuerySchema = NonNullable<NonNullable<RouteConfig["request"]>["query"]>;
type ResponseConfig = RouteConfig["responses"][string];

/**
 * The route declarations of one file: each names its method, path, summary and what it takes and
 * answers; the file's tag and error responses are added to every one. `.read` declares the file's
 * `GET /{id}`; `.errors` are the error responses, for a declaration made by hand.
 */
function routesFor<E extends Record<number, ResponseConfig>>(tag: string, errors: E) {
  const route = <
    const M extends RouteConfig["method"],
    const P extends string,
    const S extends Omit<RouteConfig, "method" | "path" | "tags">,
  >(
    method: M,
    path: P,
    spec: S,
  ) =>
    createRoute({
      method,
      path,
      tags: [tag],
      ...spec,
      responses: { ...spec.responses, ...errors } as S["responses"] & E,
    });
  const read = <R extends ResponseConfig>(summary: string, ok: R) =>
    readRoute(tag, summary, ok, errors);
  return Object.assign(route, { read, errors });
}

/**
 * A file's routes (see routesFor), its errors given either as responses or, most often, as what
 * each status means in that file (401 is then added: see errorResponses).
 */
export function routesOf<S extends number>(
  tag: string,
  descriptions: Record<S, string>,
): ReturnType<typeof routesFor<ReturnType<typeof errorResponses<S>>>>;
export function routesOf<E extends Record<number, ResponseConfig>>(
  tag: string,
  errors: E,
): ReturnType<typeof routesFor<E>>;
export function routesOf(tag: string, errors: Record<number, string | ResponseConfig>) {
  const described = Object.values(errors).every((e) => typeof e === "string");
  return routesFor(
    tag,
    described
      ? errorResponses(errors as Record<number, string>)
      : (errors as Record<number, ResponseConfig>),
  );
}

/** `GET /` of a list endpoint: its query, its 200 and the read errors. */
export function listRoute<Q extends QuerySchema, R extends ResponseConfig>(
  tag: string,
  summary: string,
  query: Q,
  ok: R,
) {
  return createRoute({
    method: "get",
    path: "/",
    tags: [tag],
    summary,
    request: { query },
    responses: { 200: ok, ...readErrors },
  });
}

/** `GET /{id}` of one record: its 200 and the errors it may give (the read errors unless named). */
export function readRoute<R extends ResponseConfig, E extends Record<number, ResponseConfig>>(
  tag: string,
  summary: string,
  ok: R,
  errors: E = readErrors as unknown as E,
) {
  return createRoute({
    method: "get",
    path: "/{id}",
    tags: [tag],
    summary,
    request: { params: idPath },
    responses: { 200: ok, ...errors },
  });
}

/** One page of a list endpoint's rows as a FeatureCollection with its paging links. */
export async function pagedCollection<R extends FeatureRow>(
  url: string,
  query: { limit?: number | undefined; offset?: number | undefined },
  list: (page: Page) => Promise<{ rows: R[]; total: number }>,
  properties: (row: R) => Record<string, unknown>,
) {
  const page = pageOf(query);
  const { rows, total } = await list(page);
  return featureCollection(rows, total, page, new URL(url), properties);
}

/**
 * The handler of a layer's list endpoint: one page of the rows the caller's scope may read,
 * filtered by the query, as a FeatureCollection.
 */
export function pagedHandler<Q, R extends FeatureRow>(
  list: (ex: Executor, scope: Scope, query: Q, page: Page) => Promise<{ rows: R[]; total: number }>,
  properties: (row: R) => Record<string, unknown>,
) {
  type Query = Q & { limit?: number | undefined; offset?: number | undefined };
  return async (c: Context<AppEnv, string, { out: { query: Query } }>) => {
    const q = c.req.valid("query");
    const page = (p: Page) => list(c.var.db.orm, c.var.scope, q, p);
    return c.json(await pagedCollection(c.req.url, q, page, properties), 200);
  };
}

type Rows<Q, R extends FeatureRow> = (
  ex: Executor,
  scope: Scope,
  query: Q,
  page: Page,
) => Promise<{ rows: R[]; total: number }>;

/**
 * The reads of a map layer (points, units, grids, problems): `GET /`, one page of the features
 * the caller's scope may read, filtered by `query`; and `GET /{id}`, one feature in full, or 404
 * naming `entity` when there is none the caller may read. Mount it where the file's reads go:
 * a static `GET /…` the file also has must come before it, or `/{id}` would take it.
 */
export function featureLayer<Q, R extends FeatureRow, D extends FeatureRow>(
  tag: string,
  list: { summary: string; query: QuerySchema; ok: ResponseConfig; rows: Rows<Q, R> },
  read: {
    summary: string;
    ok: ResponseConfig;
    entity: Parameters<typeof notFound>[0];
    one: (c: Context<AppEnv>, id: number) => Promise<D | null | undefined>;
  },
) {
  return newRouter()
    .openapi(
      listRoute(tag, list.summary, list.query, list.ok),
      pagedHandler(list.rows, propertiesOf),
    )
    .openapi(readRoute(tag, read.summary, read.ok), async (c) => {
      const { id } = c.req.valid("param");
      const row = await read.one(c, id);
      if (!row) throw notFound(read.entity, id);
      return c.json(asFeature(row), 200);
    });
}
