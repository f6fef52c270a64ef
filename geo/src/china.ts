// Whether a WGS84 position can be in China: a position outside is a GPS fault or a typing error.

/** China's extent, generously (a box: it also holds some neighbours, never a far-off fix). */
export const CHINA_EXTENT = { minLon: 73, maxLon: 135.1, minLat: 18, maxLat: 53.6 } as const;

/** True when [lon, lat] lies within China's extent. */
export function insideChina([lon, lat]: readonly number[]): boolean {
  return (
    lon !== undefined &&
    lat !== undefined &&
    lon >= CHINA_EXTENT.minLon &&
    lon <= CHINA_EXTENT.maxLon &&
    lat >= CHINA_EXTENT.minLat &&
    lat <= CHINA_EXTENT.maxLat
  );
}
