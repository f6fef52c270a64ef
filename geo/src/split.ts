// Splitting a grid in two (or more) along a line the coordinator draws across it.
import {
  area,
  booleanPointInPolygon,
  feature,
  featureCollection,
  intersect,
  lineString,
  polygonize,
} from "@turf/turf";
import type { LineString, MultiPolygon, Polygon, Position } from "geojson";
import { gridProblem, type Problem } from "./problem.ts";
import { SPLIT_MIN_PIECE_M2 } from "./restructure-rules.ts";

export type SplitResult = { ok: true; pieces: Polygon[] } | { ok: false; problems: Problem[] };

interface Cut {
  at: number;
  position: Position;
}

/**
 * Splits `grid` along `line`, which must cross its boundary at least twice. Returns every piece
 * (two for a simple cut, more for a zigzag); together they cover the grid exactly.
 *
 * The line and the grid's rings are noded at their crossings (each crossing computed once and
 * written into both, so the pieces share exact vertices); the parts of the line inside the grid
 * and the rings are then polygonized into faces (turf polygonize, which drops dangling ends),
 * and the faces, clipped to the grid (which cuts holes back in), are the pieces. Problems:
 * "grid.splitLineInvalid", "grid.splitLineMustCross" (params crossings), "grid.splitFailed".
 *
 * @example splitGrid(grid, { type: "LineString", coordinates: [[117.15, 35.07], [117.15, 35.09]] })
 */
export function splitGrid(grid: Polygon | MultiPolygon, line: LineString): SplitResult {
  const path = line?.coordinates;
  if (!Array.isArray(path) || path.length < 2 || !path.every(isPosition)) {
    return { ok: false, problems: [gridProblem("grid.splitLineInvalid")] };
  }
  const rings = (grid.type === "Polygon" ? [grid.coordinates] : grid.coordinates).flat();
  const edges = rings.flatMap((ring) =>
    ring.slice(0, -1).map((p, i) => [p, ring[i + 1] as Position] as const),
  );
  const lineCuts = path.slice(0, -1).map((): Cut[] => []);
  const edgeCuts = edges.map((): Cut[] => []);
  const crossings = new Set<string>();
  path.slice(0, -1).forEach((p, i) => {
    edges.forEach(([a, b], k) => {
      const hit = crossing(p, path[i + 1] as Position, a, b);
      if (!hit) return;
      lineCuts[i]?.push({ at: hit.t, position: hit.position });
      edgeCuts[k]?.push({ at: hit.u, position: hit.position });
      crossings.add(hit.position.join());
    });
  });
  if (crossings.size < 2) {
    return {
      ok: false,
      problems: [gridProblem("grid.splitLineMustCross", { params: { crossings: crossings.size } })],
    };
  }
  const inGrid = (position: Position) =>
    booleanPointInPolygon(position, grid, { ignoreBoundary: true });
  const segments = [
    ...edges.flatMap(([a, b], k) => noded(a, b, edgeCuts[k] ?? [])),
    ...path
      .slice(0, -1)
      .flatMap((p, i) =>
        noded(p, path[i + 1] as Position, lineCuts[i] ?? []).filter(([a, b]) =>
          inGrid(midpoint(a, b)),
        ),
      ),
  ];
  const faces = polygonize(featureCollection(segments.map((s) => lineString([...s])))).features;
  // polygonize knows no holes (a face around a courtyard covers it, and the courtyard is a
  // face of its own), so each face is clipped to the grid; what lies outside comes back empty.
  const pieces = faces.flatMap((face): Polygon[] => {
    const clipped = intersect(featureCollection([face, feature(grid)]))?.geometry;
    if (!clipped) return [];
    const parts = clipped.type === "Polygon" ? [clipped.coordinates] : clipped.coordinates;
    return parts
      .map((coordinates): Polygon => ({ type: "Polygon", coordinates }))
      .filter((piece) => area(piece) > 0);
  });
  const total = pieces.reduce((sum, piece) => sum + area(piece), 0);
  // A sliver (a line drawn along an edge) refuses the cut, as the server does: dropping it would
  // leave a gap, keeping it would make a grid nobody can patrol.
  if (
    pieces.length < 2 ||
    pieces.some((piece) => area(piece) < SPLIT_MIN_PIECE_M2) ||
    Math.abs(total - area(grid)) > 1e-6 * area(grid)
  ) {
    return { ok: false, problems: [gridProblem("grid.splitFailed")] };
  }
  return { ok: true, pieces };
}

/** Where segments p→q and a→b cross (planar lon/lat, as GeoJSON edges are), or null. */
function crossing(p: Position, q: Position, a: Position, b: Position) {
  const [px = 0, py = 0, qx = 0, qy = 0] = [...p, ...q];
  const [ax = 0, ay = 0, bx = 0, by = 0] = [...a, ...b];
  const [rx, ry, sx, sy] = [qx - px, qy - py, bx - ax, by - ay];
  const denominator = rx * sy - ry * sx;
  // Parallel (or overlapping) pieces never count as a crossing.
  if (denominator === 0) return null;
  const t = ((ax - px) * sy - (ay - py) * sx) / denominator;
  const u = ((ax - px) * ry - (ay - py) * rx) / denominator;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  // On a grid corner, use the corner itself, so the ring is not split into a zero-length edge.
  const position = u === 0 ? a : u === 1 ? b : [ax + u * sx, ay + u * sy];
  return { t, u, position };
}

/** The segment a→b cut at the given points, in order along it. */
function noded(a: Position, b: Position, cuts: Cut[]): [Position, Position][] {
  const stops = [a, ...[...cuts].sort((x, y) => x.at - y.at).map((c) => c.position), b];
  const pieces: [Position, Position][] = [];
  stops.slice(0, -1).forEach((from, i) => {
    const to = stops[i + 1] as Position;
    if (from[0] !== to[0] || from[1] !== to[1]) pieces.push([from, to]);
  });
  return pieces;
}

function midpoint(a: Position, b: Position): Position {
  return [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2];
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((v) => typeof v === "number" && Number.isFinite(v))
  );
}
