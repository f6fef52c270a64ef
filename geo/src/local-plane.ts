// A flat metric plane around a place, for geometry that needs metres (snapping, partitioning).
import type { Position } from "geojson";

/** turf's mean earth radius, so areas here agree with turf `area`. */
const EARTH_RADIUS = 6_371_008.8;
const RADIANS = Math.PI / 180;

/**
 * An affine (equirectangular) plane: x = east, y = north, in metres from `origin`.
 *
 * Affine on purpose: a straight edge in lon/lat stays straight here, so a point cut on an edge
 * in the plane lies on the same edge back in lon/lat, and pieces keep tiling their source
 * exactly. Its area scale drifts with latitude (cos φ / cos φ0, ±0.3 % across a county);
 * `areaWeight` gives the first-order correction for computing true areas.
 */
export class LocalPlane {
  private readonly metresPerDegreeLon: number;
  private readonly metresPerDegreeLat = EARTH_RADIUS * RADIANS;
  /** Area on the ground per plane m² is 1 + areaSlope · y (first order in y). */
  readonly areaSlope: number;

  constructor(readonly origin: Position) {
    const [, lat = 0] = origin;
    this.metresPerDegreeLon = this.metresPerDegreeLat * Math.cos(lat * RADIANS);
    this.areaSlope = -Math.tan(lat * RADIANS) / EARTH_RADIUS;
  }

  /** The plane centred on the middle of a bounding box [west, south, east, north]. */
  static around([west = 0, south = 0, east = 0, north = 0]: number[]): LocalPlane {
    return new LocalPlane([(west + east) / 2, (south + north) / 2]);
  }

  toPlane([lon = 0, lat = 0]: Position): [number, number] {
    const [lon0 = 0, lat0 = 0] = this.origin;
    return [(lon - lon0) * this.metresPerDegreeLon, (lat - lat0) * this.metresPerDegreeLat];
  }

  toLonLat([x = 0, y = 0]: Position): [number, number] {
    const [lon0 = 0, lat0 = 0] = this.origin;
    return [lon0 + x / this.metresPerDegreeLon, lat0 + y / this.metresPerDegreeLat];
  }
}
