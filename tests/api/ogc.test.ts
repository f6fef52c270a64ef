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
});
