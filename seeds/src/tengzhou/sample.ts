// Random places inside a polygon, kept clear of its border so a marker sits visibly inside.
import { bbox, booleanPointInPolygon } from "@turf/turf";
import type { MultiPolygon, Point, Polygon } from "geojson";
import { LocalFrame } from "./local-frame.ts";
import type { Random } from "./random.ts";

const MAX_TRIES = 10_000;

/** A point at least `margin` metres (tested in four directions) inside `shape`, to ~0.1 m. */
export function randomPointIn(
  shape: Polygon | MultiPolygon,
  random: Random,
  margin: number,
): Point {
  const [west, south, east, north] = bbox(shape);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const candidate = [round(random.between(west, east)), round(random.between(south, north))];
    const frame = new LocalFrame(candidate);
    const probes = [
      [0, 0],
      [margin, 0],
      [-margin, 0],
      [0, margin],
      [0, -margin],
    ];
    if (probes.every((probe) => booleanPointInPolygon(frame.toLonLat(probe), shape))) {
      return { type: "Point", coordinates: candidate };
    }
  }
  throw new Error(`No point ${margin} m inside the shape after ${MAX_TRIES} tries`);
}

/** The point `east` and `north` metres away from `origin`. */
export function offsetPoint(origin: Point, east: number, north: number): Point {
  const [lon = 0, lat = 0] = new LocalFrame(origin.coordinates).toLonLat([east, north]);
  return { type: "Point", coordinates: [round(lon), round(lat)] };
}

function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}
