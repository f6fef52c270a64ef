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

// China time (UTC+8, no daylight saving): the calendar days the campaign office counts in.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date (YYYY-MM-DD) in China of an instant. */
export function dateInChina(time: Date): string {
  return new Date(time.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in China. */
export function todayInChina(now = new Date()): string {
  return dateInChina(now);
}

/** The last second of a date in China, as an instant: a deadline "on" that day. */
export function endOfDayInChina(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}

/** A date `days` later (or earlier), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
