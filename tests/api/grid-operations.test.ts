// Splitting, merging, the division table and grids as files (export, import with a preview).
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const send = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

function upload(content: BlobPart, name: string) {
  const form = new FormData();
  form.append("file", new Blob([content]), name);
  return { method: "POST", body: form };
}

/** West-east line through the middle of a grid's bounding box, reaching well outside it. */
function cutAcross(geometry: any) {
  const ring = geometry.coordinates[0][0] as [number, number][];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const y = (Math.min(...lats) + Math.max(...lats)) / 2;
  return {
    type: "LineString",
    coordinates: [
      [Math.min(...lons) - 0.001, y],
      [Math.max(...lons) + 0.001, y],
    ],
  };
}

describeEachEngine("grid operations", (ctx) => {
  let coordinator: Client;
  const grids = async (communityId?: number) =>
    (await coordinator.request(`/api/grids${communityId ? `?communityId=${communityId}` : ""}`))
      .body.features;

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
  });

  it("splits a grid along a line into two grids that cover it exactly", async () => {
    const [grid] = await grids();
    const answer = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { version: grid.properties.version, line: cutAcross(grid.geometry) }),
    );
    expect(answer.status).toBe(201);
    const pieces = answer.body.grids;
    expect(pieces).toHaveLength(2);
    expect(pieces[0].properties.code).toBe(grid.properties.code);
    const total = pieces.reduce((s: number, p: any) => s + p.properties.areaM2, 0);
    expect(Math.abs(total - grid.properties.areaM2)).toBeLessThanOrEqual(2);
    expect(pieces[1].properties.leadUnitId).toBe(grid.properties.leadUnitId);
    const coverage = await coordinator.request(
      `/api/communities/${grid.properties.communityId}/coverage`,
    );
    expect(coverage.body.gapAreaM2).toBe(0);
  });

  it("refuses a line that does not cross the grid, with 422", async () => {
    const [, grid] = await grids();
    const far = {
      type: "LineString",
      coordinates: [
        [100, 20],
        [100.1, 20.1],
      ],
    };
    const answer = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { version: grid.properties.version, line: far }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.problems[0].code).toBe("split_failed");
  });

  it("merges two grids sharing an edge back into one and refuses grids that do not touch", async () => {
    const all = await grids();
    const first = all[0];
    const sameCommunity = all.filter(
      (g: any) => g.properties.communityId === first.properties.communityId,
    );
    const splitOff = sameCommunity.find((g: any) => g.properties.name.endsWith("-2"));
    const merged = await coordinator.request(
      "/api/grids/merge",
      send("POST", {
        grids: [first, splitOff].map((g: any) => ({ id: g.id, version: g.properties.version })),
      }),
    );
    expect(merged.status).toBe(201);
    expect(merged.body.properties.code).toBe(first.properties.code);
    expect((await coordinator.request(`/api/grids/${splitOff.id}`)).status).toBe(404);
    // Two grids of different communities share no edge in the demo: refused, nothing changed.
    const other = all.find((g: any) => g.properties.communityId !== first.properties.communityId);
    const fresh = (await coordinator.request(`/api/grids/${first.id}`)).body;
    const refused = await coordinator.request(
      "/api/grids/merge",
      send("POST", {
        grids: [fresh, other].map((g: any) => ({ id: g.id, version: g.properties.version })),
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.problems[0].code).toBe("merge_community");
  });

  it("gives the division table as JSON and as an XLSX workbook", async () => {
    const table = await coordinator.request("/api/grids/division");
    expect(table.body.rows.length).toBeGreaterThanOrEqual(10);
    expect(table.body.rows[0]).toMatchObject({
      code: expect.stringMatching(/^\d{15}$/),
      leadUnit: expect.any(String),
    });
    const response = await coordinator.raw("/api/grids/division.xlsx");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const file = await response.arrayBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).text).toBe("序号");
    expect(sheet.getRow(2).getCell(2).text).toBe("网格编码");
    expect(sheet.rowCount).toBe(2 + table.body.rows.length + 1);
    expect(sheet.getRow(3).getCell(1).text).toBe("1");
    // The last row adds up the area and the volunteers.
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(1).text).toBe("合计");
    const volunteers = table.body.rows.reduce((s: number, r: any) => s + r.volunteerCount, 0);
    expect(Number(total.getCell(10).value)).toBe(volunteers);
    const area = table.body.rows.reduce((s: number, r: any) => s + r.areaM2, 0);
    expect(Number(total.getCell(5).value)).toBeCloseTo(area, 2);
  });

  it("exports grids as GeoJSON, KML and CSV", async () => {
    const geojson = await coordinator.request("/api/grids/export?format=geojson");
    expect(geojson.body.features.length).toBeGreaterThanOrEqual(10);
    expect(geojson.body.features[0].properties.code).toMatch(/^\d{15}$/);
    const kml = await coordinator.request("/api/grids/export?format=kml");
    expect(String(kml.body)).toContain("<kml");
    expect(String(kml.body)).toContain("<Polygon>");
    const csv = await coordinator.request("/api/grids/export?format=csv");
    expect(String(csv.body).split("\r\n")[0]).toMatch(/^\uFEFF?网格编码,名称,所属社区,/);
    const csvEn = await coordinator.request("/api/grids/export?format=csv&lang=en");
    expect(String(csvEn.body).split("\r\n")[0]).toMatch(/^\uFEFF?code,name,community,area/);
    expect((await coordinator.request("/api/grids/export?format=shp")).status).toBe(400);
    const communities = await coordinator.request("/api/communities/export?format=geojson");
    expect(communities.body.features.map((f: any) => f.properties.name).sort()).toEqual(
      ["蕃阳社区", "郭彭庄社区"].sort(),
    );
    expect(
      String((await coordinator.request("/api/communities/export?format=kml")).body),
    ).toContain("蕃阳社区");
  });

  it("previews and imports grids from a GeoJSON file in GCJ-02, converted to WGS84", async () => {
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const own = await grids(community.id);
    // Delete one grid, then import its shape back from a file written in GCJ-02.
    const victim = own[own.length - 1];
    await coordinator.request(`/api/grids/${victim.id}?version=${victim.properties.version}`, {
      method: "DELETE",
    });
    const { convertGeometry } = await import("@civgrid/geo");
    const file = JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { name: "导入的网格" },
          geometry: convertGeometry(victim.geometry, "wgs84", "gcj02"),
        },
      ],
    });
    const preview = await coordinator.request(
      `/api/grids/import?communityId=${community.id}&crs=gcj02`,
      upload(file, "grids.geojson"),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(true);
    expect(preview.body.features[0].areaM2).toBeCloseTo(victim.properties.areaM2, -2);
    const committed = await coordinator.request(
      `/api/grids/import?communityId=${community.id}&crs=gcj02&commit=true`,
      upload(file, "grids.geojson"),
    );
    expect(committed.status).toBe(201);
    expect(committed.body.created).toHaveLength(1);
    const coverage = await coordinator.request(`/api/communities/${community.id}/coverage`);
    expect(coverage.body.gapPercent).toBeLessThan(0.1);
  });

  it("refuses an import whose features overlap existing grids, naming each feature, and saves nothing", async () => {
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const before = (await grids()).length;
    const own = await grids(community.id);
    const file = JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: {}, geometry: own[0].geometry },
        { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [117, 35] } },
      ],
    });
    const answer = await coordinator.request(
      `/api/grids/import?communityId=${community.id}&commit=true`,
      upload(file, "grids.json"),
    );
    expect(answer.status).toBe(422);
    const messages = answer.body.error.problems.map((p: any) => p.params.featureIndex);
    expect(messages).toEqual(expect.arrayContaining([0, 1]));
    expect((await grids()).length).toBe(before);
  });

  it.each([
    ["a text file named .kml", "just text", "grids.kml", "KML"],
    [
      "a GeoJSON named .zip",
      '{"type":"FeatureCollection","features":[]}',
      "grids.zip",
      "Shapefile",
    ],
    ["a .docx", "PK", "grids.docx", ".zip"],
  ])("refuses %s with a message naming the problem", async (_what, content, name, expected) => {
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const answer = await coordinator.request(
      `/api/grids/import?communityId=${community.id}`,
      upload(content, name),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.file).toContain(expected);
  });

  it("refuses a zipped Shapefile without its .prj and .dbf", async () => {
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const { zipSync } = await import("fflate");
    const zip = zipSync({ "grids.shp": new Uint8Array([0, 0, 39, 10]) });
    const answer = await coordinator.request(
      `/api/grids/import?communityId=${community.id}`,
      upload(zip, "grids.zip"),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.file).toContain("grids.dbf");
    expect(answer.body.error.fields.file).toContain("grids.prj");
  });

  it("imports grids from a zipped Shapefile with its .prj", async () => {
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const own = await grids(community.id);
    const victim = own[1];
    await coordinator.request(`/api/grids/${victim.id}?version=${victim.properties.version}`, {
      method: "DELETE",
    });
    const shpwrite = await import("@mapbox/shp-write");
    const zip = await shpwrite.zip(
      {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { name: "SHP" },
            geometry: { type: "Polygon", coordinates: victim.geometry.coordinates[0] },
          },
        ],
      },
      { outputType: "arraybuffer", compression: "DEFLATE" } as never,
    );
    const answer = await coordinator.request(
      `/api/grids/import?communityId=${community.id}`,
      upload(zip as ArrayBuffer, "grids.zip"),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.kind).toBe("shapefile");
    expect(answer.body.ok).toBe(true);
    expect(answer.body.features[0].areaM2).toBeCloseTo(victim.properties.areaM2, -2);
  });

  it("imports grids from KML", async () => {
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const own = await grids(community.id);
    const victim = own[0];
    await coordinator.request(`/api/grids/${victim.id}?version=${victim.properties.version}`, {
      method: "DELETE",
    });
    const ring = victim.geometry.coordinates[0][0].map((p: number[]) => p.join(",")).join(" ");
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>KML 网格</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      </Document></kml>`;
    const answer = await coordinator.request(
      `/api/grids/import?communityId=${community.id}&commit=true`,
      upload(kml, "grids.kml"),
    );
    expect(answer.status).toBe(201);
    const created = await coordinator.request(`/api/grids/${answer.body.created[0]}`);
    expect(created.body.properties.name).toBe("KML 网格");
  });
});
