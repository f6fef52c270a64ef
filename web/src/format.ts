// Number and time formatting for the UI, in the current language and the city's time zone.
import { CHINA_TIME_ZONE } from "@civgrid/geo";

/** The campaign runs in a Chinese city: times are shown in its zone, wherever the browser is. */
const cityTimeZone = CHINA_TIME_ZONE;

/** Square metres as a whole number with thousands separators, e.g. 123456.7 → "123,457". */
export function formatArea(squareMetres: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(squareMetres);
}

/** Points lost, keeping a half point, e.g. 0.5 → "0.5", 2 → "2". */
export function formatPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(points);
}

/** An ISO instant as date and minute in the city's zone, e.g. "2024/05/03 14:05". */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: cityTimeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/**
 * Sentences run together as one message: each ended with the language's full stop where it has
 * none (the API's messages end bare), so "不能“挂账”" and "已自动刷新…" do not read as one.
 */
export function joinSentences(language: string, ...sentences: string[]): string {
  const chinese = language.startsWith("zh");
  return sentences
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/[。！？.!?]$/.test(s) ? s : s + (chinese ? "。" : ".")))
    .join(chinese ? "" : " ");
}
