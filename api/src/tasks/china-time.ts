// Dates as the campaign office sees them: calendar days in China Standard Time (UTC+8, no DST).
import { chinaDate } from "@civgrid/geo";

/** Today's date (YYYY-MM-DD) in China. */
export function todayInChina(now = new Date()): string {
  return chinaDate(now);
}

/** The last second of a date in China, as an instant: a deadline "on" that day. */
export function endOfDayInChina(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}

/** The date (YYYY-MM-DD) in China of an instant. */
export function dateInChina(time: Date): string {
  return chinaDate(time);
}

/** A date `days` later (or earlier), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the ISO week a date lies in: the week's key for materials. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((day + 6) % 7));
}
