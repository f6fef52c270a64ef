// Open311 GeoReport v2: an existing 311 client can list services, file a request and read it back.
import { createApp, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { clientFor, describeEachEngine } from "./engines.ts";

const form = (fields: Record<string, string | number>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
});

describeEachEngine("Open311 GeoReport v2", (ctx) => {
  const citizen = () => ctx().anonymous;

  it("lists the active standard's items as services, grouped by category", async () => {
    const services = await citizen().request("/open311/v2/services.json");
    expect(services.status).toBe(200);
    expect(services.body).toHaveLength(42);
    expect(services.body[0]).toMatchObject({
      service_code: expect.stringMatching(/^\d+-1\.1$/),
      metadata: false,
      type: "realtime",
      group: expect.any(String),
    });
    const one = await citizen().request(
      `/open311/v2/services/${services.body[0].service_code}.json`,
    );
    expect(one.body).toEqual({ service_code: services.body[0].service_code, attributes: [] });
  });

  it("files a citizen's request (form-encoded, no account) into the coordinator's queue, and reads it back", async () => {
    const [service] = (await citizen().request("/open311/v2/services.json")).body;
    const [place] = await selectRows<{ lon: number; lat: number }>(
      ctx().db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids ORDER BY code LIMIT 1`,
    );
    const filed = await citizen().request(
      "/open311/v2/requests.json",
      form({
        service_code: service.service_code,
        lat: place!.lat,
        long: place!.lon,
        description: "路边垃圾无人清理",
        first_name: "女士",
        last_name: "王",
        phone: "13900001111",
      }),
    );
    expect(filed.status).toBe(201);
    const id = filed.body[0].service_request_id;
    expect(id).toMatch(/^\d+$/);
    const read = await citizen().request(`/open311/v2/requests/${id}.json`);
    expect(read.body[0]).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: service.service_code,
      description: "路边垃圾无人清理",
    });
    expect(JSON.stringify(read.body)).not.toContain("13900001111");
    const queue = await ctx().request("/api/problems?source=citizen&status=reported&limit=100");
    const mine = queue.body.features.find((f: any) => String(f.id) === id);
    expect(mine.properties).toMatchObject({
      source: "citizen",
      gridCode: expect.stringMatching(/^\d{15}$/),
      unitName: expect.any(String),
    });
    const list = await citizen().request(`/open311/v2/requests.json?service_request_id=${id}`);
    expect(list.body).toHaveLength(1);
  });

  it("answers missing fields, an unknown service and an unknown request in GeoReport's error format", async () => {
    const missing = await citizen().request(
      "/open311/v2/requests.json",
      form({ description: "x" }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body[0]).toMatchObject({
      code: 400,
      description: expect.stringContaining("service_code"),
    });
    const unknown = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: "nope", lat: 35.08, long: 117.16, description: "x" }),
    );
    expect(unknown.status).toBe(404);
    expect((await citizen().request("/open311/v2/requests/2147483647.json")).status).toBe(404);
    const [service] = (await citizen().request("/open311/v2/services.json")).body;
    const abroad = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: service.service_code, lat: 48.85, long: 2.35, description: "x" }),
    );
    expect(abroad.status).toBe(400);
    expect(abroad.body[0].description).toContain("中国");
  });

  it("takes a photo as GeoReport's `media` upload and keeps it with the request", async () => {
    const sharp = (await import("sharp")).default;
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const [service] = (await citizen().request("/open311/v2/services.json")).body;
    const body = new FormData();
    for (const [k, v] of Object.entries({
      service_code: service.service_code,
      lat: 35.08,
      long: 117.16,
      description: "带照片的投诉",
    })) {
      body.append(k, String(v));
    }
    body.append("media", new Blob([new Uint8Array(png)], { type: "image/png" }), "photo.png");
    const filed = await citizen().request("/open311/v2/requests.json", { method: "POST", body });
    expect(filed.status).toBe(201);
    const [read] = (
      await citizen().request(`/open311/v2/requests/${filed.body[0].service_request_id}.json`)
    ).body;
    // Public while the request is: the citizen reads their photo back without an account.
    expect(read.media_url).toMatch(/^\/open311\/v2\/media\/\d+$/);
    const media = await citizen().raw(read.media_url);
    expect([media.status, media.headers.get("content-type")]).toEqual([200, "image/png"]);
    const notPhoto = new FormData();
    for (const [k, v] of Object.entries({
      service_code: service.service_code,
      lat: 35.08,
      long: 117.16,
      description: "x",
    })) {
      notPhoto.append(k, String(v));
    }
    notPhoto.append("media", new Blob(["%PDF-1.4 not a photo"]), "photo.jpg");
    const refused = await citizen().request("/open311/v2/requests.json", {
      method: "POST",
      body: notPhoto,
    });
    expect(refused.status).toBe(400);
    expect(refused.body[0].code).toBe(400);
  });

  it("requires an api_key when the deployment sets some", async () => {
    const app = createApp({
      db: ctx().db,
      cityId: ctx().cityId,
      basemapUrl: null,
      open311ApiKeys: ["k-123"],
    });
    const client = clientFor(app);
    const [service] = (await client.request("/open311/v2/services.json")).body;
    const body = {
      service_code: service.service_code,
      lat: 35.08,
      long: 117.16,
      description: "需要密钥",
    };
    const without = await client.request("/open311/v2/requests.json", form(body));
    expect(without.status).toBe(403);
    expect(without.body[0].code).toBe(403);
    const withKey = await client.request(
      "/open311/v2/requests.json",
      form({ ...body, api_key: "k-123" }),
    );
    expect(withKey.status).toBe(201);
  });
});
