// The hexagon of a cell as GeoJSON, worked out here rather than in SQL: the answer's cells are
// few, and building them in the database (civgrid_hex_polygon, kept for SQL use such as hulls)
// cost a small viewport more than counting its problems. Same formula; a test holds them equal.
import type { Polygon } from "geojson";
import type { Bbox } from "../db/query-helpers.ts";

const EARTH_RADIUS = 6_378_137;
const R_BITS = 2 ** 21;
const OFFSET = 2 ** 20;

const SQRT3 = Math.sqrt(3);

/** Axial coordinates packed by civgrid_hex_cell: (q + 2^20) * 2^21 + (r + 2^20). */
const cellNumber = (q: number, r: number) => (q + OFFSET) * R_BITS + (r + OFFSET);

/** The cell's centre in Web Mercator metres. */
function centreOf(cell: number, size: number) {
  const q = Math.floor(cell / R_BITS) - OFFSET;
  const r = (cell % R_BITS) - OFFSET;
  return { x: size * 1.5 * q, y: size * SQRT3 * (r + q / 2) };
}

export function hexagonOf(cell: number, size: number): Polygon {
  const { x, y } = centreOf(cell, size);
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

const mercatorX = (lon: number) => EARTH_RADIUS * ((lon * Math.PI) / 180);
const mercatorY = (lat: number) => {
  const clamped = Math.max(-85, Math.min(85, lat));
  return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
};

/**
 * The cells whose hexagon's extent (in Web Mercator: centre ± size across, ± √3/2·size up and
 * down) overlaps the viewport, in ascending order. A flat-topped hexagon's column q is fixed by
 * x; in that column y fixes r, so the cells are walked column by column without a search.
 */
export function cellsTouching(bbox: Bbox, size: number): number[] {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const [x0, x1] = [mercatorX(minLon), mercatorX(maxLon)];
  const [y0, y1] = [mercatorY(minLat), mercatorY(maxLat)];
  const half = (SQRT3 / 2) * size;
  const cells: number[] = [];
  const qFrom = Math.ceil((x0 - size) / (1.5 * size));
  const qTo = Math.floor((x1 + size) / (1.5 * size));
  for (let q = qFrom; q <= qTo; q++) {
    const rFrom = Math.ceil((y0 - half) / (SQRT3 * size) - q / 2);
    const rTo = Math.floor((y1 + half) / (SQRT3 * size) - q / 2);
    for (let r = rFrom; r <= rTo; r++) cells.push(cellNumber(q, r));
  }
  return cells;
}
