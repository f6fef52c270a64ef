// Open311 GeoReport v2 at /open311/v2 (and its service discovery at /open311/discovery), so that
// existing 311 clients can file and read problems: every endpoint in JSON and in the spec's XML,
// errors in the spec's shape ({code, description} entries; <errors><error>) with HTTP 400/403/404/429.
// Public: no session; GET answers carry CORS headers so a city's own pages may read them.
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { Throttle } from "../accounts/throttle.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { sendStoredFile } from "../files/send.ts";
import { storePhoto } from "../files/store.ts";
import { type Lang, languageOf, type MessageKey, translate } from "../messages.ts";
import { clientAddress } from "../middleware/session.ts";
import { parseAttributes } from "../open311/attributes.ts";
import { fileOpen311Request, requestIdOfToken } from "../open311/file-request.ts";
import { type Format, formatOf, mediaTypes, toXml } from "../open311/format.ts";
import { listRequests, listServices, MEDIA_PATH, serviceAttributes } from "../open311/services.ts";
import { filesPublic } from "../policy/file-scope.ts";

interface Open311Env {
  Variables: { db: Db; cityId: number };
}

/** When this implementation of the endpoint last changed (discovery's `changeset`). */
const CHANGESET = "2026-12-03T00:00:00Z";
const SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
/** Filing without an api_key: per address. With one: per key (an integrator's whole app). */
const PER_ADDRESS_PER_MINUTE = 10;
const PER_KEY_PER_MINUTE = 60;
/** GeoReport's longest description. */
export const DESCRIPTION_MAX = 4000;

type Issue = { key: MessageKey; params?: Record<string, string | number> };

const langOf = (c: Context): Lang => languageOf(c.req.header("accept-language"));

/** One answer in the format the path asks for (JSON when it names none). */
function answer(
  c: Context,
  root: string,
  value: unknown,
  status: 200 | 201 | 400 | 403 | 404 | 429 = 200,
) {
  const format: Format = formatOf(c.req.path) ?? "json";
  const body = format === "xml" ? toXml(root, value as never) : JSON.stringify(value);
  return c.body(body, status, { "content-type": mediaTypes[format] });
}

/** GeoReport's error answer: one {code, description} entry per issue, in the reader's language. */
function fail(c: Context, status: 400 | 403 | 404 | 429, ...issues: Issue[]) {
  const lang = langOf(c);
  return answer(
    c,
    "errors",
    issues.map((i) => ({ code: status, description: translate(i.key, lang, i.params) })),
    status,
  );
}

const text = (max: number) => z.string().trim().max(max).optional();
export const open311RequestBody = z.object({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().optional(),
  service_code: z.string().min(1),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: text(250),
  address_id: text(100),
  email: z.string().trim().email().max(100).optional(),
  device_id: text(100),
  account_id: text(100),
  first_name: text(32),
  last_name: text(32),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,20}$/)
    .optional(),
  media_url: z.string().trim().url().max(500).optional(),
  description: z.string().trim().min(1).max(DESCRIPTION_MAX),
});

export const open311ListQuery = z.object({
  service_request_id: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .optional(),
  service_code: z.string().optional(),
  start_date: z.string().datetime({ offset: true }).optional(),
  end_date: z.string().datetime({ offset: true }).optional(),
  status: z.enum(["open", "closed"]).optional(),
  jurisdiction_id: z.string().optional(),
  api_key: z.string().optional(),
});

/** Form fields a client left empty are not sent: `lat=` must not read as 0. */
function withoutEmpty(raw: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "" && v !== undefined));
}

const invalidFields = (issues: readonly { path: readonly PropertyKey[] }[]): Issue[] =>
  [...new Set(issues.map((i) => i.path.join(".")))].map((fields) => ({
    key: "open311.invalid_fields",
    params: { fields },
  }));

