// OGC API – Features at /ogc on both engines: what QGIS and GDAL's OAPIF driver read.
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const ids = ["grids", "communities", "units", "points", "problems"];

describeEachEngine("OGC API – Features", (ctx) => {
  it("has a landing page, the conformance classes and five collections with extents", async () => {
    const landing = await ctx().request("/ogc");
    expect(landing.status).toBe(200);
    const rels = landing.body.links.map((l: any) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(["self", "service-desc", "conformance", "data"]));
    for (const link of landing.body.links) expect(link.href).toMatch(/^http/);
    // service-desc: the OpenAPI 3.0 definition of /ogc that oas30 promises, with the page limits.
    const desc = landing.body.links.find((l: any) => l.rel === "service-desc");
    expect(desc.type).toBe("application/vnd.oai.openapi+json;version=3.0");
    const api = await ctx().request(new URL(desc.href).pathname);
    expect(api.headers.get("content-type")).toBe(desc.type);
    expect(api.body.openapi).toMatch(/^3\.0\./);
    const items = api.body.paths["/collections/{collectionId}/items"].get.parameters;
    expect(items.find((p: any) => p.name === "limit").schema).toMatchObject({
      maximum: 10_000,
      default: 1000,
    });
    expect(items.find((p: any) => p.name === "collectionId").schema.enum).toEqual(ids);
    const conformance = await ctx().request("/ogc/conformance");
    expect(conformance.body.conformsTo).toEqual(
      expect.arrayContaining([
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
      ]),
    );
    const { body } = await ctx().request("/ogc/collections");
    expect(body.collections.map((c: any) => c.id)).toEqual(ids);
    const grids = await ctx().request("/ogc/collections/grids");
    const [minLon, minLat, maxLon, maxLat] = grids.body.extent.spatial.bbox[0];
    expect(minLon).toBeGreaterThan(116);
    expect(maxLon).toBeLessThan(118);
    expect(minLat).toBeLessThan(maxLat);
    expect(grids.body.extent.spatial.crs).toBe("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
  });

  it("pages items as GeoJSON with next and prev links, the same features as /api", async () => {
    const first = await ctx().request("/ogc/collections/grids/items?limit=4");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/geo+json");
    expect(first.body.numberMatched).toBe(10);
    expect(first.body.numberReturned).toBe(4);
    const next = first.body.links.find((l: any) => l.rel === "next");
    expect(next.href).toMatch(/^http.*offset=4/);
    const second = await ctx().request(new URL(next.href).pathname + new URL(next.href).search);
    expect(second.body.links.map((l: any) => l.rel)).toContain("prev");
    const api = await ctx().request("/api/grids");
    const paged = [...first.body.features, ...second.body.features].map((f: any) => f.id);
    expect(paged).toEqual(api.body.features.slice(0, 8).map((f: any) => f.id));
    const one = first.body.features[0];
    const item = await ctx().request(`/ogc/collections/grids/items/${one.id}`);
    expect(item.body.properties.code).toBe(one.properties.code);
    expect(item.body.geometry.type).toBe("MultiPolygon");
    for (const id of ids) {
      const { status, body } = await ctx().request(`/ogc/collections/${id}/items?limit=2`);
      expect(status, id).toBe(200);
      expect(body.features.length, id).toBeGreaterThan(0);
    }
  });

  it("filters by bbox and keeps a volunteer to their own grids", async () => {
    const all = await ctx().request("/ogc/collections/points/items");
    const [lon, lat] = all.body.features[0].geometry.coordinates;
    const near = await ctx().request(
      `/ogc/collections/points/items?bbox=${lon - 0.0001},${lat - 0.0001},${lon + 0.0001},${lat + 0.0001}`,
    );
    expect(near.body.numberMatched).toBeGreaterThan(0);
    expect(near.body.numberMatched).toBeLessThan(all.body.numberMatched);
    const volunteer = await ctx().as("volunteer");
    const mine = await volunteer.request("/api/grids");
    const ogc = await volunteer.request("/ogc/collections/grids/items");
    expect(ogc.body.features.map((f: any) => f.id)).toEqual(
      mine.body.features.map((f: any) => f.id),
    );
    const other = (await ctx().request("/api/grids")).body.features.find(
      (f: any) => !mine.body.features.some((m: any) => m.id === f.id),
    );
    expect((await volunteer.request(`/ogc/collections/grids/items/${other.id}`)).status).toBe(404);
  });

  it("caps a limit of 10 million and says so; refuses a bad bbox and an unknown collection", async () => {
    const capped = await ctx().request("/ogc/collections/problems/items?limit=10000000");
    expect(capped.status).toBe(200);
    expect(capped.headers.get("ogc-limit-capped")).toBe("requested=10000000; max=10000");
    expect(capped.body.limitCapped).toEqual({ requested: 10_000_000, returnedAtMost: 10_000 });
    for (const bad of ["1,2,3", "117,35,116,36", "a,b,c,d", "0,0,200,10"]) {
      const { status, body } = await ctx().request(`/ogc/collections/grids/items?bbox=${bad}`);
      expect(status, bad).toBe(400);
      expect(Object.keys(body.error.fields)).toEqual(["bbox"]);
    }
    const zero = await ctx().request("/ogc/collections/grids/items?limit=0");
    expect(zero.status).toBe(400);
    expect(Object.keys(zero.body.error.fields)).toEqual(["limit"]);
    const unknown = await ctx().request("/ogc/collections/roads/items");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("roads");
    expect((await ctx().request("/ogc/collections/grids/items/abc")).status).toBe(400);
    expect((await ctx().request("/ogc/collections/grids/items/999999")).status).toBe(404);
    expect((await ctx().anonymous.request("/ogc/collections")).status).toBe(401);
  });

  // Standard clients (issue 18): Part 1's datetime and 6-number bbox, Part 2's CRS, Part 3's queryables.
  it("answers /ogc/ as /ogc, and any unknown path under /ogc with a 404 in the API's error shape", async () => {
    const slash = await ctx().request("/ogc/");
    expect(slash.status).toBe(200);
    expect(slash.body).toEqual((await ctx().request("/ogc")).body);
    for (const path of [
      "/ogc/nope",
      "/ogc/collections/grids/tiles",
      "/ogc/collections/grids/items/1/x",
    ]) {
      const answer = await ctx().request(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get("content-type"), path).toContain("application/json");
      expect(answer.body.error.code, path).toBe("not_found");
    }
  });

  it("filters problems by datetime: an instant, a closed interval and intervals open at either end", async () => {
    const all = (await ctx().request("/ogc/collections/problems/items?limit=10000")).body.features;
    const times = all
      .map((f: any) => Date.parse(f.properties.reportedAt))
      .sort((a: number, b: number) => a - b);
    const middle = new Date(times[Math.floor(times.length / 2)]).toISOString();
    const first = new Date(times[0]).toISOString();
    const count = async (datetime: string) => {
      const answer = await ctx().request(
        `/ogc/collections/problems/items?limit=10000&datetime=${encodeURIComponent(datetime)}`,
      );
      expect(answer.status, datetime).toBe(200);
      return answer.body.numberMatched as number;
    };
    const upTo = (t: number) => times.filter((x: number) => x <= t).length;
    expect(await count(`../${middle}`)).toBe(upTo(Date.parse(middle)));
    expect(await count(`/${middle}`)).toBe(upTo(Date.parse(middle)));
    expect(await count(`${middle}/..`)).toBe(
      times.filter((x: number) => x >= Date.parse(middle)).length,
    );
    expect(await count(`${first}/${middle}`)).toBe(upTo(Date.parse(middle)));
    expect(await count(first)).toBe(times.filter((x: number) => x === times[0]).length);
    expect(await count("2000-01-01T00:00:00Z/2000-12-31T00:00:00+08:00")).toBe(0);
    // Collections without a time ignore it, as Part 1 asks.
    const grids = await ctx().request("/ogc/collections/grids/items?datetime=2000-01-01T00:00:00Z");
    expect(grids.body.numberMatched).toBeGreaterThan(0);
    for (const bad of [
      "yesterday",
      "../..",
      "2026-02-01T00:00:00Z/2026-01-01T00:00:00Z",
      "a/b/c",
    ]) {
      const refused = await ctx().request(
        `/ogc/collections/problems/items?datetime=${encodeURIComponent(bad)}`,
      );
      expect(refused.status, bad).toBe(400);
      expect(Object.keys(refused.body.error.fields)).toEqual(["datetime"]);
    }
  });

  it("offers CRS84 and CGCS2000 (EPSG:4490, latitude first) for answers and for bbox, saying which in Content-Crs", async () => {
    const cgcs = "http://www.opengis.net/def/crs/EPSG/0/4490";
    const crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    const grids = await ctx().request("/ogc/collections/grids");
    expect(grids.body.crs).toEqual([crs84, cgcs]);
    expect(grids.body.storageCrs).toBe(crs84);
    const plain = await ctx().request("/ogc/collections/points/items?limit=5");
    expect(plain.headers.get("content-crs")).toBe(`<${crs84}>`);
    const flipped = await ctx().request(
      `/ogc/collections/points/items?limit=5&crs=${encodeURIComponent(cgcs)}`,
    );
    expect(flipped.headers.get("content-crs")).toBe(`<${cgcs}>`);
    const [lon, lat] = plain.body.features[0].geometry.coordinates;
    expect(flipped.body.features[0].geometry.coordinates).toEqual([lat, lon]);
    const polygon = await ctx().request(
      `/ogc/collections/grids/items?limit=1&crs=${encodeURIComponent(cgcs)}`,
    );
    const [y, x] = polygon.body.features[0].geometry.coordinates[0][0][0];
    expect(y).toBeGreaterThan(30);
    expect(x).toBeGreaterThan(110);
    const one = await ctx().request(
      `/ogc/collections/points/items/${plain.body.features[0].id}?crs=${encodeURIComponent(cgcs)}`,
    );
    expect(one.headers.get("content-crs")).toBe(`<${cgcs}>`);
    expect(one.body.geometry.coordinates).toEqual([lat, lon]);
    const box = [lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001];
    const inCrs84 = await ctx().request(`/ogc/collections/points/items?bbox=${box.join(",")}`);
    const inCgcs = await ctx().request(
      `/ogc/collections/points/items?bbox-crs=${encodeURIComponent(cgcs)}&bbox=${[box[1], box[0], box[3], box[2]].join(",")}`,
    );
    const sixNumbers = await ctx().request(
      `/ogc/collections/points/items?bbox=${[box[0], box[1], -10, box[2], box[3], 100].join(",")}`,
    );
    expect(inCrs84.body.numberMatched).toBeGreaterThan(0);
    expect(inCgcs.body.features.map((f: any) => f.id)).toEqual(
      inCrs84.body.features.map((f: any) => f.id),
    );
    expect(sixNumbers.body.features.map((f: any) => f.id)).toEqual(
      inCrs84.body.features.map((f: any) => f.id),
    );
    const refused = await ctx().request("/ogc/collections/points/items?crs=EPSG:3857");
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(["crs"]);
  });

  it("lists each collection's queryables and filters its items by them", async () => {
    const queryables = await ctx().request("/ogc/collections/problems/queryables");
    expect(queryables.headers.get("content-type")).toBe("application/schema+json");
    expect(Object.keys(queryables.body.properties)).toEqual(
      expect.arrayContaining(["status", "unitId", "gridId", "categoryId", "reportedAt"]),
    );
    expect(queryables.body.properties.status.enum).toContain("reported");
    const collection = await ctx().request("/ogc/collections/problems");
    expect(collection.body.links.map((l: any) => l.rel)).toContain(
      "http://www.opengis.net/def/rel/ogc/1.0/queryables",
    );
    const [first] = (await ctx().request("/api/problems?limit=1")).body.features;
    const { status, gridId, unitId } = first.properties;
    const api = await ctx().request(
      `/api/problems?status=${status}&gridId=${gridId}&unitId=${unitId}&limit=5000`,
    );
    const ogc = await ctx().request(
      `/ogc/collections/problems/items?status=${status}&gridId=${gridId}&unitId=${unitId}&limit=10000`,
    );
    expect(ogc.body.features.map((f: any) => f.id)).toEqual(
      api.body.features.map((f: any) => f.id),
    );
    expect(ogc.body.numberMatched).toBeLessThan(
      (await ctx().request("/ogc/collections/problems/items?limit=1")).body.numberMatched,
    );
    const byCommunity = await ctx().request(
      `/ogc/collections/grids/items?communityId=${(await ctx().request("/api/grids")).body.features[0].properties.communityId}`,
    );
    expect(byCommunity.body.numberMatched).toBeGreaterThan(0);
    for (const f of byCommunity.body.features)
      expect(f.properties.communityId).toBe(byCommunity.body.features[0].properties.communityId);
    const unknown = await ctx().request("/ogc/collections/grids/items?status=reported");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty("status");
    const badValue = await ctx().request("/ogc/collections/problems/items?status=lost");
    expect(badValue.status).toBe(400);
  });
});
