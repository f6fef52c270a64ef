// A flat metric frame around a point, so shapes can be drawn in metres at town scale.
import type { Position } from "geojson";

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

/** Equirectangular: exact enough over a few kilometres, which is all the demo draws. */
export class LocalFrame {
  private readonly metresPerDegreeLon: number;

  constructor(readonly origin: Position) {
    const [, lat = 0] = origin;
    this.metresPerDegreeLon = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);
  }

  /** [east, north] in metres → [lon, lat]. */
  toLonLat([x = 0, y = 0]: Position): Position {
    const [lon = 0, lat = 0] = this.origin;
    return [lon + x / this.metresPerDegreeLon, lat + y / METRES_PER_DEGREE_LAT];
  }

  /** [lon, lat] → [east, north] in metres. */
  toMetres([lon = 0, lat = 0]: Position): Position {
    const [lon0 = 0, lat0 = 0] = this.origin;
    return [(lon - lon0) * this.metresPerDegreeLon, (lat - lat0) * METRES_PER_DEGREE_LAT];
  }
}
