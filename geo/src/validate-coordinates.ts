// The structural half of grid validation: types, rings and every single coordinate.
import type { MultiPolygon, Position } from "geojson";
import { gridProblem, type Problem } from "./problem.ts";

export const MAX_VERTICES = 10_000;
/** Beyond this many coordinate problems the list stops: one bad file can hold thousands. */
const MAX_REPORTED = 20;

/**
 * Reads `input` (a Polygon or MultiPolygon geometry, or a Feature holding one) as MultiPolygon
 * coordinates, refusing anything it would have to guess about: other types, malformed nesting,
 * 3-D or non-numeric positions, out-of-range values, open or short rings, too many vertices.
 * Part and ring numbers in params count from 1, as a coordinator would.
 */
export function readCoordinates(
  input: unknown,
): { geometry: MultiPolygon } | { problems: Problem[] } {
  const geometry = isRecord(input) && input.type === "Feature" ? input.geometry : input;
  if (!isRecord(geometry) || typeof geometry.type !== "string") {
    return { problems: [gridProblem("grid.notGeometry")] };
  }
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    return { problems: [gridProblem("grid.unsupportedType", { params: { type: geometry.type } })] };
  }
  const raw = geometry.coordinates;
  const parts: unknown[] = geometry.type === "Polygon" ? [raw] : Array.isArray(raw) ? raw : [];
  if (!Array.isArray(raw) || parts.length === 0) return { problems: [gridProblem("grid.empty")] };
  const problems: Problem[] = [];
  let vertices = 0;
  parts.forEach((rings, p) => {
    if (!Array.isArray(rings) || rings.length === 0) {
      problems.push(gridProblem("grid.malformed", { params: { part: p + 1, ring: 1 } }));
      return;
    }
    rings.forEach((ring: unknown, r) => {
      const where = { part: p + 1, ring: r + 1 };
      if (!Array.isArray(ring) || !ring.every(Array.isArray)) {
        problems.push(gridProblem("grid.malformed", { params: where }));
        return;
      }
      vertices += ring.length;
      problems.push(...ringProblems(ring as unknown[][], where));
    });
  });
  if (vertices > MAX_VERTICES) {
    return {
      problems: [
        gridProblem("grid.tooManyVertices", { params: { count: vertices, max: MAX_VERTICES } }),
      ],
    };
  }
  if (problems.length > 0) return { problems: problems.slice(0, MAX_REPORTED) };
  return { geometry: { type: "MultiPolygon", coordinates: parts as Position[][][] } };
}

function ringProblems(ring: unknown[][], where: { part: number; ring: number }): Problem[] {
  // One problem of each kind per ring: a file with heights has them on every position.
  const problems = ring.flatMap((position) => positionProblems(position, where));
  const firsts = problems.filter((p, i) => problems.findIndex((q) => q.code === p.code) === i);
  if (firsts.length > 0) return firsts;
  const positions = ring as Position[];
  if (positions.length < 4) {
    return [gridProblem("grid.tooFewPositions", { params: { ...where, count: positions.length } })];
  }
  const [first, last] = [positions[0], positions.at(-1)];
  if (first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) {
    return [gridProblem("grid.ringNotClosed", { params: where, at: lonLat(first) })];
  }
  return [];
}

function positionProblems(position: unknown[], where: { part: number; ring: number }): Problem[] {
  const bad = position.find((value) => typeof value !== "number" || !Number.isFinite(value));
  if (bad !== undefined || position.length < 2) {
    const value = position.length < 2 ? JSON.stringify(position) : String(bad);
    return [gridProblem("grid.notANumber", { params: { ...where, value } })];
  }
  const [lon, lat] = position as number[];
  const at = lonLat(position as Position);
  if (position.length > 2) {
    return [gridProblem("grid.threeDimensional", { params: { dimension: position.length }, at })];
  }
  if (lon === undefined || lat === undefined || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    return [gridProblem("grid.outOfRange", { params: { value: `[${lon}, ${lat}]` } })];
  }
  return [];
}

export function lonLat(position: Position | undefined): [number, number] {
  return [position?.[0] ?? 0, position?.[1] ?? 0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
