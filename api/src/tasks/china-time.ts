// Dates as the campaign office sees them: calendar days in China Standard Time (UTC+8, no DST).
// The day arithmetic lives in geo/ (shared with the web); the materials' week is the api's own.
import { addDays } from "@civgrid/geo";

export { addDays, dateInChina, endOfDayInChina, todayInChina } from "@civgrid/geo";

/** The Monday of the ISO week a date lies in: the week's key for materials. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((day + 6) % 7));
}
