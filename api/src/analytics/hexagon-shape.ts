// The hexagon of a cell as GeoJSON, worked out here rather than in SQL: the answer's cells are
// few, and building them in the database (civgrid_hex_polygon, kept for SQL use such as hulls)
// cost a small viewport more than counting its problems. Same formula; a test holds them equal.
import type { Polygon } from "geojson";

const EARTH_RADIUS = 6_378_137;
const R_BITS = 2 ** 21;
const OFFSET = 2 ** 20;

/** Axial coordinates packed by civgrid_hex_cell: (q + 2^20) * 2^21 + (r + 2^20). */
export function hexagonOf(cell: number, size: number): Polygon {
  const q = Math.floor(cell / R_BITS) - OFFSET;
  const r = (cell % R_BITS) - OFFSET;
  const x = size * 1.5 * q;
  const y = size * Math.sqrt(3) * (r + q / 2);
  const ring: [number, number][] = [];
  for (let i = 0; i <= 6; i++) {
    const angle = (Math.PI / 180) * 60 * (i % 6);
    const lon = ((x + size * Math.cos(angle)) / EARTH_RADIUS) * (180 / Math.PI);
    const lat =
      (2 * Math.atan(Math.exp((y + size * Math.sin(angle)) / EARTH_RADIUS)) - Math.PI / 2) *
      (180 / Math.PI);
    ring.push([round(lon), round(lat)]);
  }
  return { type: "Polygon", coordinates: [ring] };
}

/** Six decimals: about 0.1 m, as the API's other geometries. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
