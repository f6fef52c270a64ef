// Quiet hours (免打扰): during them only in-app notifications go out; the rest wait until they end.
import { chinaMinuteOfDay } from "../china.ts";

/** "HH:MM", 00:00–23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When the quiet hours `start`–`end` (China time, may cross midnight, e.g. 22:00–07:00) that
 * hold `now` end; null when `now` is outside them (or they are not set, or start = end).
 */
export function quietUntil(now: Date, start: string | null, end: string | null): Date | null {
  if (!start || !end || !TIME_OF_DAY.test(start) || !TIME_OF_DAY.test(end)) return null;
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === to) return null;
  const minute = chinaMinuteOfDay(now);
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return null;
  const wait = (to - minute + 24 * 60) % (24 * 60);
  const until = new Date(now.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}
