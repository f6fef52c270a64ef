// A prefecture-like outline for benchmarks and tests: a jagged, noisy mainland of ~6,000
// vertices (about 110 km across, like 枣庄市) with a string of small islands off its coast,
// from a seeded generator so every run measures the same shape.
import type { MultiPolygon, Position } from "geojson";

export interface OutlineOptions {
  seed?: number;
  mainlandVertices?: number;
  islands?: number;
  islandVertices?: number;
  /** Mean radius, km. */
  radiusKm?: number;
  centre?: [number, number];
}

/** mulberry32: a small seeded generator, so the shape is the same on every machine. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A star-shaped ring (so never self-crossing): the radius is a sum of sines of rising
 * frequency and falling amplitude (a coastline's long bays and short capes) plus jitter.
 */
function noisyRing(
  random: () => number,
  vertices: number,
  radius: number,
  roughness: number,
): number[] {
  const waves = Array.from({ length: 24 }, (_, k) => ({
    frequency: k + 2,
    amplitude: (roughness * (random() + 0.5)) / (k + 2) ** 0.9,
    phase: random() * 2 * Math.PI,
  }));
  return Array.from({ length: vertices }, (_, i) => {
    const angle = (2 * Math.PI * i) / vertices;
    const wave = waves.reduce(
      (s, w) => s + w.amplitude * Math.sin(w.frequency * angle + w.phase),
      0,
    );
    const jitter = (random() - 0.5) * roughness * 0.04;
    return radius * Math.max(0.3, 1 + wave + jitter);
  });
}

export function prefectureOutline({
  seed = 21,
  mainlandVertices = 6000,
  islands = 10,
  islandVertices = 50,
  radiusKm = 55,
  centre = [117.4, 34.9],
}: OutlineOptions = {}): MultiPolygon {
  const random = seeded(seed);
  const [lon0, lat0] = centre;
  const kmPerLon = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const toLonLat = (x: number, y: number): Position => [
    Number((lon0 + x / kmPerLon).toFixed(6)),
    Number((lat0 + y / 110.57).toFixed(6)),
  ];
  const ringAt = (cx: number, cy: number, radii: number[]): Position[] => {
    const ring = radii.map((r, i) => {
      const angle = (2 * Math.PI * i) / radii.length;
      return toLonLat(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    });
    return [...ring, ring[0] as Position];
  };
  const shore = noisyRing(random, mainlandVertices, radiusKm, 0.35);
  const reach = Math.max(...shore);
  const coast = Array.from({ length: islands }, (_, k) => {
    // Along the east, off the farthest cape, so no island touches the mainland.
    const angle = -0.6 + (1.2 * k) / Math.max(islands - 1, 1);
    // Sizes and offsets in proportion to the mainland (a prefecture's: 1–3 km, 4–10 km out).
    const scale = radiusKm / 55;
    const distance = reach + (4 + random() * 6) * scale;
    const size = (0.8 + random() * 2.5) * scale;
    return [
      ringAt(
        distance * Math.cos(angle),
        distance * Math.sin(angle),
        noisyRing(random, islandVertices, size, 0.3),
      ),
    ];
  });
  return { type: "MultiPolygon", coordinates: [[ringAt(0, 0, shore)], ...coast] };
}
