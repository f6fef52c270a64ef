// GET /api/openapi.json: the OpenAPI document of every route, finished in one place: who may call
// each operation (security), its operationId, and the servers it is reached on.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { SESSION_COOKIE } from "../accounts/sessions.ts";
import { isPublic } from "../middleware/session.ts";
import type { AppEnv } from "./router.ts";
import { describeStandardClients } from "./standard-clients-document.ts";

type Document = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;
type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
};

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const session = { session: [] };
/** Written into the finished document, so as JSON Schema (errorSchema is registered as Error). */
const throttled = {
  description: "Too many calls from this address; Retry-After says when to call again",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const accessToken = { accessToken: [] };

const camel = (word: string) => word.replace(/[-_.](\w)/g, (_, c: string) => c.toUpperCase());
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The operationId of a route that names none: its method and path in camelCase, a parameter read
 * as "By…" (GET /api/grids/{id}/versions → getGridsByIdVersions). Method and path are unique, and
 * so stable names follow without writing one on each of the routes.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, "/")
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const parameter = segment.match(/^\{(\w+)\}$/)?.[1];
      return capital(camel(parameter ? `by-${parameter}` : segment.replace(/[{}]/g, "")));
    });
  return method + words.join("");
}

/** Who may call: public paths anyone; writes a session only (access tokens are read-only). */
function securityOf(method: string, path: string): Operation["security"] {
  if (path.startsWith("/open311/") || (path.startsWith("/api/") && isPublic(path))) return [];
  return method === "get" || method === "head" ? undefined : [session];
}

function finish(document: Document): Document {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.operationId ??= operationIdOf(method, path);
      const security = securityOf(method, path);
      if (security) operation.security ??= security;
      // Anonymous calls are throttled per address (session.ts), so any public path may say 429.
      if (security?.length === 0 && path.startsWith("/api/")) {
        operation.responses ??= {};
        operation.responses["429"] ??= throttled;
      }
    }
  }
  return document;
}

/** Serves the document of `app`'s routes; call after every route is registered. */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The session cookie that POST /api/auth/login sets",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "accessToken", {
    type: "http",
    scheme: "bearer",
    description:
      "A personal access token (POST /api/tokens) for GIS clients: reads only, with its owner's scope",
  });
  describeStandardClients(app.openAPIRegistry);
  let document: Document | undefined;
  app.get("/api/openapi.json", (c) => {
    document ??= finish(
      app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "CivGrid 创城网格 API",
          version: "0.1.0",
          description:
            "Responsibility grids, units, inspection points and problems of a city's civilized-city campaign. " +
            "Geometries are GeoJSON in WGS84. Errors are {error: {code, message, fields?}}, in Chinese unless " +
            "Accept-Language prefers English.",
        },
        servers: [{ url: "/", description: "This server" }],
        security: [session, accessToken],
      }),
    );
    return c.json(document);
  });
}
