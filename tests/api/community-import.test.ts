// Importing communities (社区) into a street from GeoJSON or KML: preview, codes kept or given
// west→east, and every rule broken named with its feature, nothing saved.
import { convertPosition } from "@civgrid/geo";
import { beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

function upload(content: BlobPart, name: string) {
  const form = new FormData();
  form.append("file", new Blob([content]), name);
  return { method: "POST", body: form };
}

/** A square of `side` degrees with its south-west corner at [lon, lat]. */
function square(lon: number, lat: number, side = 0.004) {
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  };
}

const collection = (features: { properties: Record<string, unknown>; geometry: unknown }[]) =>
  JSON.stringify({
    type: "FeatureCollection",
    features: features.map((f) => ({ type: "Feature", ...f })),
  });

describeEachEngine("community import", (ctx) => {
  let coordinator: Client;
  let street: { id: number; code: string };
  /** Far from the demo communities (they lie near 117.16, 35.08). */
  const [lon, lat] = [117.3, 35.2];

  const communityCount = async () =>
    (await coordinator.request("/api/communities?limit=1")).body.numberMatched as number;

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
    const streets = await coordinator.request("/api/regions?level=street");
    expect(streets.status).toBe(200);
    const first = streets.body.features[0];
    street = { id: first.id, code: first.properties.code };
  });

  it("lists the streets, though they have no outline yet", async () => {
    const streets = await coordinator.request("/api/regions?level=street");
    expect(streets.body.features.length).toBeGreaterThan(0);
    expect(street.code).toMatch(/^\d{9}$/);
  });

  it("previews, then saves communities: a file's code is kept, the others numbered west→east", async () => {
    const before = await communityCount();
    const kept = `${street.code}090`;
    const file = collection([
      { properties: { 名称: "东苑社区" }, geometry: square(lon + 0.01, lat) },
      { properties: { name: "西苑社区" }, geometry: square(lon, lat) },
      { properties: { 社区名称: "北苑社区", 社区编码: kept }, geometry: square(lon, lat + 0.01) },
    ]);
    const preview = await coordinator.request(
      `/api/communities/import?streetId=${street.id}`,
      upload(file, "communities.geojson"),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(true);
    expect(preview.body.features.map((f: any) => f.name)).toEqual([
      "东苑社区",
      "西苑社区",
      "北苑社区",
    ]);
    expect(preview.body.features[0].areaM2).toBeGreaterThan(150_000);
    expect(await communityCount()).toBe(before);

    const saved = await coordinator.request(
      `/api/communities/import?streetId=${street.id}&commit=true`,
      upload(file, "communities.geojson"),
    );
    expect(saved.status).toBe(201);
    expect(saved.body.created).toHaveLength(3);
    expect(await communityCount()).toBe(before + 3);
    const codes = new Map<string, string>();
    for (const id of saved.body.created) {
      const one = await coordinator.request(`/api/communities/${id}`);
      codes.set(one.body.properties.name, one.body.properties.code);
    }
    expect(codes.get("北苑社区")).toBe(kept);
    // Numbered after the highest code in the street, the file's own included, west before east.
    expect(codes.get("西苑社区")).toBe(`${street.code}091`);
    expect(codes.get("东苑社区")).toBe(`${street.code}092`);
  });

  it("names every broken rule with its feature and saves nothing", async () => {
    const before = await communityCount();
    const demo = (await coordinator.request("/api/communities")).body.features[0];
    const demoRing = demo.geometry.coordinates[0][0] as number[][];
    const file = collection([
      { properties: {}, geometry: square(lon + 0.05, lat) },
      { properties: { name: "错码社区", code: "123456789001" }, geometry: square(lon + 0.06, lat) },
      {
        properties: { name: "重码社区", code: demo.properties.code },
        geometry: square(lon + 0.07, lat),
      },
      {
        properties: { name: "压盖社区" },
        geometry: square(demoRing[0]![0]! - 0.001, demoRing[0]![1]! - 0.001),
      },
      {
        properties: { name: "没闭合" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [lon, lat],
              [lon + 0.01, lat],
              [lon, lat + 0.01],
              [lon + 0.02, lat + 0.02],
            ],
          ],
        },
      },
    ]);
    const answer = await coordinator.request(
      `/api/communities/import?streetId=${street.id}&commit=true`,
      upload(file, "communities.geojson"),
    );
    expect(answer.status).toBe(422);
    const messages = answer.body.error.problems.map((p: any) => p.message) as string[];
    expect(messages).toContain("第 1 个要素：缺少社区名称（属性 name、名称 或 社区名称）");
    expect(messages.some((m) => m.startsWith("第 2 个要素：社区编码 123456789001 不正确"))).toBe(
      true,
    );
    expect(messages).toContain(
      `第 3 个要素：社区编码 ${demo.properties.code} 已被「${demo.properties.name}」使用`,
    );
    expect(
      messages.some((m) => m.startsWith(`第 4 个要素：与社区「${demo.properties.name}」重叠`)),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith("第 5 个要素：边界没有闭合"))).toBe(true);
    expect(await communityCount()).toBe(before);
  });

  it("reads KML, converting from GCJ-02", async () => {
    const ring = square(lon - 0.1, lat)
      .coordinates[0]!.map((p) => p.join(","))
      .join(" ");
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>KML 社区</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      </Document></kml>`;
    const answer = await coordinator.request(
      `/api/communities/import?streetId=${street.id}&crs=gcj02&commit=true`,
      upload(kml, "communities.kml"),
    );
    expect(answer.status).toBe(201);
    const created = await coordinator.request(`/api/communities/${answer.body.created[0]}`);
    expect(created.body.properties.name).toBe("KML 社区");
    // GCJ-02 lies some 500 m east of WGS84 here: the saved corner is the file's, converted.
    const [west, south] = created.body.geometry.coordinates[0][0][0];
    const [expectedWest, expectedSouth] = convertPosition([lon - 0.1, lat], "gcj02", "wgs84");
    expect(west).toBeCloseTo(expectedWest, 6);
    expect(south).toBeCloseTo(expectedSouth, 6);
    expect(lon - 0.1 - west).toBeGreaterThan(0.004);
  });

  it("refuses an unknown street and a role that may not edit grids", async () => {
    const file = collection([{ properties: { name: "甲" }, geometry: square(lon + 0.2, lat) }]);
    const unknown = await coordinator.request(
      "/api/communities/import?streetId=999999",
      upload(file, "c.geojson"),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.streetId).toBe("找不到这个街道");
    const volunteer = await ctx().as("volunteer");
    const refused = await volunteer.request(
      `/api/communities/import?streetId=${street.id}`,
      upload(file, "c.geojson"),
    );
    expect(refused.status).toBe(403);
  });
});
