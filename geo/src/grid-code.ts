// The grid code scheme (网格编码): a stable 15-digit code in the spirit of CJ/T 213 unit-grid coding.
//
//   370481 002 003 001
//   │      │   │   └─ grid sequence in the community (3 digits, 001–999)
//   │      │   └───── community sequence in the street (3 digits)
//   │      └───────── street sequence in the district (3 digits)
//   └──────────────── district/county code, GB/T 2260 (6 digits)
import { bbox, pointOnFeature } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";

/** A malformed code or sequence; `key` names the message in the locale files. */
export class GridCodeError extends Error {
  constructor(
    readonly key: "gridCode.communityCode" | "gridCode.sequence" | "gridCode.code",
    message: string,
  ) {
    super(message);
    this.name = "GridCodeError";
  }
}

export interface ParsedGridCode {
  district: string;
  street: string;
  community: string;
  seq: number;
}

/** The code of grid number `seq` (1–999) in the community with the 12-digit `communityCode`. */
export function gridCode(communityCode: string, seq: number): string {
  if (!/^\d{12}$/.test(communityCode)) {
    throw new GridCodeError(
      "gridCode.communityCode",
      `社区编码必须是12位数字（区县6位+街道3位+社区3位），收到 "${communityCode}"`,
    );
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > 999) {
    throw new GridCodeError("gridCode.sequence", `网格序号必须是1到999的整数，收到 ${seq}`);
  }
  return communityCode + String(seq).padStart(3, "0");
}

/** Splits a 15-digit grid code into its parts; throws GridCodeError on anything else. */
export function parseGridCode(code: string): ParsedGridCode {
  const match = /^(\d{6})(\d{3})(\d{3})(\d{3})$/.exec(code);
  if (!match) {
    throw new GridCodeError("gridCode.code", `网格编码必须是15位数字，收到 "${code}"`);
  }
  const [, district = "", street = "", community = "", seqText = ""] = match;
  const seq = Number(seqText);
  if (seq === 0) {
    throw new GridCodeError("gridCode.sequence", `网格编码 "${code}" 的网格序号不能为000`);
  }
  return { district, street, community, seq };
}

type Area = Feature<Polygon | MultiPolygon>;

/**
 * Orders grids for numbering: rows from north to south, and west to east within a row.
 *
 * Each grid is placed by a representative point that lies inside it (turf pointOnFeature), so
 * crescent-shaped grids are not placed by a centroid outside them. Row banding: sorted from
 * north to south, a grid starts a new row when its point lies more than half the median grid
 * height (bounding box, north–south) below the northernmost point of the current row. Grids of
 * similar size laid out in rows are thus numbered the way a person reads the map, even when a
 * row's points do not share one latitude. Ties keep the input order, so the result is stable.
 */
export function orderWestToEastNorthToSouth<F extends Area>(features: readonly F[]): F[] {
  const placed = features.map((feature, index) => {
    const [lon = 0, lat = 0] = pointOnFeature(feature).geometry.coordinates;
    return { feature, index, lon, lat };
  });
  const band = medianHeight(features) / 2;
  const byLatitude = [...placed].sort((a, b) => b.lat - a.lat || a.index - b.index);
  const rows: (typeof placed)[] = [];
  for (const grid of byLatitude) {
    const row = rows.at(-1);
    const top = row?.[0];
    if (row && top && top.lat - grid.lat <= band) row.push(grid);
    else rows.push([grid]);
  }
  return rows.flatMap((row) =>
    row.sort((a, b) => a.lon - b.lon || a.index - b.index).map((grid) => grid.feature),
  );
}

function medianHeight(features: readonly Area[]): number {
  const heights = features
    .map((feature) => {
      const [, south = 0, , north = 0] = bbox(feature);
      return north - south;
    })
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}
