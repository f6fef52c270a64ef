// Zoom bands of the leaders' hexagon map: which stored cell column a map zoom aggregates, and how
// many cells a viewport would hold (the cap that keeps a whole-world request from running long).
import type { Bbox } from "../db/query-helpers.ts";
import type { HexColumn } from "../db/schema/index.ts";

export const MIN_ZOOM = 3;
export const MAX_ZOOM = 20;
/** A viewport holding more cells than this at its band is refused: zoom in. */
export const MAX_VIEWPORT_CELLS = 20_000;

export interface HexBand {
  column: HexColumn;
  /** Centre to corner, in Web Mercator metres (civgrid_hex_cell's size). */
  size: number;
  /** The smallest map zoom that uses this band. */
  fromZoom: number;
}

/** Finest first. A hexagon is drawn about 60 px across at its band's zooms. */
export const hexBands: readonly HexBand[] = [
  { column: "hex_62", size: 62.5, fromZoom: 15 },
  { column: "hex_250", size: 250, fromZoom: 13 },
  { column: "hex_1k", size: 1000, fromZoom: 11 },
  { column: "hex_4k", size: 4000, fromZoom: 9 },
  { column: "hex_16k", size: 16000, fromZoom: 0 },
];

export function bandForZoom(zoom: number): HexBand {
  return hexBands.find((b) => zoom >= b.fromZoom) ?? (hexBands.at(-1) as HexBand);
}

/** A viewport clusters on the finer band only if it holds at most this many of its cells. */
export const MAX_CLUSTER_CELLS = 5_000;

/**
 * Hotspots are found on hexagons one band finer than the map draws (a quarter the size): at city
 * zoom a 4 km hexagon is a district, and a knot of problems a few hundred metres wide drowns in
 * it. A viewport too wide for the finer band clusters on the map's own.
 */
export function clusterBandFor(bbox: Bbox, band: HexBand): HexBand {
  const finer = hexBands[hexBands.indexOf(band) - 1];
  return finer && cellsInBbox(bbox, finer) <= MAX_CLUSTER_CELLS ? finer : band;
}

export function bandOfSize(size: number): HexBand | undefined {
  return hexBands.find((b) => b.size === size);
}

const EARTH_RADIUS = 6_378_137;
const mercatorY = (lat: number) => {
  const clamped = Math.max(-85, Math.min(85, lat));
  return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
};

/** Roughly how many cells of the band cover the bbox: its Mercator area over a hexagon's. */
export function cellsInBbox(bbox: Bbox, band: HexBand): number {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const width = (EARTH_RADIUS * (maxLon - minLon) * Math.PI) / 180;
  const height = mercatorY(maxLat) - mercatorY(minLat);
  const hexagonArea = ((3 * Math.sqrt(3)) / 2) * band.size ** 2;
  return Math.ceil((width * height) / hexagonArea);
}
