// codeforamerica's own Open311 client (npm `open311`, its XML parsers stood in for: see
// tests/open311-client/README.md) against a real port: discovery, services, a service definition,
// filing with attributes, reading back, and an address-only request followed through its token.

import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { createApp, selectRows } from "@civgrid/api";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const Open311 = createRequire(import.meta.url)("open311");
const API_KEY = "open311-client-key";

/** The client's callback methods as promises; its errors (status and text) become failures. */
function client(options: Record<string, unknown>) {
  const open311 = new Open311({ apiKey: API_KEY, ...options });
  const call =
    (name: string) =>
    (...args: unknown[]) =>
      new Promise<any>((resolve, reject) =>
        open311[name](...args, (error: unknown, data: unknown) =>
          error ? reject(new Error(`${name}: ${error} ${data}`)) : resolve(data),
        ),
      );
  return {
    open311,
    serviceDiscovery: call("serviceDiscovery"),
    serviceList: call("serviceList"),
    serviceDefinition: call("serviceDefinition"),
    submitRequest: call("submitRequest"),
    serviceRequests: call("serviceRequests"),
    token: call("token"),
  };
}

describeEachEngine("codeforamerica's open311 client", (ctx) => {
  let http: ReturnType<typeof serve>;
  let base = "";
  let place = { lon: 0, lat: 0 };

  beforeAll(async () => {
    const app = createApp({
      db: ctx().db,
      cityId: ctx().cityId,
      basemapUrl: null,
      open311ApiKeys: [API_KEY],
    });
    http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => http.once("listening", resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const [inside] = await selectRows<{ lon: number; lat: number }>(
      ctx().db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids ORDER BY code LIMIT 1`,
    );
    place = inside!;
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
  });

  it("finds the endpoint by discovery and files and reads a request in JSON", async () => {
    const c = client({ discovery: `${base}/open311/discovery.json` });
    const discovery = await c.serviceDiscovery({ cache: true });
    expect(discovery.endpoints[0].url).toBe(`${base}/open311/v2`);
    expect(c.open311.endpoint).toBe(`${base}/open311/v2/`);
    const services = await c.serviceList();
    expect(services).toHaveLength(42);
    const code = services[0].service_code;
    const definition = await c.serviceDefinition(code);
    expect(definition.attributes.map((a: any) => a.code)).toEqual(["place_kind"]);
    const [filed] = await c.submitRequest({
      service_code: code,
      lat: place.lat,
      long: place.lon,
      description: "客户端提交：楼道堆放杂物",
      first_name: "先生",
      last_name: "李",
      email: "li@example.cn",
      attributes: { place_kind: "stairwell" },
    });
    expect(filed.service_request_id).toMatch(/^\d+$/);
    const [read] = await c.serviceRequests(filed.service_request_id);
    expect(read).toMatchObject({
      service_request_id: filed.service_request_id,
      status: "open",
      service_code: code,
      description: "客户端提交：楼道堆放杂物",
    });
    expect(read.requested_datetime).toBeInstanceOf(Date);
    expect(Math.abs(read.requested_datetime.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    const open = await c.serviceRequests({ status: "open", service_code: code });
    expect(open.map((r: any) => r.service_request_id)).toContain(filed.service_request_id);
    const [kept] = await selectRows<{ attributes: unknown; email: string }>(
      ctx().db.orm,
      sql`SELECT attributes, email FROM open311_requests WHERE problem_id = ${Number(filed.service_request_id)}`,
    );
    expect(kept).toEqual({ attributes: { place_kind: "stairwell" }, email: "li@example.cn" });
  });

  it("does the same in XML, and follows an address-only request through its token", async () => {
    const c = client({ endpoint: `${base}/open311/v2/`, format: "xml" });
    const services = await c.serviceList();
    expect(services).toHaveLength(42);
    const code = services[0].service_code;
    expect(code).toMatch(/^\d+-1\.1$/);
    const definition = await c.serviceDefinition(code);
    expect(definition.service_code).toBe(code);
    expect(definition.attributes[0].values.map((v: any) => v.key)).toContain("garbage_point");
    const [filed] = await c.submitRequest({
      service_code: code,
      lat: place.lat,
      long: place.lon,
      description: "XML 客户端提交",
      attributes: { place_kind: "garbage_point" },
    });
    expect(filed.service_request_id).toMatch(/^\d+$/);
    const [read] = await c.serviceRequests(filed.service_request_id);
    expect(read).toMatchObject({
      service_request_id: Number(filed.service_request_id),
      status: "open",
      description: "XML 客户端提交",
    });
    expect(read.updated_datetime).toBeInstanceOf(Date);
    const [waiting] = await c.submitRequest({
      service_code: code,
      address_string: "荆河路与学院路路口",
      description: "只有地址的投诉",
    });
    expect(waiting.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(waiting.service_request_id).toBeUndefined();
    const [pending] = await c.token(waiting.token);
    expect(pending).toEqual({ service_request_id: null, token: waiting.token });
    const [row] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT id FROM open311_requests WHERE token = ${waiting.token}::uuid`,
    );
    const placed = await ctx().request(`/api/open311-requests/${row!.id}/place`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "Point", coordinates: [place.lon, place.lat] }),
    });
    expect(placed.status).toBe(201);
    const [resolved] = await c.token(waiting.token);
    expect(resolved).toEqual({ service_request_id: placed.body.problemId, token: waiting.token });
    const json = client({ endpoint: `${base}/open311/v2/` });
    expect(await json.token(waiting.token)).toEqual([
      { service_request_id: String(placed.body.problemId), token: waiting.token },
    ]);
  });
});
