// Typed fetch helpers for the API: one request function, one GET per map resource; errors carry
// the API's own message.
import type { MultiPolygon, Point, Polygon } from "geojson";
import i18n from "../i18n.ts";
import { firstReads } from "./first-reads.ts";
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
  Schemas,
  UnitCollection,
  UnitDetail,
} from "./types.ts";

type ErrorBodyOf = Schemas["Error"]["error"];

/**
 * A geometry problem the API found (the same as geo's, with its message in the caller's words):
 * `at` is where to put a marker, `geometry` what to highlight, `area` how much (m²).
 */
export type ServerProblem = Omit<Schemas["GridProblem"], "geometry"> & {
  geometry?: Polygon | MultiPolygon;
};

/** What a 409 `version_conflict` says the grid (or problem) is now. */
export type CurrentVersion = NonNullable<ErrorBodyOf["current"]>;

/** More an error can carry: geometry problems (400/422), the current version (409). */
export interface ErrorDetails extends Pick<ErrorBodyOf, "current" | "mergeWith"> {
  problems?: ServerProblem[];
}

/** An error the API answered with; `message` is already in the caller's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** The geometry problems an error carries ([] for any other error). */
export function errorProblems(error: unknown): ServerProblem[] {
  return (error instanceof ApiError && error.details.problems) || [];
}

/** The API's per-field messages of an error ({} when it has none), to show beside the inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  return (error instanceof ApiError && error.fields) || {};
}

/**
 * An error as one sentence where no input shows its fields. A validation answer's message already
 * names each field with what is wrong; any other error's fields follow its message.
 */
export function errorText(error: Error): string {
  if (error instanceof ApiError && error.code === "invalid_request") return error.message;
  return [error.message, ...Object.values(fieldErrors(error))].join(" ");
}

interface ErrorBody {
  error?: Partial<Omit<ErrorBodyOf, "problems">> & { problems?: ServerProblem[] };
}

/** The ApiError for an answer that is not 2xx, from its status and (maybe empty) JSON body. */
export function apiError(status: number, answer: ErrorBody): ApiError {
  const { code, message, fields, problems, current, mergeWith } = answer.error ?? {};
  return new ApiError(status, code ?? "http", message ?? i18n.t("error.http", { status }), fields, {
    problems,
    current,
    mergeWith,
  });
}

/** The headers every call sends: JSON wanted, messages in the user's language. */
export const apiHeaders = () => ({
  Accept: "application/json",
  "Accept-Language": i18n.language,
});

/** What a request sends: a JSON value, a multipart form (a file upload), or a file as it is. */
type RequestBody = { json: unknown } | { form: FormData } | { file: Blob };

/** Sends one request; a 2xx answer's JSON (undefined for 204), anything else an ApiError. */
export async function request<T>(method: string, path: string, body?: RequestBody): Promise<T> {
  const headers: Record<string, string> = apiHeaders();
  if (body && "json" in body) headers["Content-Type"] = "application/json";
  if (body && "file" in body) headers["Content-Type"] = "application/octet-stream";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body:
        body &&
        ("json" in body ? JSON.stringify(body.json) : "form" in body ? body.form : body.file),
    });
  } catch {
    throw new ApiError(0, "network", i18n.t("error.network"));
  }
  if (!response.ok) {
    throw apiError(response.status, (await response.json().catch(() => ({}))) as ErrorBody);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const getJson = <T>(path: string) => request<T>("GET", path);

/** Builds a query string from the set values only, e.g. {limit: 20, q: ""} → "?limit=20". */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== "") params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
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
  config: () => getJson<AppConfig>(firstReads.config),
  regions: (level: RegionLevel) => getCollection<RegionCollection>(`/api/regions?level=${level}`),
  communities: () => getCollection<CommunityCollection>("/api/communities"),
  grids: (communityId?: number) =>
    getCollection<GridCollection>(`/api/grids${queryString({ communityId })}`),
  grid: (id: number) => getJson<GridDetail>(`/api/grids/${id}`),
  units: () => getCollection<UnitCollection>("/api/units"),
  unit: (id: number) => getJson<UnitDetail>(`/api/units/${id}`),
  inspectionPoints: () => getCollection<InspectionPointCollection>("/api/points"),
  problems: () => getCollection<ProblemCollection>("/api/problems"),
  problem: (id: number) => getJson<ProblemDetail>(`/api/problems/${id}`),
  /** How many features a list holds: one feature's page still counts them all (numberMatched). */
  featureCount: async (resource: "grids" | "points" | "problems") =>
    (await getJson<Collection<MultiPolygon | Point, unknown>>(`/api/${resource}?limit=1`))
      .numberMatched,
};
