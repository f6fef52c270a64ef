// The period a ranking covers: whole days in China time (UTC+8, no daylight saving), from and to
// both included. Worked out here rather than with AT TIME ZONE so neither engine needs a tz database.
import { chinaDate } from "@civgrid/geo";
import { invalidFields, type Message } from "../errors.ts";

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 400;
const DAY_MS = 86_400_000;

export interface Period {
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
  /** from's midnight in China, and the midnight after `to`: reported_at >= start AND < end. */
  start: Date;
  end: Date;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD naming a real day (2023-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) && addDays(text, 0) === text
  );
}

export function todayInChina(now: Date): string {
  return chinaDate(now);
}

const midnightInChina = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));

/** Missing ends default to the last 30 days up to today; the dates are already calendar dates. */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { ok: true; period: Period } | { ok: false; problems: Record<string, Message> } {
  const to = query.to ?? (query.from ? maxDate(query.from, todayInChina(now)) : todayInChina(now));
  const from = query.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS);
  if (to < from) return { ok: false, problems: { to: { key: "field.period_order" } } };
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) {
    return {
      ok: false,
      problems: { to: { key: "field.period_span", params: { max: MAX_PERIOD_DAYS } } },
    };
  }
  return {
    ok: true,
    period: { from, to, start: midnightInChina(from), end: midnightInChina(addDays(to, 1)) },
  };
}

/** A `from` in the future with no `to` is still one day long, not an error about `to`. */
function maxDate(a: string, b: string) {
  return a > b ? a : b;
}

/** The period of a request, or the 400 naming the field that is wrong. */
export function requirePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Period {
  const resolved = resolvePeriod(query, now);
  if (!resolved.ok) {
    throw invalidFields(resolved.problems);
  }
  return resolved.period;
}
