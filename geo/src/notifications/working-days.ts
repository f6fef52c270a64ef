// Working days (工作日) for reminders and escalation (督办), counted on the official calendar
// (public holidays and 调休 make-up days) that deadlines use: geo/src/working-days.ts.
import { addDays, chinaDate } from "../china.ts";
import { isWorkingDay } from "../working-days.ts";

/** The first working day after a date. */
export function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * Whole working days a deadline has been passed by at `now` (China dates): the working days
 * after the deadline's date up to and including today. 0 when not overdue or late on the day itself.
 */
export function workingDaysOverdue(deadline: Date, now: Date): number {
  if (now <= deadline) return 0;
  const today = chinaDate(now);
  let count = 0;
  // Bounded: a problem years overdue still counts in a few hundred steps per year.
  for (let d = addDays(chinaDate(deadline), 1); d <= today; d = addDays(d, 1)) {
    if (isWorkingDay(d)) count += 1;
  }
  return count;
}

/** Whether a deadline falls on the next working day after `now` (or later today): "due in 1 working day". */
export function dueWithinOneWorkingDay(deadline: Date, now: Date): boolean {
  if (deadline <= now) return false;
  return chinaDate(deadline) <= nextWorkingDay(chinaDate(now));
}
