// Real-world files into communities: GBK Shapefiles with and without a .cpg (made by GDAL's own
// ogr2ogr, as Chinese GIS offices make them), a wrong .cpg refused rather than saved as mojibake,
// and KML MultiGeometry placemarks read as MultiPolygons, lines and points in them named and refused.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const run = promisify(execFile);

function upload(content: BlobPart, name: string) {
  const form = new FormData();
  form.append("file", new Blob([content]), name);
  return { method: "POST", body: form };
}

const ring = (lon: number, lat: number, side = 0.004) => [
  [lon, lat],
  [lon + side, lat],
  [lon + side, lat + side],
  [lon, lat + side],
  [lon, lat],
];

describeEachEngine("real-world community files", (ctx) => {
  let coordinator: Client;
  let streetId = 0;
  let dir = "";
  /** A Shapefile's parts as GDAL wrote them with -lco ENCODING=GBK. */
  const gbk: Record<string, Uint8Array> = {};
  const [lon, lat] = [117.25, 35.15];

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
    streetId = (await coordinator.request("/api/regions?level=street")).body.features[0].id;
    dir = await mkdtemp(path.join(tmpdir(), "civgrid-gbk-"));
    const source = path.join(dir, "in.geojson");
    await writeFile(
      source,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          { name: "蕃阳社区东区", lon },
          { name: "郭彭庄社区北片", lon: lon + 0.01 },
        ].map((c) => ({
          type: "Feature",
          properties: { 名称: c.name },
          geometry: { type: "Polygon", coordinates: [ring(c.lon, lat)] },
        })),
      }),
    );
    await run("ogr2ogr", [
      "-f",
      "ESRI Shapefile",
      "-lco",
      "ENCODING=GBK",
      path.join(dir, "shequ.shp"),
      source,
    ]);
    for (const file of await readdir(dir)) {
      if (file.startsWith("shequ."))
        gbk[file.split(".").pop()!] = new Uint8Array(await readFile(path.join(dir, file)));
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const zip = (parts: Record<string, Uint8Array>) =>
    zipSync(
      Object.fromEntries(Object.entries(parts).map(([ext, bytes]) => [`shequ.${ext}`, bytes])),
    );
  const preview = (content: BlobPart, name: string) =>
    coordinator.request(`/api/communities/import?streetId=${streetId}`, upload(content, name));

  it("reads a GBK Shapefile by its .cpg, and without one by detecting GB18030", async () => {
    expect(gbk.cpg).toBeDefined();
    // The names really are GBK bytes, not UTF-8.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk.dbf)).toThrow();
    const withCpg = await preview(zip(gbk), "shequ.zip");
    expect(withCpg.status, JSON.stringify(withCpg.body)).toBe(200);
    expect(withCpg.body.features.map((f: any) => f.name)).toEqual([
      "蕃阳社区东区",
      "郭彭庄社区北片",
    ]);
    const { cpg: _, ...withoutCpg } = gbk;
    const detected = await preview(zip(withoutCpg), "shequ.zip");
    expect(detected.status).toBe(200);
    expect(detected.body.ok).toBe(true);
    expect(detected.body.features.map((f: any) => f.name)).toEqual([
      "蕃阳社区东区",
      "郭彭庄社区北片",
    ]);
    for (const cpg of ["936", "CP936", "ANSI 936", "GB18030"]) {
      const named = await preview(zip({ ...gbk, cpg: strToU8(cpg) }), "shequ.zip");
      expect(
        named.body.features?.map((f: any) => f.name),
        cpg,
      ).toEqual(["蕃阳社区东区", "郭彭庄社区北片"]);
    }
  });

  it("refuses a .cpg that garbles the names instead of showing them as ok", async () => {
    const wrong = await preview(zip({ ...gbk, cpg: strToU8("UTF-8") }), "shequ.zip");
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain("乱码");
    expect(JSON.stringify(wrong.body)).not.toContain("\\ufffd");
  });

  it("reads a KML MultiGeometry of polygons as one MultiPolygon, and names a line inside one", async () => {
    const polygon = (r: number[][]) =>
      `<Polygon><outerBoundaryIs><LinearRing><coordinates>${r.map((p) => p.join(",")).join(" ")}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    const kml = (
      inner: string,
    ) => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>两片社区</name><MultiGeometry>${inner}</MultiGeometry></Placemark></Document></kml>`;
    const two = await preview(
      kml(polygon(ring(lon + 0.05, lat)) + polygon(ring(lon + 0.06, lat))),
      "two.kml",
    );
    expect(two.status, JSON.stringify(two.body)).toBe(200);
    expect(two.body.features).toHaveLength(1);
    expect(two.body.features[0].name).toBe("两片社区");
    const saved = await coordinator.request(
      `/api/communities/import?streetId=${streetId}&commit=true`,
      upload(kml(polygon(ring(lon + 0.05, lat)) + polygon(ring(lon + 0.06, lat))), "two.kml"),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const community = await coordinator.request(`/api/communities/${saved.body.created[0]}`);
    expect(community.body.geometry.type).toBe("MultiPolygon");
    expect(community.body.geometry.coordinates).toHaveLength(2);
    const mixed = await preview(
      kml(
        `${polygon(ring(lon + 0.07, lat))}<LineString><coordinates>${lon},${lat} ${lon + 0.01},${lat}</coordinates></LineString>`,
      ),
      "mixed.kml",
    );
    expect(mixed.status).toBe(400);
    expect(JSON.stringify(mixed.body)).toContain("两片社区");
    expect(JSON.stringify(mixed.body)).toContain("LineString");
  });

  it("refuses an outline far outside the city, or larger than a community may be, saying how far and how large", async () => {
    const outline = (coordinates: number[][]) =>
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { 名称: "远方社区" },
            geometry: { type: "Polygon", coordinates: [coordinates] },
          },
        ],
      });
    const beijing = await preview(outline(ring(116.4, 39.9)), "far.geojson");
    expect(JSON.stringify(beijing.body)).toMatch(/边界离本市约 \d+ 公里/);
    expect(beijing.body.ok).not.toBe(true);
    const huge = await preview(outline(ring(117.05, 35.0, 0.12)), "huge.geojson");
    expect(JSON.stringify(huge.body)).toContain("超过一个社区的上限 60 平方公里");
    expect(huge.body.ok).not.toBe(true);
    const saved = await coordinator.request(
      `/api/communities/import?streetId=${streetId}&commit=true`,
      upload(outline(ring(116.4, 39.9)), "far.geojson"),
    );
    expect(saved.status).toBe(422);
  });
});
