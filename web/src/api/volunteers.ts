// The volunteer's phone: my patrol area, patrols, dedication days, activities and reports.
import { queryOptions } from "@tanstack/react-query";
import type { FeatureCollection, LineString, MultiPolygon, Point } from "geojson";
import i18n from "../i18n.ts";
import { areaApi, areaQueries } from "./area-queries.ts";
import { ApiError, apiError, apiHeaders, getJson, queryString, request } from "./client.ts";
import type { Answer, Body, PropertiesOf, Schemas } from "./types.ts";

export type AreaGridProperties = PropertiesOf<"AreaGrid">;
type AreaPointProperties = PropertiesOf<"AreaPoint">;
type AreaProblemProperties = PropertiesOf<"AreaProblem">;

export type MyArea = {
  grids: FeatureCollection<MultiPolygon, AreaGridProperties>;
  points: FeatureCollection<Point, AreaPointProperties>;
  problems: FeatureCollection<Point, AreaProblemProperties>;
};

export type PatrolProperties = PropertiesOf<"Patrol">;
export type Patrol = Omit<Schemas["Patrol"], "geometry"> & { geometry: LineString | null };
export type TrackPoint = Schemas["TrackPoint"];
export type DedicationDay = Schemas["DedicationDay"];
/** Who signed up for a dedication day, and whether they came (the office's view). */
export type DaySignUp = Schemas["DaySignUp"];
/** An activity; its photoIds are files (GET /api/files/{id}, /thumbnail). */
export type Activity = Schemas["VolunteerActivity"];
export type ActivityTotals = Answer<"/api/activities/totals">;

export { type ActivityKind, activityKinds } from "@civgrid/geo";

export type NewActivity = Body<"/api/activities">;

/** A problem report as POST /api/problems takes it: a Point Feature, or null with a located photo. */
export type ProblemReport = Omit<Body<"/api/problems">, "geometry"> & { geometry: Point | null };

const json = (body: unknown) => ({ json: body });

export const volunteersApi = {
  ...areaApi,
  /** The caller's newest patrol of the last week, under way or not. */
  myLatestPatrol: async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const query = queryString({ mine: "true", limit: 1, from });
    return (await getJson<{ features: Patrol[] }>(`/api/patrols${query}`)).features[0] ?? null;
  },
  startPatrol: (points: TrackPoint[]) => request<Patrol>("POST", "/api/patrols", json({ points })),
  addToPatrol: (id: number, points: TrackPoint[], stop: boolean) =>
    request<Patrol>("POST", `/api/patrols/${id}/points`, json({ points, stop })),
  dedicationDays: (from: string) =>
    getJson<Answer<"/api/dedication-days">>(`/api/dedication-days${queryString({ from })}`),
  signUp: (id: number) =>
    request<DedicationDay>("POST", `/api/dedication-days/${id}/sign-up`, json({})),
  checkIn: (id: number, at: { lon: number; lat: number; accuracyM?: number }) =>
    request<DedicationDay>("POST", `/api/dedication-days/${id}/check-in`, json(at)),
  myActivities: () => getJson<Answer<"/api/activities">>("/api/activities?mine=true"),
  logActivity: (activity: NewActivity) =>
    request<Activity>("POST", "/api/activities", json(activity)),
  daySignUps: (id: number) =>
    getJson<Answer<"/api/dedication-days/{id}/sign-ups">>(`/api/dedication-days/${id}/sign-ups`),
  scheduleDay: (day: { gridId: number; heldOn: string; title: string }) =>
    request<DedicationDay>("POST", "/api/dedication-days", json(day)),
  totals: (from?: string, to?: string) =>
    getJson<ActivityTotals>(`/api/activities/totals${queryString({ from, to })}`),
  totalsXlsxUrl: (from?: string, to?: string) =>
    `/api/activities/totals.xlsx${queryString({ from, to })}`,
  /**
   * Sends a report with its idempotency key: sent twice, it is still one problem. Throws an
   * ApiError with status 0 when the network is down, so the caller keeps it queued.
   */
  report: async (report: ProblemReport, key: string): Promise<{ id: number }> => {
    let response: Response;
    try {
      response = await fetch("/api/problems", {
        method: "POST",
        headers: { ...apiHeaders(), "Content-Type": "application/json", "Idempotency-Key": key },
        body: JSON.stringify(report),
      });
    } catch {
      throw new ApiError(0, "network", i18n.t("error.network"));
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw apiError(response.status, answer);
    return answer as { id: number };
  },
};

export const volunteerQueries = {
  ...areaQueries,
  dedicationDays: (from: string) =>
    queryOptions({
      queryKey: ["dedication-days", from],
      queryFn: () => volunteersApi.dedicationDays(from),
    }),
  daySignUps: (id: number) =>
    queryOptions({
      queryKey: ["dedication-days", "sign-ups", id],
      queryFn: () => volunteersApi.daySignUps(id),
    }),
  myActivities: () =>
    queryOptions({ queryKey: ["activities", "mine"], queryFn: volunteersApi.myActivities }),
  totals: (from?: string, to?: string) =>
    queryOptions({
      queryKey: ["activities", "totals", from, to],
      queryFn: () => volunteersApi.totals(from, to),
    }),
};
