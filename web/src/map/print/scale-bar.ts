// The printed map's scale: ground metres per sheet pixel at the sheet's latitude (Web Mercator
// stretches away from the equator), the scale as 1:N on A4, and a scale bar of a round length.

/** Earth's circumference at the equator, metres (the sphere Web Mercator is drawn on). */
const EQUATOR_M = 40_075_016.686;
/** maplibre's tiles are 512 CSS pixels at zoom 0. */
const TILE_PX = 512;
/** A4 landscape is 297 mm wide. */
export const SHEET_WIDTH_MM = 297;

/** Ground metres one CSS pixel of a maplibre map covers at `latitude` and `zoom`. */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EQUATOR_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

/** N of "1:N" for a sheet `sheetWidthPx` wide printed on A4, rounded to two significant digits. */
export function scaleDenominator(metresPerSheetPx: number, sheetWidthPx: number): number {
  const exact = (metresPerSheetPx * 1000 * sheetWidthPx) / SHEET_WIDTH_MM;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(exact)) - 1);
  return Math.round(exact / unit) * unit;
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ metres) whose bar is at most `maxPx` long.
 * Example: 0.8 m a pixel, at most 300 px → 200 m drawn 250 px long.
 */
export function scaleBar(metresPerSheetPx: number, maxPx: number): { metres: number; px: number } {
  const most = metresPerSheetPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= most) ?? power;
  return { metres, px: metres / metresPerSheetPx };
}
