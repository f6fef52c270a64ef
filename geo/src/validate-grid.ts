// Checking a user-supplied grid geometry before anything else is done with it.
import {
  area,
  bbox,
  booleanPointInPolygon,
  featureCollection,
  intersect,
  kinks,
  lineString,
  polygon,
  rewind,
} from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { gridProblem, type Problem, type Verdict } from "./problem.ts";
import { ringTouchProblems } from "./ring-touches.ts";
import { GRID_SIZE_LIMITS, type SizeLimits, sizeProblems } from "./size-limits.ts";
import { lonLat, readCoordinates } from "./validate-coordinates.ts";

export type { Problem as GridProblem, Verdict } from "./problem.ts";
export { MAX_VERTICES } from "./validate-coordinates.ts";

/**
 * Accepts a Polygon or MultiPolygon (or a Feature holding one) that can serve as a grid, and
 * returns it as a MultiPolygon with repeated consecutive positions dropped and rings wound
 * per RFC 7946 (shells counter-clockwise). Otherwise lists what is wrong, each problem keyed
 * for gridMessages and placed where possible:
 * structure and coordinates (see readCoordinates), rings of zero area, self-intersections (each
 * crossing point as `at`; turf kinks, within each polygon) except where rings touch as OGC
 * allows (see ringTouchProblems), holes outside their shell or inside another hole, and
 * polygons of a MultiPolygon that overlap each other (area and overlap geometry), and polygons
 * smaller or thinner than `limits` (a grid's by default; a community passes its own).
 *
 * @example validateGridGeometry({ type: "Point", coordinates: [117, 35] })
 *   // → { ok: false, problems: [{ code: "unsupported_type", key: "grid.unsupportedType", … }] }
 */
export function validateGridGeometry(
  input: unknown,
  limits: SizeLimits = GRID_SIZE_LIMITS,
): Verdict {
  const read = readCoordinates(input);
  if ("problems" in read) return { ok: false, problems: read.problems };
  const parts = read.geometry.coordinates.map((rings) => rings.map(withoutRepeats));
  const problems = parts.flatMap((rings, p) => shapeProblems(rings, p + 1));
  if (problems.length === 0) problems.push(...overlappingParts(parts));
  if (problems.length === 0) problems.push(...sizeProblems(parts, limits));
  if (problems.length > 0) return { ok: false, problems };
  const geometry: MultiPolygon = { type: "MultiPolygon", coordinates: parts };
  return { ok: true, geometry: rewind(geometry) as MultiPolygon };
}

function shapeProblems(rings: Position[][], part: number): Problem[] {
  // Dropping repeated positions can leave a ring too short to be a polygon: it had no area.
  const flat = rings.flatMap((ring, r) =>
    ring.length < 4
      ? [gridProblem("grid.zeroArea", { params: { part, ring: r + 1 }, at: lonLat(ring[0]) })]
      : [],
  );
  if (flat.length > 0) return flat;
  const meetings = unique(
    kinks(polygon(rings)).features.map((k) => lonLat(k.geometry.coordinates)),
  );
  const crossings = ringTouchProblems(rings, meetings);
  if (crossings.length > 0) return crossings;
  // Without crossings a ring of zero area has all its corners on one line.
  const flatRing = rings.findIndex((ring) => area(polygon([ring])) === 0);
  if (flatRing >= 0) {
    return [
      gridProblem("grid.zeroArea", {
        params: { part, ring: flatRing + 1 },
        at: lonLat(rings[flatRing]?.[0]),
      }),
    ];
  }
  const shell = polygon([rings[0] ?? []]);
  const outside = rings.slice(1).flatMap((hole, h) => {
    // No crossings here (rings at most touch), so the corners tell where the whole hole lies.
    const inside = hole.every((corner) => booleanPointInPolygon(corner, shell));
    const at = lonLat(hole.find((corner) => !booleanPointInPolygon(corner, shell)));
    return inside ? [] : [gridProblem("grid.holeOutside", { params: { part, ring: h + 2 }, at })];
  });
  return outside.length > 0 ? outside : nestedHoles(rings, part);
}

/** Holes inside other holes (OGC: "holes are nested"); a corner strictly inside tells. */
function nestedHoles(rings: Position[][], part: number): Problem[] {
  const holes = rings.slice(1).map((ring) => ({ ring, box: bbox(lineString(ring)) }));
  return holes.flatMap((outer, i) =>
    holes.flatMap((inner, j) => {
      const [w, s, e, n] = outer.box;
      const [iw, is, ie, inn] = inner.box;
      if (i === j || iw < w || is < s || ie > e || inn > n) return [];
      const around = polygon([outer.ring]);
      const corner = inner.ring.find((p) =>
        booleanPointInPolygon(p, around, { ignoreBoundary: true }),
      );
      if (!corner) return [];
      const params = { part, ring: j + 2, other: i + 2 };
      return [gridProblem("grid.holesNested", { params, at: lonLat(corner) })];
    }),
  );
}

function overlappingParts(parts: Position[][][]): Problem[] {
  const problems: Problem[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const overlap = intersect(
        featureCollection([polygon(parts[i] ?? []), polygon(parts[j] ?? [])]),
      );
      const size = overlap ? area(overlap) : 0;
      if (!overlap || size === 0) continue;
      const geometry: Polygon | MultiPolygon = overlap.geometry;
      problems.push(
        gridProblem("grid.partsOverlap", {
          params: { part: i + 1, other: j + 1 },
          area: size,
          geometry,
        }),
      );
    }
  }
  return problems;
}

function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);
}

function unique(points: [number, number][]): [number, number][] {
  const seen = new Set<string>();
  return points.filter((p) => !seen.has(p.join()) && !!seen.add(p.join()));
}
