// Working days (工作日) on the official Chinese calendar: the State Council's yearly schedule of
// public holidays and the weekend days made working days in exchange (调休). A rectification
// deadline counts them, and falls at the end of a working day, China time.
//
// The schedule comes from `chinese-days` (MIT, no dependencies, typed): of the npm packages that
// carry it, it is the more used (about 1,800 downloads a month against 1,000 for
// `chinese-workday`), is refreshed each year by a script that reads the State Council's notice,
// and ships the data year by year (2004 to 2026 in 1.5.7, May 2026). Neither package had the 2027
// schedule on the registry when this was written (December 2026): a year the package does not
// know yet falls back to Monday–Friday, and `official` says so, so that a page can warn that such
// a deadline may move. Updating the package is all a new year needs.
import chineseDays from "chinese-days";
import { addDays, dateInChina, endOfDayInChina } from "./china.ts";

/** The longest span a count may run: beyond a year, a deadline is not a deadline. */
export const MAX_WORKING_DAYS = 250;

/** True on a working day: a weekday that is no public holiday, or a 调休 weekend day. */
export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(date);
}

/** Whether the package holds the official schedule for the year of `date` (every year has holidays). */
export function officialCalendarFor(date: string): boolean {
  const year = date.slice(0, 4);
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

export interface WorkingDayCount {
  /** The date `days` working days after `from` (not counting `from` itself). */
  date: string;
  /** The days passed over on the way that are not working days (weekends, holidays). */
  skipped: string[];
  /** False when some day on the way lies in a year the official schedule is not known for. */
  official: boolean;
}

/**
 * Counts `days` working days after `from` (YYYY-MM-DD), e.g. 3 after Wednesday 2026-09-30 is
 * Saturday 2026-10-10: National Day's week off is skipped and that Saturday is worked (调休).
 */
export function addWorkingDays(from: string, days: number): WorkingDayCount {
  if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
    throw new RangeError(`days must be an integer from 0 to ${MAX_WORKING_DAYS}`);
  }
  let date = from;
  let counted = 0;
  const skipped: string[] = [];
  let official = officialCalendarFor(from);
  while (counted < days) {
    date = addDays(date, 1);
    if (date.endsWith("-01-01")) official &&= officialCalendarFor(date);
    if (isWorkingDay(date)) counted++;
    else skipped.push(date);
  }
  return { date, skipped, official };
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date)) count++;
  }
  return count;
}

/** The deadline `days` working days from the moment `now`: the end of that day in China. */
export function workingDayDeadline(now: Date, days: number): Date {
  return endOfDayInChina(addWorkingDays(dateInChina(now), days).date);
}
