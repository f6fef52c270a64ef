// Slippy-map tile numbering (the /tiles URL scheme): which tile holds a position, what a tile covers.

/** The tile at zoom z holding a WGS84 position. */
export function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** A tile's bounds as minLon,minLat,maxLon,maxLat (the API's bbox order). */
export function tileBbox({ z, x, y }: { z: number; x: number; y: number }) {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)].map((v) => v.toFixed(6));
}
