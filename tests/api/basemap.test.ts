// The map's base (issue 22): the city's own outline for everyone, and the administrator's
// basemap choice (none, a raster template with its CRS and Tianditu key, an uploaded PMTiles
// file served by range requests) that /api/config hands every map.
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const put = (body: unknown, lang = "zh-CN") => ({
  method: "PUT",
  headers: { "content-type": "application/json", "accept-language": lang },
  body: JSON.stringify(body),
});
const tianditu =
  "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}";

/** The first bytes of a PMTiles v3 archive, and some more: enough for the upload's check. */
const pmtiles = () => {
  const bytes = new Uint8Array(4096);
  bytes.set(new TextEncoder().encode("PMTiles"), 0);
  bytes[7] = 3;
  return bytes;
};

describeEachEngine("basemap", (ctx) => {
  it("draws the city's own outline with names for anyone, the public included", async () => {
    const outline = await ctx().anonymous.request("/api/basemap/outline");
    expect(outline.status).toBe(200);
    const named = (level: string, kind: string) =>
      outline.body.features.filter(
        (f: any) => f.properties.level === level && f.properties.kind === kind,
      );
    expect(named("city", "area").map((f: any) => f.properties.name)).toEqual(["滕州市"]);
    expect(named("community", "area").map((f: any) => f.properties.name)).toContain("蕃阳社区");
    expect(named("community", "label")[0].geometry.type).toBe("Point");
  });

  it("starts with no basemap: the maps draw the outline", async () => {
    const config = await ctx().anonymous.request("/api/config");
    expect(config.body).toMatchObject({
      basemapKind: "none",
      basemapUrl: null,
      basemapCrs: "wgs84",
    });
  });

  it("refuses a tile template without {z}/{x}/{y}, field by field, in the reader's language", async () => {
    const admin = await ctx().as("admin");
    const zh = await admin.request(
      "/api/basemap/settings",
      put({ kind: "raster", rasterUrl: "https://tiles.example/a.png" }),
    );
    expect(zh.status).toBe(400);
    expect(zh.body.error.fields.rasterUrl).toContain("{z}");
    const en = await admin.request(
      "/api/basemap/settings",
      put({ kind: "raster", rasterUrl: "ftp://x/{z}/{x}/{y}" }, "en"),
    );
    expect(en.body.error.fields.rasterUrl).toMatch(/must be an http\(s\) tile template/);
    const missing = await admin.request("/api/basemap/settings", put({ kind: "raster" }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.rasterUrl).toBe("必填");
    expect((await ctx().anonymous.request("/api/config")).body.basemapKind).toBe("none");
  });

  it("lets only administrators choose", async () => {
    const coordinator = await ctx().as("coordinator");
    const refused = await coordinator.request("/api/basemap/settings", put({ kind: "none" }));
    expect(refused.status).toBe(403);
  });

  it("hands maps a Tianditu template with its key filled in, and a GCJ-02 raster's system", async () => {
    const admin = await ctx().as("admin");
    const saved = await admin.request(
      "/api/basemap/settings",
      put({ kind: "raster", rasterUrl: tianditu, crs: "gcj02", tiandituKey: "abc123" }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      kind: "raster",
      hasTiandituKey: true,
      fromEnvironment: false,
    });
    expect(JSON.stringify(saved.body)).not.toContain("abc123");
    const config = (await ctx().anonymous.request("/api/config")).body;
    expect(config.basemapKind).toBe("raster");
    expect(config.basemapUrl).toContain("tk=abc123");
    expect(config.basemapUrl).toContain("TILEMATRIX={z}");
    expect(config.basemapCrs).toBe("gcj02");
    const audit = await admin.request("/api/audit?limit=5");
    const entry = audit.body.entries.find((e: any) => e.action === "basemap.update");
    expect(JSON.stringify(entry.after)).not.toContain("abc123");
  });

  it("serves an uploaded PMTiles file by byte ranges, and refuses a file that is not one", async () => {
    const admin = await ctx().as("admin");
    const none = await admin.request("/api/basemap/settings", put({ kind: "pmtiles" }));
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain("PMTiles");

    const upload = (body: Uint8Array) =>
      admin.request("/api/basemap/pmtiles", {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: new Blob([body as Uint8Array<ArrayBuffer>]),
      });
    const wrong = await upload(new TextEncoder().encode("not a pmtiles file, just text"));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("not_pmtiles");

    const good = await upload(pmtiles());
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ kind: "pmtiles", pmtilesBytes: 4096 });
    const config = (await ctx().anonymous.request("/api/config")).body;
    expect(config.basemapUrl).toMatch(/^pmtiles:\/\/\/api\/basemap\/city\.pmtiles\?v=/);
    expect(config.basemapCrs).toBe("wgs84");

    const part = await ctx().anonymous.raw("/api/basemap/city.pmtiles", {
      headers: { range: "bytes=0-7" },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 0-7/4096");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(pmtiles().subarray(0, 8));

    const back = await admin.request("/api/basemap/settings", put({ kind: "none" }));
    expect(back.body.kind).toBe("none");
    expect((await ctx().anonymous.raw("/api/basemap/city.pmtiles")).status).toBe(404);
  });
});
