// Splitting a polygon along a street-like line, placed so that one side gets a wanted share.
import { area, centroid, difference, featureCollection, intersect, polygon } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { LocalFrame } from "./local-frame.ts";

export interface Cut {
  /** Direction of the line in the local frame, radians counter-clockwise from east. */
  angle: number;
  /** Sideways offset (m) of the line's middle vertex: real borders follow streets with bends. */
  kink: number;
  /** The share of the area that ends up left of the line (north of an eastward line). */
  share: number;
}

/** Long enough to cross any shape the demo draws. */
const REACH = 5_000;
const BISECTION_STEPS = 40;

/**
 * Splits `shape` into [left, right] of a kinked line with the given direction, moved sideways
 * (by bisection) until the left part has `cut.share` of the area. Both parts come from clipping
 * with the same half-plane, so they share the cut's vertices exactly.
 */
export function splitByShare(shape: Polygon, cut: Cut, frame: LocalFrame): [Polygon, Polygon] {
  const total = area(shape);
  const [cx = 0, cy = 0] = frame.toMetres(centroid(shape).geometry.coordinates);
  const dir = [Math.cos(cut.angle), Math.sin(cut.angle)] as const;
  const normal = [-dir[1], dir[0]] as const;
  const along = cx * dir[0] + cy * dir[1];
  const across = cx * normal[0] + cy * normal[1];
  const halfPlaneAt = (offset: number): Feature<Polygon> => {
    const at = (s: number, t: number): Position =>
      frame.toLonLat([s * dir[0] + t * normal[0], s * dir[1] + t * normal[1]]);
    const start = at(along - REACH, across + offset);
    const end = at(along + REACH, across + offset);
    const kink = at(along, across + offset + cut.kink);
    const farEnd = at(along + REACH, across + offset + REACH);
    const farStart = at(along - REACH, across + offset + REACH);
    return polygon([[start, kink, end, farEnd, farStart, start]]);
  };
  let low = -REACH;
  let high = REACH;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    const left = intersect(featureCollection([polygon(shape.coordinates), halfPlaneAt(middle)]));
    // Moving the line towards the left side shrinks the left part.
    if ((left ? area(left) : 0) / total > cut.share) low = middle;
    else high = middle;
  }
  const halfPlane = halfPlaneAt((low + high) / 2);
  const pieces = featureCollection([polygon(shape.coordinates), halfPlane]);
  return [onePiece(intersect(pieces)), onePiece(difference(pieces))];
}

function onePiece(piece: Feature<Polygon | MultiPolygon> | null): Polygon {
  if (piece?.geometry.type !== "Polygon") {
    throw new Error("The cut did not leave exactly one polygon on each side; change the cut");
  }
  return piece.geometry;
}
