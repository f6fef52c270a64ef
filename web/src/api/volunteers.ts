// The volunteer's phone: my patrol area, patrols, dedication days, activities and reports.
import { queryOptions } from "@tanstack/react-query";
import type { FeatureCollection, LineString, MultiPolygon, Point } from "geojson";
import i18n from "../i18n.ts";
import { ApiError, apiError, apiHeaders, getJson, queryString, request } from "./client.ts";

export interface AreaGridProperties {
  id: number;
  code: string;
  name: string;
  communityName: string;
  leadUnit: { id: number; name: string; phone: string | null } | null;
  leader: { name: string; mobile: string | null } | null;
  team: { personId: number; name: string; role: "leader" | "volunteer" }[];
}

export interface MyArea {
  grids: FeatureCollection<MultiPolygon, AreaGridProperties>;
  points: FeatureCollection<Point, { id: number; name: string; kind: string; gridId: number }>;
  problems: FeatureCollection<
    Point,
    { id: number; description: string; status: string; itemTitle: string | null; overdue: boolean }
  >;
}

export interface PatrolProperties {
  id: number;
  personName: string;
  gridCode: string | null;
  startedAt: string;
  endedAt: string | null;
  lengthM: number;
  pointCount: number;
}

export interface Patrol {
  type: "Feature";
  id: number;
  geometry: LineString | null;
  properties: PatrolProperties;
}

export interface TrackPoint {
  lon: number;
  lat: number;
  at: string;
  accuracyM?: number;
}

export interface DedicationDay {
  id: number;
  gridId: number;
  gridCode: string;
  gridName: string;
  heldOn: string;
  title: string;
  signedUp: number;
  checkedIn: number;
  mine: { signedUpAt: string; checkedInAt: string | null } | null;
}

/** Who signed up for a dedication day, and whether they came (the office's view). */
export interface DaySignUp {
  personId: number;
  name: string;
  signedUpAt: string;
  checkedInAt: string | null;
}

export interface Activity {
  id: number;
  kind: string;
  title: string;
  heldOn: string;
  branchName: string;
  gridCode: string | null;
  participantCount: number;
  myHours: number;
  /** Files (GET /api/files/{id}, /thumbnail). */
  photoIds: number[];
}

export interface ActivityTotals {
  branches: {
    branchId: number;
    branchName: string;
    activities: number;
    volunteers: number;
    hours: number;
  }[];
  volunteers: {
    personId: number;
    name: string;
    branchName: string | null;
    activities: number;
    hours: number;
  }[];
}

/** The kinds of volunteer activity the API knows (志愿服务类型). */
export const activityKinds = [
  "health_promotion",
  "elderly_care",
  "traffic_persuasion",
  "patient_assistance",
  "environment_cleanup",
  "epidemic_prevention",
  "civility_promotion",
  "other",
] as const;

export interface NewActivity {
  kind: string;
  title: string;
  heldOn: string;
  gridId?: number;
  participants: { personId: number; hours: number }[];
  photoIds: number[];
}

/** A problem report as POST /api/problems takes it: a Point Feature, or null with a located photo. */
export interface ProblemReport {
  type: "Feature";
  geometry: Point | null;
  properties: {
    description: string;
    itemId?: number;
    gpsAccuracyM?: number;
    photoIds: number[];
  };
}

const json = (body: unknown) => ({ json: body });

export const volunteersApi = {
  myArea: () => getJson<MyArea>("/api/my-area"),
  patrols: (gridId?: number) =>
    getJson<{ features: Patrol[] }>(`/api/patrols${queryString({ gridId, limit: 200 })}`),
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
    getJson<{ days: DedicationDay[] }>(`/api/dedication-days${queryString({ from })}`),
  signUp: (id: number) =>
    request<DedicationDay>("POST", `/api/dedication-days/${id}/sign-up`, json({})),
  checkIn: (id: number, at: { lon: number; lat: number; accuracyM?: number }) =>
    request<DedicationDay>("POST", `/api/dedication-days/${id}/check-in`, json(at)),
  myActivities: () =>
    getJson<{ activities: Activity[]; myHours: number }>("/api/activities?mine=true"),
  logActivity: (activity: NewActivity) =>
    request<Activity>("POST", "/api/activities", json(activity)),
  daySignUps: (id: number) =>
    getJson<{ signUps: DaySignUp[] }>(`/api/dedication-days/${id}/sign-ups`),
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
  myArea: () => queryOptions({ queryKey: ["my-area"], queryFn: volunteersApi.myArea }),
  patrols: (gridId?: number) =>
    queryOptions({ queryKey: ["patrols", gridId], queryFn: () => volunteersApi.patrols(gridId) }),
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
