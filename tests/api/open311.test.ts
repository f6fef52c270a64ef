// Open311 GeoReport v2: every endpoint in JSON and in the spec's XML, held against the spec's field
// lists; filing with every field the spec defines; address-only requests the office places; errors.
import { createApp, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { clientFor, describeEachEngine } from "./engines.ts";
import { spec, xmlChild, xmlEntries, xmlRoot } from "./open311-spec.ts";

const form = (fields: Record<string, string | number>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
});
const keysOf = (o: object) => Object.keys(o).sort();
const sorted = (list: readonly string[]) => [...list].sort();

describeEachEngine("Open311 GeoReport v2", (ctx) => {
  const citizen = () => ctx().anonymous;
  const firstService = async () =>
    (await citizen().request("/open311/v2/services.json")).body[0].service_code as string;
  const insideGrid = async () => {
    const [place] = await selectRows<{ lon: number; lat: number }>(
      ctx().db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids ORDER BY code LIMIT 1`,
    );
    return place!;
  };

  it("lists the active standard's items as services in JSON and XML, with the spec's fields", async () => {
    const services = await citizen().request("/open311/v2/services.json");
    expect(services.status).toBe(200);
    expect(services.body).toHaveLength(42);
    for (const s of services.body) expect(keysOf(s)).toEqual(sorted(spec.service));
    expect(services.body[0]).toMatchObject({
      service_code: expect.stringMatching(/^\d+-1\.1$/),
      metadata: true,
      type: "realtime",
      group: expect.any(String),
    });
    const xml = await citizen().raw("/open311/v2/services.xml");
    expect(xml.status).toBe(200);
    expect(xml.headers.get("content-type")).toMatch(/^text\/xml/);
    const entries = xmlEntries(xmlRoot(await xml.text(), "services"), "service");
    expect(entries).toHaveLength(42);
    for (const e of entries) expect(keysOf(e)).toEqual(sorted(spec.service));
    expect(entries[0]).toMatchObject({
      service_code: services.body[0].service_code,
      service_name: services.body[0].service_name,
      metadata: "true",
    });
  });

  it("defines each service's attributes (the kind of place) in JSON and XML", async () => {
    const code = await firstService();
    const one = await citizen().request(`/open311/v2/services/${code}.json`);
    expect(keysOf(one.body)).toEqual(sorted(spec.serviceDefinition));
    expect(one.body.service_code).toBe(code);
    const [attribute] = one.body.attributes;
    expect(keysOf(attribute)).toEqual(sorted(spec.attribute));
    expect(attribute).toMatchObject({
      variable: true,
      code: "place_kind",
      datatype: "singlevaluelist",
      required: false,
    });
    expect(attribute.values.find((v: any) => v.key === "stairwell")).toEqual({
      key: "stairwell",
      name: "楼道",
    });
    const en = await citizen().request(`/open311/v2/services/${code}.json`, {
      headers: { "accept-language": "en" },
    });
    expect(en.body.attributes[0].values.find((v: any) => v.key === "stairwell").name).toBe(
      "stairwell",
    );
    const root = xmlRoot(
      await (await citizen().raw(`/open311/v2/services/${code}.xml`)).text(),
      "service_definition",
    );
    expect(xmlChild(root, "service_code").textContent).toBe(code);
    const [xmlAttribute] = Array.from(xmlChild(root, "attributes").childNodes).filter(
      (n) => n.nodeType === 1,
    ) as any[];
    expect(xmlAttribute.nodeName).toBe("attribute");
    const values = xmlEntries(xmlChild(xmlAttribute, "values"), "value");
    expect(values).toContainEqual({ key: "stairwell", name: "楼道" });
    expect(xmlChild(xmlAttribute, "code").textContent).toBe("place_kind");
  });

  it("files a request with every field the spec defines, and reads it back in JSON and XML without the citizen's contact", async () => {
    const code = await firstService();
    const place = await insideGrid();
    // Kept with the request, never shown back.
    const contact = {
      email: "wang@example.cn",
      device_id: "dev-1",
      account_id: "acct-9",
      first_name: "女士",
      last_name: "王",
      phone: "13900001111",
    };
    const filed = await citizen().request(
      "/open311/v2/requests.json",
      form({
        service_code: code,
        lat: place.lat,
        long: place.lon,
        description: "路边垃圾无人清理",
        address_string: "善国北路 12 号",
        address_id: "addr-77",
        ...contact,
        media_url: "https://photos.example.cn/1.jpg",
        "attribute[place_kind]": "street",
      }),
    );
    expect(filed.status).toBe(201);
    expect(keysOf(filed.body[0])).toEqual(sorted(["service_request_id", ...spec.filed]));
    expect(filed.body[0].account_id).toBe("acct-9");
    const id = filed.body[0].service_request_id;
    expect(id).toMatch(/^\d+$/);
    const read = await citizen().request(`/open311/v2/requests/${id}.json`);
    expect(keysOf(read.body[0])).toEqual(sorted(spec.request));
    expect(read.body[0]).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: code,
      description: "路边垃圾无人清理（善国北路 12 号）",
      address: "善国北路 12 号",
      address_id: "addr-77",
      media_url: "https://photos.example.cn/1.jpg",
    });
    expect(JSON.stringify(read.body)).not.toMatch(/13900001111|wang@example/);
    const xml = await citizen().raw(`/open311/v2/requests/${id}.xml`);
    const [entry] = xmlEntries(xmlRoot(await xml.text(), "service_requests"), "request");
    expect(keysOf(entry!)).toEqual(sorted(spec.request));
    expect(entry).toMatchObject({ service_request_id: id, status: "open", address_id: "addr-77" });
    const list = await citizen().raw(`/open311/v2/requests.xml?service_request_id=${id}`);
    expect(xmlEntries(xmlRoot(await list.text(), "service_requests"), "request")).toHaveLength(1);
    const [kept] = await selectRows<Record<string, unknown>>(
      ctx().db.orm,
      sql`SELECT email, device_id, account_id, first_name, last_name, phone, attributes FROM open311_requests WHERE problem_id = ${Number(id)}`,
    );
    expect(kept).toEqual({ ...contact, attributes: { place_kind: "street" } });
    const queue = await ctx().request("/api/problems?source=citizen&status=reported&limit=100");
    const mine = queue.body.features.find((f: any) => String(f.id) === id);
    expect(mine.properties).toMatchObject({
      source: "citizen",
      gridCode: expect.stringMatching(/^\d{15}$/),
      unitName: expect.any(String),
    });
  });

  it("takes an address without a position: a token until the office places it (待定位), then the request's id", async () => {
    const code = await firstService();
    const filed = await citizen().request(
      "/open311/v2/requests.xml",
      form({ service_code: code, address_string: "龙泉广场东侧公厕", description: "公厕无人打扫" }),
    );
    expect(filed.status).toBe(201);
    const [answer] = xmlEntries(xmlRoot(filed.body, "service_requests"), "request");
    expect(keysOf(answer!)).toEqual(sorted(["token", ...spec.filed]));
    expect(answer!.service_notice).toContain("待定位");
    const token = answer!.token!;
    const waitingToken = await citizen().request(`/open311/v2/tokens/${token}.json`);
    expect(waitingToken.body).toEqual([{ service_request_id: null, token }]);
    expect((await citizen().request("/api/open311-requests/waiting")).status).toBe(401);
    const unit = await ctx().as("unitadmin");
    expect((await unit.request("/api/open311-requests/waiting")).status).toBe(403);
    const waiting = await ctx().request("/api/open311-requests/waiting");
    const mine = waiting.body.requests.find((r: any) => r.addressString === "龙泉广场东侧公厕");
    expect(mine).toMatchObject({ description: "公厕无人打扫", citizenName: "市民" });
    const beijing = await ctx().request(`/api/open311-requests/${mine.id}/place`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "Point", coordinates: [116.4, 39.9] }),
    });
    expect(beijing.status).toBe(400);
    const place = await insideGrid();
    const placed = await ctx().request(`/api/open311-requests/${mine.id}/place`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "Point", coordinates: [place.lon, place.lat] }),
    });
    expect(placed.status).toBe(201);
    const again = await ctx().request(`/api/open311-requests/${mine.id}/place`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "Point", coordinates: [place.lon, place.lat] }),
    });
    expect(again.status).toBe(409);
    const xml = await citizen().raw(`/open311/v2/tokens/${token}.xml`);
    const [resolved] = xmlEntries(xmlRoot(await xml.text(), "service_requests"), "request");
    expect(resolved).toEqual({ service_request_id: String(placed.body.problemId), token });
    const read = await citizen().request(`/open311/v2/requests/${placed.body.problemId}.json`);
    expect(read.body[0].address).toBe("龙泉广场东侧公厕");
    expect((await citizen().request("/open311/v2/tokens/not-a-token.json")).status).toBe(404);
  });

  it("answers errors in GeoReport's JSON and XML shapes, field by field, and never with the web page", async () => {
    const missing = await citizen().request("/open311/v2/requests.json", form({ lat: "x" }));
    expect(missing.status).toBe(400);
    const said = missing.body.map((e: any) => e.description).join(" ");
    for (const field of ["service_code", "lat", "description"]) expect(said).toContain(field);
    for (const e of missing.body) expect(keysOf(e)).toEqual(sorted(spec.error));
    const xmlMissing = await citizen().raw("/open311/v2/requests.xml", form({ description: "x" }));
    expect(xmlMissing.status).toBe(400);
    const [error] = xmlEntries(xmlRoot(await xmlMissing.text(), "errors"), "error");
    expect(error).toMatchObject({
      code: "400",
      description: expect.stringContaining("service_code"),
    });
    const code = await firstService();
    const nowhere = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: code, description: "没有位置" }),
    );
    expect(nowhere.status).toBe(400);
    expect(nowhere.body[0].description).toContain("address_string");
    for (const path of [
      "/open311/v2/nope.xml",
      "/open311/v2/services.html",
      "/open311/v3/services.json",
    ]) {
      const answer = await citizen().raw(path);
      expect(answer.status).toBe(404);
      expect(answer.headers.get("content-type")).not.toContain("html");
    }
    const unknownXml = await citizen().raw("/open311/v2/requests/2147483647.xml");
    expect(unknownXml.status).toBe(404);
    expect(xmlEntries(xmlRoot(await unknownXml.text(), "errors"), "error")[0]!.code).toBe("404");
    const unknownService = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: "nope", lat: 35.08, long: 117.16, description: "x" }),
    );
    expect(unknownService.status).toBe(404);
    const badAttribute = await citizen().request(
      "/open311/v2/requests.json",
      form({
        service_code: code,
        lat: 35.08,
        long: 117.16,
        description: "x",
        "attribute[place_kind]": "moon",
        "attribute[colour]": "red",
      }),
    );
    expect(badAttribute.status).toBe(400);
    expect(badAttribute.body.map((e: any) => e.description).join(" ")).toMatch(
      /place_kind[\s\S]*stairwell|colour/,
    );
    expect(badAttribute.body).toHaveLength(2);
  });

  it("refuses a position outside the city (Beijing) or abroad with a message, and takes descriptions up to 4,000 characters", async () => {
    const code = await firstService();
    const beijing = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: code, lat: 39.9042, long: 116.4074, description: "北京的问题" }),
    );
    expect(beijing.status).toBe(400);
    expect(beijing.body[0].description).toMatch(/本市范围外约 \d+ 公里/);
    const [count] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problems WHERE description = '北京的问题'`,
    );
    expect(count!.n).toBe(0);
    const abroad = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: code, lat: 48.85, long: 2.35, description: "x" }),
    );
    expect(abroad.status).toBe(400);
    expect(abroad.body[0].description).toContain("中国");
    const place = await insideGrid();
    const long = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: code, lat: place.lat, long: place.lon, description: "长".repeat(4000) }),
    );
    expect(long.status).toBe(201);
    const tooLong = await citizen().request(
      "/open311/v2/requests.json",
      form({ service_code: code, lat: place.lat, long: place.lon, description: "长".repeat(4001) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body[0].description).toContain("description");
  });

  it("takes a photo as `media`, and serves it to anyone at an absolute address; nothing else of the city", async () => {
    const sharp = (await import("sharp")).default;
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const code = await firstService();
    const multipart = (media: Blob, name: string) => {
      const body = new FormData();
      for (const [k, v] of Object.entries({
        service_code: code,
        lat: 35.08,
        long: 117.16,
        description: "带照片的投诉",
      })) {
        body.append(k, String(v));
      }
      body.append("media", media, name);
      return { method: "POST", body };
    };
    const filed = await citizen().request(
      "/open311/v2/requests.json",
      multipart(new Blob([new Uint8Array(png)], { type: "image/png" }), "photo.png"),
    );
    expect(filed.status).toBe(201);
    const [read] = (
      await citizen().request(`/open311/v2/requests/${filed.body[0].service_request_id}.json`)
    ).body;
    expect(read.media_url).toMatch(/^http:\/\/localhost\/open311\/v2\/media\/\d+$/);
    const photo = await citizen().raw(new URL(read.media_url).pathname);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
    const [inside] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT pp.file_id AS id FROM problem_photos pp JOIN problems p ON p.id = pp.problem_id WHERE p.source <> 'citizen' LIMIT 1`,
    );
    if (inside) expect((await citizen().raw(`/open311/v2/media/${inside.id}`)).status).toBe(404);
    const refused = await citizen().request(
      "/open311/v2/requests.json",
      multipart(new Blob(["%PDF-1.4 not a photo"]), "photo.jpg"),
    );
    expect(refused.status).toBe(400);
    expect(refused.body[0].code).toBe(400);
  });

  it("lets any page read (CORS on GET) and describes itself by service discovery in JSON and XML", async () => {
    const read = await citizen().raw("/open311/v2/services.json", {
      headers: { origin: "https://city.example.cn" },
    });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    // Beside the security headers: embeddable by other pages, still under the CSP.
    expect(read.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(read.headers.get("content-security-policy")).toContain("default-src 'self'");
    const discovery = await citizen().request("/open311/discovery.json");
    expect(keysOf(discovery.body)).toEqual(sorted(spec.discovery));
    const [endpoint] = discovery.body.endpoints;
    expect(keysOf(endpoint)).toEqual(sorted(spec.endpoint));
    expect(endpoint).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      url: "http://localhost/open311/v2",
      type: "production",
      formats: expect.arrayContaining(["text/xml", "application/json"]),
    });
    const xml = xmlRoot(await (await citizen().raw("/open311/discovery.xml")).text(), "discovery");
    const [xmlEndpoint] = xmlEntries(xmlChild(xml, "endpoints"), "endpoint");
    expect(xmlEndpoint).toMatchObject({ url: "http://localhost/open311/v2", type: "production" });
    const formats = Array.from(xml.getElementsByTagName("format")).map((f) => f.textContent);
    expect(formats.sort()).toEqual(["application/json", "text/xml"]);
  });

  it("requires an api_key when the deployment sets some, and limits filing per key", async () => {
    const app = createApp({
      db: ctx().db,
      cityId: ctx().cityId,
      basemapUrl: null,
      open311ApiKeys: ["k-123", "k-456"],
    });
    const client = clientFor(app);
    const code = await firstService();
    const body = { service_code: code, lat: 35.08, long: 117.16, description: "需要密钥" };
    const without = await client.request("/open311/v2/requests.json", form(body));
    expect(without.status).toBe(403);
    expect(without.body[0].code).toBe(403);
    const withKey = await client.request(
      "/open311/v2/requests.json",
      form({ ...body, api_key: "k-123" }),
    );
    expect(withKey.status).toBe(201);
    // An unknown service costs no write, but counts against the key like any filing.
    const unknown = { ...body, service_code: "nope", api_key: "k-123" };
    const answers = [];
    for (let i = 0; i < 60; i++)
      answers.push((await client.request("/open311/v2/requests.json", form(unknown))).status);
    expect(answers.filter((s) => s === 404)).toHaveLength(59);
    expect(answers.at(-1)).toBe(429);
    const other = await client.request(
      "/open311/v2/requests.json",
      form({ ...body, api_key: "k-456" }),
    );
    expect(other.status).toBe(201);
  });
});
