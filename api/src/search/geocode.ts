// An address found by Tianditu's geocoder (天地图地理编码), asked by the server only when the
// administrator has saved a Tianditu key, so the key never reaches a browser.
import type { SearchHit } from "@civgrid/geo";

/** Tianditu's public geocoder; tests point this at a receiver on loopback. */
export const TIANDITU_GEOCODER = "https://api.tianditu.gov.cn/geocoder";
const TIMEOUT_MS = 4000;

/** The answer of http://lbs.tianditu.gov.cn/server/geocodinginterface.html (status "0" is found). */
interface TiandituAnswer {
  status?: string;
  location?: { lon?: string | number; lat?: string | number; keyWord?: string; level?: string };
}

/**
 * The one place Tianditu puts `address`, or null when it finds none. A network failure, a slow
 * or malformed answer is thrown, so the caller can tell "not found" from "could not ask".
 */
export async function geocodeAddress(
  endpoint: string,
  key: string,
  address: string,
): Promise<SearchHit | null> {
  const url = new URL(endpoint);
  url.searchParams.set("ds", JSON.stringify({ keyWord: address }));
  url.searchParams.set("tk", key);
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`geocoder answered ${response.status}`);
  const answer = (await response.json()) as TiandituAnswer;
  if (answer.status !== "0" || !answer.location) return null;
  const lon = Number(answer.location.lon);
  const lat = Number(answer.location.lat);
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
  return {
    kind: "address",
    id: 0,
    label: answer.location.keyWord || address,
    detail: answer.location.level ?? null,
    lon,
    lat,
    bbox: null,
  };
}
