// Open311 GeoReport v2 at /open311/v2, so that existing 311 clients can file and read problems:
// services.json, services/{code}.json, requests.json (GET, POST), requests/{id}.json. JSON only.
// Errors are GeoReport's: an array of {code, description} with HTTP 400/403/404.
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { Hono } from "hono";
import { Throttle } from "../accounts/throttle.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { sendStoredFile } from "../files/send.ts";
import { storePhoto } from "../files/store.ts";
import { type Lang, languageOf, translate } from "../messages.ts";
import { listRequests, listServices } from "../open311/services.ts";
import { filesPublic } from "../policy/file-scope.ts";
import { createProblem } from "../problems/create.ts";
import { clientAddress } from "./session.ts";

interface Open311Env {
  Variables: { db: Db; cityId: number };
}

const fail = (c: Context, status: 400 | 403 | 404 | 429, description: string) =>
  c.json([{ code: status, description }], status);

const requestBody = z.object({
  api_key: z.string().optional(),
  service_code: z.string().min(1),
  lat: z.coerce.number().min(-90).max(90),
  long: z.coerce.number().min(-180).max(180),
  description: z.string().trim().min(1).max(500),
  address_string: z.string().max(200).optional(),
  first_name: z.string().max(32).optional(),
  last_name: z.string().max(32).optional(),
  phone: z.string().max(20).optional(),
  email: z.string().max(100).optional(),
  media_url: z.string().max(500).optional(),
});

/** What a citizen reads as status_notes: the status in words, never a member of staff's note. */
const withStatusWords = (rows: Record<string, unknown>[], lang: Lang) =>
  rows.map((r) => ({
    ...r,
    status_notes: translate(`status.${r.status_notes}` as Parameters<typeof translate>[0], lang),
  }));

const listQuery = z.object({
  service_request_id: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .optional(),
  service_code: z.string().optional(),
  start_date: z.string().datetime({ offset: true }).optional(),
  end_date: z.string().datetime({ offset: true }).optional(),
  status: z.enum(["open", "closed"]).optional(),
  jurisdiction_id: z.string().optional(),
});