export function open311Routes(options: { apiKeys: string[]; filesDir: string }) {
  const app = new Hono<Open311Env>();
  // Counted in the database: every process behind the proxy shares the limits.
  const byAddress = new Throttle("open311-address", PER_ADDRESS_PER_MINUTE, 60_000);
  const byKey = new Throttle("open311-key", PER_KEY_PER_MINUTE, 60_000);
  const origin = (c: Context) => new URL(c.req.url).origin;
  const services = (c: Context<Open311Env>) => listServices(c.var.db.orm, c.var.cityId);
  /**
   * Requests as the spec shows them, with media at an absolute address and the status in words
   * as status_notes (never a member of staff's note).
   */
  const requests = async (c: Context<Open311Env>, f: Parameters<typeof listRequests>[2]) =>
    (await listRequests(c.var.db.orm, c.var.cityId, f)).map((r) => ({
      ...r,
      status_notes: translate(`status.${r.status_notes}` as MessageKey, langOf(c)),
      media_url:
        typeof r.media_url === "string" && r.media_url.startsWith("/")
          ? `${origin(c)}${r.media_url}`
          : r.media_url,
    }));

  // Reading is open to any page; filing stays same-origin or server-to-server (no CORS preflight).
  const readCors = cors({ origin: "*", allowMethods: ["GET"] });
  app.use("*", (c, next) =>
    c.req.method === "GET" || c.req.method === "OPTIONS" ? readCors(c, next) : next(),
  );

  app.get("/:file{discovery\\.(?:json|xml)}", (c) =>
    answer(c, "discovery", {
      changeset: CHANGESET,
      contact: translate("open311.contact", langOf(c), { url: `${origin(c)}/report` }),
      key_service: translate("open311.key_service", langOf(c)),
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${origin(c)}/open311/v2`,
          changeset: CHANGESET,
          type: "production",
          formats: ["text/xml", "application/json"],
        },
      ],
    }),
  );
  app.get("/v2/:file{discovery\\.(?:json|xml)}", (c) =>
    c.redirect(`/open311/${c.req.param("file")}`, 301),
  );

  app.get("/v2/:file{services\\.(?:json|xml)}", async (c) =>
    answer(
      c,
      "services",
      (await services(c)).map(({ itemId: _, ...s }) => s),
    ),
  );

  app.get("/v2/services/:file{.+\\.(?:json|xml)}", async (c) => {
    const code = c.req.param("file").replace(/\.(json|xml)$/, "");
    const service = (await services(c)).find((s) => s.service_code === code);
    if (!service) return fail(c, 404, { key: "open311.service_not_found", params: { code } });
    return answer(c, "service_definition", {
      service_code: code,
      attributes: serviceAttributes(langOf(c)),
    });
  });

  app.get("/v2/:file{requests\\.(?:json|xml)}", async (c) => {
    const query = open311ListQuery.safeParse(c.req.query());
    if (!query.success) return fail(c, 400, ...invalidFields(query.error.issues));
    const q = query.data;
    let itemId: number | undefined;
    if (q.service_code) {
      itemId = (await services(c)).find((s) => s.service_code === q.service_code)?.itemId;
      if (itemId === undefined)
        return fail(c, 404, { key: "open311.service_not_found", params: { code: q.service_code } });
    }
    // GeoReport: without a date range, the last 90 days.
    const start =
      q.start_date ??
      (q.service_request_id ? undefined : new Date(Date.now() - 90 * 86400_000).toISOString());
    const ids = q.service_request_id
      ?.split(",")
      .map(Number)
      .filter((n) => n <= 2147483647);
    return answer(
      c,
      "service_requests",
      await requests(c, { ids, itemId, start, end: q.end_date, status: q.status }),
    );
  });

  app.get("/v2/requests/:file{[0-9]+\\.(?:json|xml)}", async (c) => {
    const id = Number(c.req.param("file").replace(/\.(json|xml)$/, ""));
    const rows = id <= 2147483647 ? await requests(c, { ids: [id] }) : [];
    if (!rows.length) return fail(c, 404, { key: "open311.request_not_found", params: { id } });
    return answer(c, "service_requests", rows);
  });

  app.get("/v2/tokens/:file{.+\\.(?:json|xml)}", async (c) => {
    const token = c.req.param("file").replace(/\.(json|xml)$/, "");
    const problemId = await requestIdOfToken(c.var.db.orm, c.var.cityId, token);
    if (problemId === undefined)
      return fail(c, 404, { key: "open311.token_not_found", params: { token } });
    return answer(c, "service_requests", [
      { service_request_id: problemId === null ? null : String(problemId), token },
    ]);
  });

  // The photo of a citizen's request: public while its request is (not through /api/files, which
  // needs a session), nothing else of the city; read with that scope (policy/file-scope.ts).
  app.get(`${MEDIA_PATH.replace("/open311", "")}/:id{[0-9]+}`, (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || id > 2147483647)
      return fail(c, 404, { key: "error.not_found", params: { entity: "entity.file", id } });
    return sendStoredFile(c, {
      dir: options.filesDir,
      cityId: c.var.cityId,
      id,
      thumbnail: false,
      allowed: filesPublic(c.var.cityId, sql.raw("files")),
    });
  });

  app.post("/v2/:file{requests\\.(?:json|xml)}", async (c) => {
    const type = c.req.header("content-type") ?? "";
    const raw = type.includes("application/json")
      ? await c.req.json().catch(() => null)
      : await c.req.parseBody({ all: true }).catch(() => null);
    const fields = withoutEmpty((raw ?? {}) as Record<string, unknown>);
    const body = open311RequestBody.safeParse(fields);
    if (!body.success) return fail(c, 400, ...invalidFields(body.error.issues));
    const b = body.data;
    if (options.apiKeys.length && !options.apiKeys.includes(b.api_key ?? ""))
      return fail(c, 403, { key: "open311.api_key" });
    const [throttle, who] = b.api_key ? [byKey, `key:${b.api_key}`] : [byAddress, clientAddress(c)];
    const wait = await throttle.take(c.var.db.orm, who);
    if (wait) {
      c.header("retry-after", String(wait));
      return fail(c, 429, { key: "open311.too_many", params: { seconds: wait } });
    }
    const service = (await services(c)).find((s) => s.service_code === b.service_code);
    if (!service)
      return fail(c, 404, { key: "open311.service_not_found", params: { code: b.service_code } });
    const located = b.lat !== undefined && b.long !== undefined;
    if (!located && (b.lat !== undefined || b.long !== undefined))
      return fail(c, 400, ...invalidFields([{ path: [b.lat === undefined ? "lat" : "long"] }]));
    if (!located && !b.address_string && !b.address_id)
      return fail(c, 400, { key: "open311.location_required" });
    const attributes = parseAttributes(fields, service.service_code, serviceAttributes("en"));
    if (!attributes.ok) return fail(c, 400, ...attributes.issues);
    try {
      // GeoReport's optional `media` upload (multipart): a photo, checked and stored like any other.
      const media = fields.media;
      const photoFileId =
        media instanceof File
          ? (
              await storePhoto(c.var.db, options.filesDir, {
                bytes: new Uint8Array(await media.arrayBuffer()),
                name: media.name,
                cityId: c.var.cityId,
                userId: null,
              })
            ).file.id
          : null;
      const filed = await fileOpen311Request(c.var.db, c.var.cityId, {
        itemId: service.itemId,
        description: b.description,
        location: located ? [b.long as number, b.lat as number] : null,
        addressString: b.address_string,
        addressId: b.address_id,
        email: b.email,
        deviceId: b.device_id,
        accountId: b.account_id,
        firstName: b.first_name,
        lastName: b.last_name,
        phone: b.phone,
        mediaUrl: b.media_url,
        attributes: attributes.values,
        photoFileId,
      });
      const lang = langOf(c);
      return answer(
        c,
        "service_requests",
        [
          filed.problemId === null
            ? {
                token: filed.token,
                service_notice: translate("open311.waiting", lang),
                account_id: filed.accountId,
              }
            : {
                service_request_id: String(filed.problemId),
                service_notice: translate("open311.accepted", lang),
                account_id: filed.accountId,
              },
        ],
        201,
      );
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        const issues = Object.values(error.fields ?? {});
        return fail(
          c,
          400,
          ...(issues.length ? issues : [error.detail]).map((m) => ({
            key: m.key as MessageKey,
            params: m.params as Record<string, string | number>,
          })),
        );
      }
      throw error;
    }
  });

  // Anything else under /open311 is GeoReport's 404, never the web app's page.
  app.all("*", (c) => fail(c, 404, { key: "open311.no_such_path", params: { path: c.req.path } }));
  return app;
}
