// How long a problem has waited for dispatch, in words: "已等 3 天" after a day, "已等 5 小时" before.
import type { TFunction } from "i18next";

const HOUR = 3_600_000;

export function waitedFor(since: string, t: TFunction, now = Date.now()): string {
  const hours = Math.max(0, Math.floor((now - Date.parse(since)) / HOUR));
  const time =
    hours >= 24
      ? t("loop.days", { count: Math.floor(hours / 24) })
      : t("loop.hours", { count: hours });
  return t("loop.waited", { time });
}
