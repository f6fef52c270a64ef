// GDAL's own OGC API – Features client (ogrinfo, ogr2ogr from Debian's gdal-bin) reads /ogc on both
// engines through a real port, signed in with a personal access token, as a GIS user would (#10).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const run = promisify(execFile);

/** An OGR command's output; a refusal comes back as the exit code and GDAL's own error lines. */
async function gdal(command: "ogrinfo" | "ogr2ogr", args: string[]) {
  try {
    const { stdout, stderr } = await run(command, args, { timeout: 60_000 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    // Missing gdal-bin is a failure to fix (.ci/run installs it), not a refusal to check.
    if (failed.code === "ENOENT")
      throw new Error(`${command} is not installed: apt-get install gdal-bin`);
    return { ok: false, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

const bearer = (token: string) => [
  "--config",
  "GDAL_HTTP_HEADERS",
  `Authorization: Bearer ${token}`,
];

describeEachEngine("GDAL's OAPIF driver", (ctx) => {
  let http: ReturnType<typeof serve>;
  let ogc = "";
  let dir = "";
  /** Every request the server answered, to see GDAL follow the `next` links. */
  const requests: string[] = [];

  beforeAll(async () => {
    http = serve({
      fetch: (request: Request) => {
        requests.push(request.url);
        return ctx().app.fetch(request);
      },
      port: 0,
      hostname: "127.0.0.1",
    });
    await new Promise((resolve) => http.once("listening", resolve));
    ogc = `OAPIF:http://127.0.0.1:${(http.address() as AddressInfo).port}/ogc`;
    dir = await mkdtemp(path.join(tmpdir(), "civgrid-gdal-"));
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const tokenOf = async (client: Client) => {
    const created = await client.request("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "GDAL" }),
    });
    expect(created.status).toBe(201);
    return created.body as { id: number; token: string };
  };

  /** The features ogr2ogr wrote to a GeoJSON file: their ids, in the order GDAL read them. */
  const download = async (token: string, layer: string, extra: string[]) => {
    const file = path.join(dir, `${layer}-${Date.now()}.geojson`);
    const out = await gdal("ogr2ogr", [
      "-f",
      "GeoJSON",
      file,
      ogc,
      layer,
      ...extra,
      ...bearer(token),
    ]);
    expect(out.ok, out.stderr).toBe(true);
    const json = JSON.parse(await readFile(file, "utf8"));
    return json.features.map((f: { properties: { id: number } }) => f.properties.id) as number[];
  };

  it("lists the five collections and counts each layer's features as the API does", async () => {
    const { token } = await tokenOf(await ctx().as("coordinator"));
    const listed = await gdal("ogrinfo", ["-ro", "-so", ogc, ...bearer(token)]);
    expect(listed.ok, listed.stderr).toBe(true);
    const layers = [...listed.stdout.matchAll(/^\d+: (\w+) \(title: /gm)].map((m) => m[1]);
    const collections = (await ctx().request("/ogc/collections")).body.collections;
    expect(layers).toEqual(collections.map((c: { id: string }) => c.id));

    const summary = await gdal("ogrinfo", [
      "-ro",
      "-so",
      ogc,
      "grids",
      "points",
      "problems",
      ...bearer(token),
    ]);
    expect(summary.ok, summary.stderr).toBe(true);
    const counts = [...summary.stdout.matchAll(/^Feature Count: (\d+)$/gm)].map((m) =>
      Number(m[1]),
    );
    const api = await Promise.all(
      ["grids", "points", "problems"].map(
        async (id) => (await ctx().request(`/api/${id}`)).body.numberMatched,
      ),
    );
    expect(counts).toEqual(api);
    expect(summary.stdout).toContain("Geometry: Multi Polygon");
    expect(summary.stdout).toContain('ID["EPSG",4326]');
  });

  it("downloads a bbox of grids across pages by the next links: the API's features, no more", async () => {
    const { token } = await tokenOf(await ctx().as("coordinator"));
    const all = (await ctx().request("/api/grids")).body.features;
    // The box around the first five grids' shapes, so that it holds some grids and not others.
    const box = all.slice(0, 5).flatMap((f: any) => f.geometry.coordinates.flat(2));
    const lons = box.map((p: number[]) => p[0]);
    const lats = box.map((p: number[]) => p[1]);
    const bbox = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    const api = (await ctx().request(`/api/grids?bbox=${bbox.join(",")}`)).body.features.map(
      (f: { id: number }) => f.id,
    );
    expect(api.length).toBeGreaterThan(6);
    expect(api.length).toBeLessThan(all.length);
    requests.length = 0;
    // Three features a page, so GDAL reads three pages or more, each through the previous one's `next`.
    const ids = await download(token, "grids", [
      "-spat",
      ...bbox.map(String),
      "-oo",
      "PAGE_SIZE=3",
    ]);
    expect(ids).toEqual(api);
    const pages = requests.filter((url) => url.includes("/ogc/collections/grids/items?"));
    expect(pages.filter((url) => /[?&]offset=3(&|$)/.test(url)).length).toBe(1);
    expect(pages.filter((url) => /[?&]offset=6(&|$)/.test(url)).length).toBe(1);
  });

  it("downloads every problem page by page, and a volunteer's token only their own grids", async () => {
    const { token } = await tokenOf(await ctx().as("coordinator"));
    const problems = await ctx().request("/api/problems?limit=5000");
    expect(problems.body.numberMatched).toBeGreaterThan(40);
    const ids = await download(token, "problems", ["-oo", "PAGE_SIZE=20"]);
    expect(ids).toEqual(problems.body.features.map((f: { id: number }) => f.id));

    const volunteer = await ctx().as("volunteer");
    const own = (await volunteer.request("/api/grids")).body.features.map(
      (f: { id: number }) => f.id,
    );
    const theirs = await download((await tokenOf(volunteer)).token, "grids", []);
    expect(theirs).toEqual(own);
    expect(theirs.length).toBeLessThan((await ctx().request("/api/grids")).body.numberMatched);
  });

  it("filters by an attribute after reading the OpenAPI 3.0 definition the landing page names", async () => {
    const { token } = await tokenOf(await ctx().as("coordinator"));
    const first = (await ctx().request("/api/problems?limit=1")).body.features[0];
    const status: string = first.properties.status;
    const api = await ctx().request(`/api/problems?status=${status}&limit=5000`);
    requests.length = 0;
    const where = ["-where", `status = '${status}'`, "-oo", "PAGE_SIZE=50"];
    const out = await gdal("ogrinfo", ["-ro", "-q", ogc, "problems", ...where, ...bearer(token)]);
    expect(out.ok, out.stderr).toBe(true);
    expect(out.stderr).not.toContain("Unexpected Content-Type");
    const ids = [...out.stdout.matchAll(/^OGRFeature\(problems\):(\d+)$/gm)].map((m) =>
      Number(m[1]),
    );
    expect(ids).toEqual(api.body.features.map((f: { id: number }) => f.id));
    // GDAL found status among the items' parameters in the definition and asked the server
    // (its first page, read before, only settles the layer's fields).
    const definitionAt = requests.findIndex((url) => new URL(url).pathname === "/ogc/api");
    expect(definitionAt).toBeGreaterThan(0);
    const filtered = requests.slice(definitionAt + 1);
    expect(filtered.length).toBeGreaterThan(0);
    for (const url of filtered) expect(new URL(url).searchParams.get("status")).toBe(status);
  });

  // Standard clients (issue 18): CGCS2000 out, a spatial filter, a server-side -where on two
  // queryables, and a datetime filter passed on the connection URL.
  it("reprojects to CGCS2000 (-t_srs EPSG:4490), filters by -spat, and sends -where on queryables to the server", async () => {
    const { token } = await tokenOf(await ctx().as("coordinator"));
    const file = path.join(dir, `points-4490-${Date.now()}.geojson`);
    const out = await gdal("ogr2ogr", [
      "-f",
      "GeoJSON",
      "-t_srs",
      "EPSG:4490",
      "-lco",
      "RFC7946=NO",
      file,
      ogc,
      "points",
      ...bearer(token),
    ]);
    expect(out.ok, out.stderr).toBe(true);
    const written = JSON.parse(await readFile(file, "utf8"));
    expect(written.crs.properties.name).toContain("4490");
    const api = (await ctx().request("/api/points?limit=5000")).body.features;
    expect(written.features).toHaveLength(api.length);
    const [lon, lat] = api[0].geometry.coordinates;
    const mine = written.features.find((f: any) => f.properties.id === api[0].id);
    expect(mine.geometry.coordinates[0]).toBeCloseTo(lon, 6);
    expect(mine.geometry.coordinates[1]).toBeCloseTo(lat, 6);

    requests.length = 0;
    const box = [lon - 0.002, lat - 0.002, lon + 0.002, lat + 0.002];
    const spat = await download(token, "points", ["-spat", ...box.map(String)]);
    const inBox = (await ctx().request(`/api/points?bbox=${box.join(",")}&limit=5000`)).body
      .features;
    expect(spat.sort()).toEqual(inBox.map((f: { id: number }) => f.id).sort());
    expect(requests.some((url) => new URL(url).searchParams.has("bbox"))).toBe(true);

    const [problem] = (await ctx().request("/api/problems?limit=1")).body.features;
    const { gridId, status } = problem.properties;
    requests.length = 0;
    const where = await download(token, "problems", [
      "-where",
      `gridId = ${gridId} AND status = '${status}'`,
    ]);
    const expected = (
      await ctx().request(`/api/problems?gridId=${gridId}&status=${status}&limit=5000`)
    ).body.features;
    expect(where).toEqual(expected.map((f: { id: number }) => f.id));
    const asked = requests.filter((url) => {
      const query = new URL(url).searchParams;
      return new URL(url).pathname.endsWith("/problems/items") && query.has("gridId");
    });
    expect(asked.length).toBeGreaterThan(0);
    for (const url of asked) expect(new URL(url).searchParams.get("status")).toBe(status);
    // Only the schema's first page went without the filter.
    expect(requests.filter((url) => new URL(url).pathname.endsWith("/problems/items")).length).toBe(
      asked.length + 1,
    );
  });

  it("reads only the problems of a time interval when the connection names a datetime", async () => {
    const { token } = await tokenOf(await ctx().as("coordinator"));
    const all = (await ctx().request("/ogc/collections/problems/items?limit=10000")).body.features;
    const times = all.map((f: any) => f.properties.reportedAt).sort();
    const middle = times[Math.floor(times.length / 2)];
    const expected = (
      await ctx().request(`/ogc/collections/problems/items?limit=10000&datetime=../${middle}`)
    ).body.features;
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const url = `${ogc}/collections/problems?datetime=../${middle}`;
    const out = await gdal("ogrinfo", ["-ro", "-so", url, "problems", ...bearer(token)]);
    expect(out.ok, out.stderr).toBe(true);
    expect(out.stdout).toContain(`Feature Count: ${expected.length}`);
  });

  it("is refused without a token and with a revoked one", async () => {
    const none = await gdal("ogrinfo", ["-ro", "-so", ogc]);
    expect(none.ok).toBe(false);
    expect(none.stderr).toContain("HTTP error code : 401");
    expect(none.stderr).toContain("not_signed_in");

    const coordinator = await ctx().as("coordinator");
    const { id, token } = await tokenOf(coordinator);
    expect((await gdal("ogrinfo", ["-ro", "-so", ogc, ...bearer(token)])).ok).toBe(true);
    const revoked = await coordinator.request(`/api/tokens/${id}`, { method: "DELETE" });
    expect(revoked.status).toBe(200);
    const after = await gdal("ogrinfo", ["-ro", "-so", ogc, ...bearer(token)]);
    expect(after.ok).toBe(false);
    expect(after.stderr).toContain("HTTP error code : 401");
    expect(after.stderr).toContain("token_invalid");
  });
});