export function open311Routes(options: { apiKeys: string[]; filesDir: string }) {
  const app = new Hono<Open311Env>();
  /** Citizens file at most 10 requests a minute from one address. */
  const filing = new Throttle(10, 60_000);

  app.get("/services.json", async (c) => {
    const services = await listServices(c.var.db.orm, c.var.cityId);
    return c.json(services.map(({ itemId: _, ...s }) => s));
  });

  app.get("/services/:code{.+\\.json}", async (c) => {
    const code = c.req.param("code").replace(/\.json$/, "");
    const service = (await listServices(c.var.db.orm, c.var.cityId)).find(
      (s) => s.service_code === code,
    );
    if (!service) return fail(c, 404, `service_code ${code} not found`);
    return c.json({ service_code: code, attributes: [] });
  });

  app.get("/requests.json", async (c) => {
    const query = listQuery.safeParse(c.req.query());
    if (!query.success)
      return fail(
        c,
        400,
        `invalid parameter: ${query.error.issues.map((i) => i.path.join(".")).join(", ")}`,
      );
    const q = query.data;
    let itemId: number | undefined;
    if (q.service_code) {
      itemId = (await listServices(c.var.db.orm, c.var.cityId)).find(
        (s) => s.service_code === q.service_code,
      )?.itemId;
      if (itemId === undefined) return fail(c, 404, `service_code ${q.service_code} not found`);
    }
    // GeoReport: without a date range, the last 90 days.
    const start =
      q.start_date ??
      (q.service_request_id ? undefined : new Date(Date.now() - 90 * 86400_000).toISOString());
    const ids = q.service_request_id
      ?.split(",")
      .map(Number)
      .filter((n) => n <= 2147483647);
    const rows = await listRequests(c.var.db.orm, c.var.cityId, {
      ids,
      itemId,
      start,
      end: q.end_date,
      status: q.status,
    });
    return c.json(withStatusWords(rows, languageOf(c.req.header("accept-language"))));
  });

  app.get("/requests/:id{[0-9]+\\.json}", async (c) => {
    const id = Number(c.req.param("id").replace(/\.json$/, ""));
    if (!Number.isSafeInteger(id) || id > 2147483647)
      return fail(c, 404, "service_request_id not found");
    const rows = await listRequests(c.var.db.orm, c.var.cityId, { ids: [id] });
    if (!rows.length) return fail(c, 404, `service_request_id ${id} not found`);
    return c.json(withStatusWords(rows, languageOf(c.req.header("accept-language"))));
  });

  // A citizen's photo, public while its request is (not through /api/files, which needs a session).
  app.get("/media/:id{[0-9]+}", (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || id > 2147483647) return fail(c, 404, "not found");
    const allowed = filesPublic(c.var.cityId, sql.raw("files"));
    return sendStoredFile(c, {
      dir: options.filesDir,
      cityId: c.var.cityId,
      id,
      thumbnail: false,
      allowed,
    });
  });

  app.post("/requests.json", async (c) => {
    const type = c.req.header("content-type") ?? "";
    const raw = type.includes("application/json")
      ? await c.req.json().catch(() => null)
      : await c.req.parseBody().catch(() => null);
    const body = requestBody.safeParse(raw ?? {});
    if (!body.success) {
      const fields = [...new Set(body.error.issues.map((i) => i.path.join(".")))].join(", ");
      const zh = languageOf(c.req.header("accept-language")) === "zh-CN";
      return fail(c, 400, zh ? `缺少或无效的字段：${fields}` : `missing or invalid: ${fields}`);
    }
    const b = body.data;
    if (options.apiKeys.length && !options.apiKeys.includes(b.api_key ?? ""))
      return fail(c, 403, "api_key is missing or not valid");
    const address = clientAddress(c);
    const wait = filing.retryAfter(address);
    if (wait) {
      c.header("retry-after", String(wait));
      return fail(c, 429, `too many requests; try again in ${wait} seconds`);
    }
    filing.hit(address);
    const service = (await listServices(c.var.db.orm, c.var.cityId)).find(
      (s) => s.service_code === b.service_code,
    );
    if (!service) return fail(c, 404, `service_code ${b.service_code} not found`);
    const name = [b.last_name, b.first_name].filter(Boolean).join("") || "市民";
    try {
      // GeoReport's optional `media` upload (multipart): a photo, checked and stored like any other.
      const media = (raw as Record<string, unknown>).media;
      const photoIds =
        media instanceof File
          ? [
              (
                await storePhoto(c.var.db, options.filesDir, {
                  bytes: new Uint8Array(await media.arrayBuffer()),
                  name: media.name,
                  cityId: c.var.cityId,
                  userId: null,
                })
              ).file.id,
            ]
          : [];
      const created = await c.var.db.orm.transaction((tx) =>
        createProblem(
          tx,
          { cityId: c.var.cityId, userId: null, name: `市民 ${name}` },
          {
            source: "citizen",
            severity: "normal",
            description: b.address_string
              ? `${b.description}（${b.address_string}）`
              : b.description,
            location: { type: "Point", coordinates: [b.long, b.lat] },
            itemId: service.itemId,
            photoIds,
            reporterName: name,
            reporterPhone: b.phone,
          },
        ),
      );
      return c.json(
        [
          {
            service_request_id: String(created.id),
            service_notice: "已受理，将派发给责任单位整改",
            account_id: null,
          },
        ],
        201,
      );
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        const lang = languageOf(c.req.header("accept-language"));
        const field = Object.values(error.fields ?? {})[0];
        return fail(
          c,
          400,
          field
            ? translate(field.key, lang, field.params as Record<string, string>)
            : translate(error.detail.key, lang),
        );
      }
      throw error;
    }
  });

  app.notFound((c) => fail(c, 404, "not found"));
  return app;
}
