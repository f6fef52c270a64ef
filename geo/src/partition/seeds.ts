// Where the partition starts: k-means centres of points spread over the polygon.
import { containsPoint, type Piece } from "./clip.ts";

export interface WeightedPoint {
  x: number;
  y: number;
  weight: number;
}

/** mulberry32: a small seeded generator, so the same seed gives the same partition. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function insidePiece(piece: Piece, x: number, y: number): boolean {
  const [shell, ...holes] = piece.rings;
  return !!shell && containsPoint(shell, x, y) && !holes.some((hole) => containsPoint(hole, x, y));
}

/** About `wanted` points on a square lattice over the piece, shifted by a seeded offset. */
export function latticeInside(piece: Piece, area: number, wanted: number, random: () => number) {
  const shell = piece.rings[0] ?? [];
  const xs = shell.map((p) => p.x);
  const ys = shell.map((p) => p.y);
  const step = Math.sqrt(area / wanted);
  const points: WeightedPoint[] = [];
  const [x0, y0] = [Math.min(...xs) + random() * step, Math.min(...ys) + random() * step];
  for (let x = x0; x < Math.max(...xs); x += step) {
    for (let y = y0; y < Math.max(...ys); y += step) {
      if (insidePiece(piece, x, y)) points.push({ x, y, weight: 1 });
    }
  }
  return points;
}

/** Weighted k-means (k-means++ start, then Lloyd's iterations) on the points. */
export function kMeans(points: WeightedPoint[], k: number, random: () => number) {
  const centres = [
    pick(
      points,
      points.map((p) => p.weight),
      random,
    ),
  ];
  // Each point's squared distance to its nearest centre so far, updated with each new centre.
  const nearest = points.map((p) => squaredDistance(p, centres[0]));
  while (centres.length < k) {
    const reach = points.map((p, i) => p.weight * (nearest[i] as number));
    const centre = pick(points, reach, random);
    centres.push(centre);
    points.forEach((p, i) => {
      nearest[i] = Math.min(nearest[i] as number, squaredDistance(p, centre));
    });
  }
  // Lloyd's iterations on flat arrays: points × centres × rounds is the bulk of the start.
  const n = points.length;
  const [px, py, pw] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  points.forEach((p, i) => {
    [px[i], py[i], pw[i]] = [p.x, p.y, p.weight];
  });
  const [cx, cy] = [new Float64Array(k), new Float64Array(k)];
  const [sx, sy, sw] = [new Float64Array(k), new Float64Array(k), new Float64Array(k)];
  for (let round = 0; round < 30; round++) {
    centres.forEach((c, i) => {
      [cx[i], cy[i]] = [c.x, c.y];
    });
    sx.fill(0);
    sy.fill(0);
    sw.fill(0);
    for (let p = 0; p < n; p++) {
      const [x, y, w] = [px[p] as number, py[p] as number, pw[p] as number];
      let [index, distance] = [0, Number.POSITIVE_INFINITY];
      for (let i = 0; i < k; i++) {
        const d = (x - (cx[i] as number)) ** 2 + (y - (cy[i] as number)) ** 2;
        if (d < distance) [index, distance] = [i, d];
      }
      sx[index] = (sx[index] as number) + x * w;
      sy[index] = (sy[index] as number) + y * w;
      sw[index] = (sw[index] as number) + w;
    }
    let moved = 0;
    for (let i = 0; i < k; i++) {
      const [centre, weight] = [centres[i], sw[i] as number];
      if (!centre || weight === 0) continue;
      const [x, y] = [(sx[i] as number) / weight, (sy[i] as number) / weight];
      moved = Math.max(moved, Math.hypot(x - centre.x, y - centre.y));
      centres[i] = { x, y, weight };
    }
    if (moved < 1e-6) break;
  }
  return centres.map(({ x, y }) => ({ x, y }));
}

function squaredDistance(p: WeightedPoint, c: WeightedPoint | undefined): number {
  return c ? (p.x - c.x) ** 2 + (p.y - c.y) ** 2 : Number.POSITIVE_INFINITY;
}

/** A point drawn with probability proportional to its chance; the first if all are zero. */
function pick(points: WeightedPoint[], chances: number[], random: () => number): WeightedPoint {
  const total = chances.reduce((s, c) => s + c, 0);
  let left = random() * total;
  for (let i = 0; i < points.length; i++) {
    left -= chances[i] ?? 0;
    if (left < 0) return { ...(points[i] as WeightedPoint) };
  }
  return { ...(points[points.length - 1] ?? { x: 0, y: 0, weight: 1 }) };
}
