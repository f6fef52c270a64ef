// Typed fetch helpers for the API: one GET per resource, errors carry the API's own message.
import type { MultiPolygon, Point } from "geojson";
import i18n from "../i18n.ts";
import type {
  AppConfig,
  Collection,
  CommunityCollection,
  GridCollection,
  GridDetail,
  InspectionPointCollection,
  ProblemCollection,
  ProblemDetail,
  RegionCollection,
  RegionLevel,
  UnitCollection,
  UnitDetail,
} from "./types.ts";

/** An error the API answered with; `message` is already in the caller's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: "application/json", "Accept-Language": i18n.language },
    });
  } catch {
    throw new ApiError(0, "network", i18n.t("error.network"));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(
      response.status,
      body.error?.code ?? "http",
      body.error?.message ?? i18n.t("error.http", { status: response.status }),
      body.error?.fields,
    );
  }
  return (await response.json()) as T;
}

/** The most pages a list is followed through; the API's maximum page is 5000 features. */
const maxPages = 20;

/** Fetches a list and follows its `next` links, so a caller always gets every feature. */
async function getCollection<C extends Collection<MultiPolygon | Point, unknown>>(
  path: string,
): Promise<C> {
  const first = await getJson<C>(path);
  let next = first.links?.find((link) => link.rel === "next")?.href;
  for (let page = 1; next && page < maxPages; page++) {
    const more = await getJson<C>(next);
    first.features.push(...more.features);
    next = more.links?.find((link) => link.rel === "next")?.href;
  }
  first.numberReturned = first.features.length;
  return first;
}

export const api = {
  config: () => getJson<AppConfig>("/api/config"),
  regions: (level: RegionLevel) => getCollection<RegionCollection>(`/api/regions?level=${level}`),
  communities: () => getCollection<CommunityCollection>("/api/communities"),
  grids: () => getCollection<GridCollection>("/api/grids"),
  grid: (id: number) => getJson<GridDetail>(`/api/grids/${id}`),
  units: () => getCollection<UnitCollection>("/api/units"),
  unit: (id: number) => getJson<UnitDetail>(`/api/units/${id}`),
  inspectionPoints: () => getCollection<InspectionPointCollection>("/api/points"),
  problems: () => getCollection<ProblemCollection>("/api/problems"),
  problem: (id: number) => getJson<ProblemDetail>(`/api/problems/${id}`),
};
