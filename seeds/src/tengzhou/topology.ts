// Makes neighbouring polygons share their borders vertex for vertex, as a stored tiling should.
//
// Clipping leaves T-junctions: where a cut ends on a neighbour's edge, the new vertex lies on
// that edge (up to floating-point noise) but the neighbour has no vertex there. Databases then
// see hair-thin overlaps or gaps. So: round every coordinate to 1e-7° (about 1 cm), and insert
// into each edge every other polygon's vertex that lies on it.
import type { Polygon, Position } from "geojson";

const SCALE = 1e7;
/** A vertex this close to an edge (in degrees, about 2 cm) lies on it. */
const ON_EDGE = 2e-7;

export function shareBorders(polygons: readonly Polygon[]): Polygon[] {
  const rounded = polygons.map((shape) => shape.coordinates.map(roundRing));
  const vertices = uniqueVertices(rounded.flat(2));
  return rounded.map((rings) => ({
    type: "Polygon",
    coordinates: rings.map((ring) => insertVerticesOnEdges(ring, vertices)),
  }));
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon = 0, lat = 0] of ring) {
    const point = [Math.round(lon * SCALE) / SCALE, Math.round(lat * SCALE) / SCALE];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function uniqueVertices(points: Position[]): Position[] {
  const seen = new Map<string, Position>();
  for (const point of points) seen.set(`${point[0]},${point[1]}`, point);
  return [...seen.values()];
}

function insertVerticesOnEdges(ring: Position[], vertices: Position[]): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
    out.push(a);
    const onEdge = vertices
      .map((vertex) => ({ vertex, t: positionOnEdge(vertex, a, b) }))
      .filter((hit): hit is { vertex: Position; t: number } => hit.t !== null)
      .sort((x, y) => x.t - y.t);
    out.push(...onEdge.map((hit) => hit.vertex));
  }
  out.push(ring.at(-1) as Position);
  return out;
}

/** Where along a→b the vertex lies (0–1, ends excluded), or null when it is not on the edge. */
function positionOnEdge(vertex: Position, a: Position, b: Position): number | null {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const [px = 0, py = 0] = vertex;
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const along = ((px - ax) * dx + (py - ay) * dy) / length;
  const across = Math.abs((px - ax) * dy - (py - ay) * dx) / length;
  if (across > ON_EDGE || along <= ON_EDGE || along >= length - ON_EDGE) return null;
  return along / length;
}
