// Benchmark: this project's auto-partition against two baselines, on real and generated shapes.
// Run with `npx tsx tests/bench/partition.bench.ts` (a plain script; vitest does not pick it up).
import { readFileSync } from "node:fs";
import {
  area,
  bbox,
  clustersKmeans,
  feature,
  featureCollection,
  intersect,
  pointGrid,
  squareGrid,
  voronoi,
} from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { partitionBalanced, partitionMetrics } from "../../geo/src/index.ts";
import { buildTengzhou } from "../../seeds/src/index.ts";
import { prefectureOutline } from "./prefecture-outline.ts";

type Surface = Polygon | MultiPolygon;

interface Shape {
  name: string;
  area: Surface;
  count: number;
}

interface Row {
  shape: string;
  method: string;
  pieces: number;
  cv: number;
  polsbyPopper: number;
  ms: number;
}

const readFixture = (relative: string): Surface => {
  const url = new URL(relative, import.meta.url);
  const collection = JSON.parse(readFileSync(url, "utf8")) as FeatureCollection<Surface>;
  const first = collection.features[0];
  if (!first) throw new Error(`${url.pathname}: no feature`);
  return first.geometry;
};

/** Square cells of one N-th of the area each, on a lattice over the bounding box, clipped. */
function squareGridBaseline(shape: Surface, count: number): Surface[] {
  const side = Math.sqrt(area(shape) / count) / 1000;
  return clipAll(squareGrid(bbox(shape), side, { units: "kilometers" }).features, shape);
}

/** k-means (turf) on a lattice of ~100 points per part, then the centres' Voronoi cells, clipped. */
function kMeansVoronoiBaseline(shape: Surface, count: number): Surface[] {
  const side = Math.sqrt(area(shape) / (count * 100)) / 1000;
  const sample = pointGrid(bbox(shape), side, { units: "kilometers", mask: feature(shape) });
  const clustered = clustersKmeans(sample, { numberOfClusters: count });
  const sums = new Map<number, [number, number, number]>();
  for (const point of clustered.features) {
    const [lon = 0, lat = 0] = point.geometry.coordinates;
    const cluster = point.properties.cluster ?? 0;
    const [x, y, n] = sums.get(cluster) ?? [0, 0, 0];
    sums.set(cluster, [x + lon, y + lat, n + 1]);
  }
  const centres = [...sums.values()].map(([x, y, n]) =>
    feature<Point>({ type: "Point", coordinates: [x / n, y / n] }),
  );
  const [w = 0, s = 0, e = 0, n = 0] = bbox(shape);
  const cells = voronoi(featureCollection(centres), { bbox: [w - 1, s - 1, e + 1, n + 1] });
  return clipAll(cells.features.filter(Boolean), shape);
}

function clipAll(cells: Feature<Polygon>[], shape: Surface): Surface[] {
  return cells.flatMap((cell) => {
    const piece = intersect(featureCollection<Surface>([cell, feature(shape)]));
    return piece ? [piece.geometry] : [];
  });
}

function measure(shape: Shape, method: string, run: () => Surface[]): Row {
  const started = performance.now();
  const parts = run();
  const ms = performance.now() - started;
  return { shape: shape.name, method, pieces: parts.length, ...partitionMetrics(parts), ms };
}

/** The mean over several seeds: one seed's figure is one draw of the search's random moves. */
function acrossSeeds(shape: Shape, seeds: number[]): Row {
  const runs = seeds.map((seed) =>
    measure(shape, "", () => partitionBalanced(shape.area, { count: shape.count, seed }).parts),
  );
  const mean = (pick: (row: Row) => number) =>
    runs.reduce((total, row) => total + pick(row), 0) / runs.length;
  return {
    shape: shape.name,
    method: `partitionBalanced, mean of seeds ${seeds[0]}–${seeds.at(-1)}`,
    pieces: mean((row) => row.pieces),
    cv: mean((row) => row.cv),
    polsbyPopper: mean((row) => row.polsbyPopper),
    ms: mean((row) => row.ms),
  };
}

function vertexCount(shape: Surface): number {
  return (shape.type === "Polygon" ? [shape.coordinates] : shape.coordinates).flat(2).length;
}

const prefecture = prefectureOutline();
const dataset = buildTengzhou({ now: new Date("2024-06-01T00:00:00+08:00") });
const shapes: Shape[] = [
  {
    name: "滕州市 Tengzhou outline",
    area: readFixture("../../seeds/data/tengzhou-370481.geojson"),
    count: 10,
  },
  ...dataset.communities.map((c) => ({ name: c.name, area: c.geometry as Surface, count: 5 })),
  {
    name: "irregular (generated)",
    area: readFixture("../../geo/test/fixtures/in/partition/irregular.geojson"),
    count: 10,
  },
  // Issue 18: a prefecture-sized outline (~6,500 vertices, 10 islands) into 10 and 30 grids,
  // each under 10 s.
  ...[10, 30].map((count) => ({
    name: `prefecture-like (generated, ${vertexCount(prefecture)} vertices), N=${count}`,
    area: prefecture,
    count,
  })),
];

// One warm-up run, so the first shape does not pay for the JIT and module loading.
partitionBalanced(shapes[1]?.area ?? shapes[0]!.area, { count: 3 });
kMeansVoronoiBaseline(shapes[1]?.area ?? shapes[0]!.area, 3);

const rows: Row[] = [];
for (const shape of shapes) {
  rows.push(
    measure(
      shape,
      "partitionBalanced",
      () => partitionBalanced(shape.area, { count: shape.count, seed: 1 }).parts,
    ),
  );
  if (shape === shapes[0]) rows.push(acrossSeeds(shape, [1, 2, 3, 4, 5, 6]));
  rows.push(measure(shape, "square grid", () => squareGridBaseline(shape.area, shape.count)));
  rows.push(
    measure(shape, "k-means + Voronoi", () => kMeansVoronoiBaseline(shape.area, shape.count)),
  );
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
console.log(`Node ${process.version}, ${new Date().toISOString()}`);
console.log("| shape | N | method | pieces | area CV | mean Polsby–Popper | ms | ms ÷ k-means |");
console.log("|---|---|---|---|---|---|---|---|");
for (const row of rows) {
  const shape = shapes.find((s) => s.name === row.shape);
  const baseline = rows.find((r) => r.shape === row.shape && r.method === "k-means + Voronoi");
  const ratio = baseline ? (row.ms / baseline.ms).toFixed(2) : "";
  console.log(
    `| ${row.shape} | ${shape?.count} | ${row.method} | ${row.pieces} | ${percent(row.cv)} | ${row.polsbyPopper.toFixed(3)} | ${row.ms.toFixed(0)} | ${ratio} |`,
  );
}
for (const row of rows.filter(
  (r) => r.shape.startsWith("prefecture") && r.method === "partitionBalanced",
)) {
  const verdict = row.ms < 10_000 ? "under" : "OVER";
  console.log(`${row.shape}: ${(row.ms / 1000).toFixed(1)} s, ${verdict} the 10 s target`);
}
