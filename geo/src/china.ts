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

// China time: what every page, export and deadline counts in is the city's clock. China Standard
// Time is UTC+8 all year (no daylight saving), so a fixed offset is exact; the browser's Intl
// formatting takes the zone name. The one module for it (issue 15, issue 19).

/** The IANA zone of every time people read (Intl, PostgreSQL AT TIME ZONE). */
export const CHINA_TIME_ZONE = "Asia/Shanghai";
/** China Standard Time's offset from UTC, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An instant as China's wall clock, e.g. "2026-12-03T10:15:00.000" (no zone): slice what you need. */
export function chinaWallClock(instant: Date | string): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 23);
}

/** "YYYY-MM-DD HH:mm" in China time: the one way exports and sentences write a moment. */
export function chinaDateTime(instant: Date | string): string {
  return chinaWallClock(instant).slice(0, 16).replace("T", " ");
}

/** The date (YYYY-MM-DD) in China of an instant; today's by default. */
export function chinaDate(instant: Date | string = new Date()): string {
  return chinaWallClock(instant).slice(0, 10);
}

/** The date (YYYY-MM-DD) in China of an instant (chinaDate, under the name the loop's rules use). */
export function dateInChina(time: Date): string {
  return chinaDate(time);
}

/** Minutes since midnight in China at an instant (0 to 1439): where it falls in the city's day. */
export function chinaMinuteOfDay(instant: Date | string = new Date()): number {
  const [h = 0, m = 0] = chinaWallClock(instant).slice(11, 16).split(":").map(Number);
  return h * 60 + m;
}

/**
 * When China's clock shows "HH:MM", as milliseconds after UTC midnight (0 to a day): the daily
 * slot of a schedule that runs by China time on a UTC clock.
 */
export function chinaClockInUtcMs(at: string): number {
  const [h = 0, m = 0] = at.split(":").map(Number);
  const day = 86_400_000;
  return ((((h * 60 + m) * 60_000 - CHINA_OFFSET_MS) % day) + day) % day;
}

/** 00:00 in China on the day `instant` falls in there. */
export function startOfDayInChina(instant: Date | string = new Date()): Date {
  return new Date(`${chinaDate(instant)}T00:00:00+08:00`);
}

/** The weekday in China of an instant, Monday 0 to Sunday 6 (the office's week). */
export function chinaWeekday(instant: Date | string = new Date()): number {
  return (new Date(`${chinaDate(instant)}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Today's date (YYYY-MM-DD) in China. */
export function todayInChina(now = new Date()): string {
  return chinaDate(now);
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

/**
 * A moment written by a person or a spreadsheet, read as China time when it names no zone
 * ("2026-03-01 09:30", "2026-03-01T09:30:00"); one with a zone ("…Z", "…+08:00") keeps it.
 * Null when it is not a moment at all. The inverse of chinaDateTime.
 */
export function parseChinaTime(text: string): Date | null {
  const t = text.trim().replace(" ", "T");
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(t);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  const time = Date.parse(zoned ? t : `${t}${dateOnly ? "T00:00" : ""}+08:00`);
  return Number.isNaN(time) ? null : new Date(time);
}
