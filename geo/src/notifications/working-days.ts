// Working days (工作日) for reminders and escalation (督办).
// TEMPORARY: weekdays only. Another branch brings the official calendar (public holidays and 调休
// make-up days from a maintained Chinese-calendar package) into geo/; when it merges, point
// isWorkingDay here at it — every notification rule counts working days through this one file.

export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date (YYYY-MM-DD) in China of an instant. */
export const chinaDate = (time: Date) =>
  new Date(time.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Whether a date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The first working day after a date. */
export function nextWorkingDay(date: string): string {
  let d = shift(date, 1);
  while (!isWorkingDay(d)) d = shift(d, 1);
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
  for (let d = shift(chinaDate(deadline), 1); d <= today; d = shift(d, 1)) {
    if (isWorkingDay(d)) count += 1;
  }
  return count;
}

/** Whether a deadline falls on the next working day after `now` (or later today): "due in 1 working day". */
export function dueWithinOneWorkingDay(deadline: Date, now: Date): boolean {
  if (deadline <= now) return false;
  return chinaDate(deadline) <= nextWorkingDay(chinaDate(now));
}

/** An instant as China time, "YYYY-MM-DD HH:MM": how every notification names a time. */
export function chinaDateTime(time: Date): string {
  return new Date(time.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
