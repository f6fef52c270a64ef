// geo/ and PostGIS judge the same shapes the same way: geo's fixtures fed to both.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { selectRows } from "@civgrid/api";
import { validateGridGeometry } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const fixtures = fileURLToPath(
  new URL("../../geo/test/fixtures/in/validate-grid", import.meta.url),
);
/** Every fixture that is a polygon in shape (parsable by PostGIS), with geo's verdict. */
const shapes = readdirSync(fixtures)
  .filter((f) => f.endsWith(".geojson"))
  .map((f) => ({ name: f, input: JSON.parse(readFileSync(path.join(fixtures, f), "utf8")) }))
  .map(({ name, input }) => ({
    name,
    geometry:
      input.type === "FeatureCollection"
        ? input.features[0]?.geometry
        : input.type === "Feature"
          ? input.geometry
          : input,
  }))

  .filter(({ geometry }) => geometry && /Polygon$/.test(geometry.type ?? ""))
  // 2-D only is CivGrid's policy, not a validity rule: PostGIS rightly finds a 3-D square valid.
  .filter(({ name }) => name !== "three-d.geojson");

/** Shapes whose validity both sides must decide: a square, a bow tie, a hole outside its shell. */
const square = [
  [117.16, 35.08],
  [117.17, 35.08],
  [117.17, 35.09],
  [117.16, 35.09],
  [117.16, 35.08],
];
const handMade = [
  { name: "square", geometry: { type: "Polygon", coordinates: [square] } },
  {
    name: "bow tie",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [117.1, 35.1],
          [117.2, 35.2],
          [117.2, 35.1],
          [117.1, 35.2],
          [117.1, 35.1],
        ],
      ],
    },
  },
  {
    name: "hole outside",
    geometry: {
      type: "Polygon",
      coordinates: [
        square,
        [
          [117.2, 35.2],
          [117.21, 35.2],
          [117.21, 35.21],
          [117.2, 35.2],
        ],
      ],
    },
  },
  {
    name: "two overlapping parts",
    geometry: {
      type: "MultiPolygon",
      coordinates: [[square], [square.map(([x, y]) => [x! + 0.005, y!])]],
    },
  },
];

describeEachEngine("geo and PostGIS agree", (ctx) => {
  it.each([...handMade, ...shapes].map((s) => [s.name, s.geometry]))(
    "on %s",
    async (_name, geometry) => {
      const geo = validateGridGeometry(geometry).ok;
      let postgis: boolean;
      try {
        const [row] = await selectRows<{ valid: boolean }>(
          ctx().db.orm,
          sql`SELECT ST_IsValid(ST_GeomFromGeoJSON(${JSON.stringify(geometry)})) AS valid`,
        );
        postgis = row?.valid ?? false;
      } catch {
        postgis = false; // PostGIS could not even read it (an open ring, too few points)
      }
      expect(geo).toBe(postgis);
    },
  );
});
