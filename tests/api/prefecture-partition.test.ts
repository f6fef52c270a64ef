// Issue 18: a prefecture-sized outline (6,511 vertices, a mainland and ten islands) read from the
// files a city office has — GeoJSON, KML, a zipped Shapefile — by the same reader the upload runs,
// and cut into 10 and 30 balanced grids by a partition job on the worker pool. A prefecture is
// larger than any community may be imported as, so its outline is set on a community directly.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { selectRows } from "@civgrid/api";
import { area } from "@turf/turf";
import { sql } from "drizzle-orm";
import { zipSync } from "fflate";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readGeoFile } from "../../api/src/grids/read-geo-file.ts";
import { prefectureOutline } from "../bench/prefecture-outline.ts";
import { describeEachEngine } from "./engines.ts";

const run = promisify(execFile);

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** The outline as a KML placemark: one MultiGeometry of polygons, as Google Earth saves it. */
function kmlOf(outline: MultiPolygon): string {
  const ring = (positions: Position[]) =>
    `<LinearRing><coordinates>${positions.map((p) => p.join(",")).join(" ")}</coordinates></LinearRing>`;
  const polygons = outline.coordinates.map(
    ([shell]) => `<Polygon><outerBoundaryIs>${ring(shell ?? [])}</outerBoundaryIs></Polygon>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
    <Placemark><name>枣庄市</name><MultiGeometry>${polygons.join("")}</MultiGeometry></Placemark>
    </Document></kml>`;
}

const vertices = (shape: Polygon | MultiPolygon) =>
  (shape.type === "Polygon" ? [shape.coordinates] : shape.coordinates).flat(2).length;

describeEachEngine(
  "a prefecture outline from GeoJSON, KML and Shapefile into 10 and 30 grids",
  (ctx) => {
    let dir = "";
    let outline: MultiPolygon;
    const files: Record<string, Uint8Array> = {};

    beforeAll(async () => {
      const [city] = await selectRows<{ lon: number; lat: number }>(
        ctx().db.orm,
        sql`SELECT ST_X(ST_Centroid(ST_Collect(geom))) AS lon, ST_Y(ST_Centroid(ST_Collect(geom))) AS lat
            FROM communities`,
      );
      outline = prefectureOutline({ centre: [city!.lon, city!.lat] });
      const geojson = JSON.stringify({
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { 名称: "枣庄市" }, geometry: outline }],
      });
      files["zaozhuang.geojson"] = new TextEncoder().encode(geojson);
      files["zaozhuang.kml"] = new TextEncoder().encode(kmlOf(outline));
      dir = await mkdtemp(path.join(tmpdir(), "civgrid-prefecture-"));
      await writeFile(path.join(dir, "in.geojson"), geojson);
      await run("ogr2ogr", [
        "-f",
        "ESRI Shapefile",
        path.join(dir, "shi.shp"),
        path.join(dir, "in.geojson"),
      ]);
      const parts: Record<string, Uint8Array> = {};
      for (const file of await readdir(dir)) {
        if (file.startsWith("shi."))
          parts[file] = new Uint8Array(await readFile(path.join(dir, file)));
      }
      files["zaozhuang.zip"] = zipSync(parts);
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean) => {
      for (;;) {
        const value = await read();
        if (done(value)) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    // One job per test: on a machine loaded many times over, each may take a while (no time is
    // asserted here; the speed is the bench's business).
    const cases = ["zaozhuang.geojson", "zaozhuang.kml", "zaozhuang.zip"].flatMap((name) =>
      [10, 30].map((count) => ({ name, count })),
    );
    for (const { name, count } of cases) {
      it(`reads ${name} whole and cuts it into ${count} grids of equal area`, {
        timeout: 600_000,
      }, async () => {
        const read = await readGeoFile(name, files[name]!);
        if (!read.ok) throw new Error(JSON.stringify(read.problem));
        expect(read.features).toHaveLength(1);
        const shape = read.features[0]!.geometry as Polygon | MultiPolygon;
        expect(shape.type).toBe("MultiPolygon");
        expect((shape as MultiPolygon).coordinates).toHaveLength(11);
        expect(vertices(shape)).toBe(vertices(outline));
        expect(area(shape) / area(outline)).toBeCloseTo(1, 6);

        const [community] = await selectRows<{ id: number }>(
          ctx().db.orm,
          sql`SELECT id FROM communities ORDER BY id LIMIT 1`,
        );
        const id = community!.id;
        await ctx().db.orm.execute(
          sql`UPDATE communities SET geom = ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(shape)}), 4326)
              WHERE id = ${id}`,
        );
        const coordinator = await ctx().as("coordinator");
        const started = await coordinator.request(
          `/api/communities/${id}/partition/jobs`,
          post({ count }),
        );
        expect([200, 202], JSON.stringify(started.body)).toContain(started.status);
        const done = await until(
          () => coordinator.request(`/api/communities/${id}/partition/jobs/${started.body.id}`),
          (answer) => answer.body.state !== "running",
        );
        expect(done.body.state, JSON.stringify(done.body).slice(0, 300)).toBe("done");
        const parts: (Polygon | MultiPolygon)[] = done.body.preview.parts;
        expect(parts).toHaveLength(count);
        // Balanced: every grid within 1 % of an equal share, and together they cover the outline.
        const areas = parts.map((part) => area(part));
        const share = area(shape) / count;
        const worst = Math.max(...areas.map((a) => Math.abs(a / share - 1)));
        expect(worst, `${name}, ${count} grids, cv ${done.body.preview.metrics.cv}`).toBeLessThan(
          0.01,
        );
        expect(areas.reduce((s, a) => s + a, 0) / area(shape)).toBeCloseTo(1, 4);
        expect(done.body.preview.metrics.cv).toBeLessThan(0.005);
        // The ten islands joined grids on their shores.
        expect(parts.some((part) => part.type === "MultiPolygon")).toBe(true);
      });
    }
  },
  ["pglite"],
);
