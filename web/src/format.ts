// Number and time formatting for the UI, in the current language and the city's time zone.
import { chinaWallClock } from "@civgrid/geo";

/** Square metres as a whole number with thousands separators, e.g. 123456.7 → "123,457". */
export function formatArea(squareMetres: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(squareMetres);
}

/** Points lost, keeping a half point, e.g. 0.5 → "0.5", 2 → "2". */
export function formatPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(points);
}

/**
 * An ISO instant as date and minute on the city's clock, wherever the browser is, as
 * Intl.DateTimeFormat writes numeric dates in each of the app's languages: "2024/05/03 14:05" in
 * Chinese, "05/03/2024, 14:05" in English. Written from geo's China wall clock, not with Intl:
 * a page's first Intl.DateTimeFormat costs 20–170 ms of main thread on the demo machine (ICU's
 * date patterns load), inside the render that draws the volunteer's area (issue 22: /my-area's
 * blocking time); China time is a fixed offset, and two numeric patterns need no locale data.
 */
export function formatDateTime(iso: string, language: string): string {
  const clock = chinaWallClock(iso); // "2024-05-03T14:05:00.000"
  const [year, month, day] = [clock.slice(0, 4), clock.slice(5, 7), clock.slice(8, 10)];
  const time = clock.slice(11, 16);
  return language.startsWith("zh")
    ? `${year}/${month}/${day} ${time}`
    : `${month}/${day}/${year}, ${time}`;
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
