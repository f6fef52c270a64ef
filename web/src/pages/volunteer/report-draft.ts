// A problem report being made on the phone: what it still needs, whether its GPS fix is too loose
// to trust, and the report as POST /api/problems takes it.
import type { ProblemReport } from "../../api/volunteers.ts";

/** A GPS fix looser than this (metres) is flagged: the marker may be on the wrong side of a street. */
export const LOOSE_FIX_M = 50;

export interface ReportDraft {
  /** WGS84 [lon, lat]; null: the photo's own position (EXIF) is to be used. */
  place: [number, number] | null;
  /** The GPS fix's accuracy when the place came from GPS; null once the marker was dragged. */
  accuracyM: number | null;
  hasPhoto: boolean;
  itemId: number | null;
  description: string;
}

export const emptyReport: ReportDraft = {
  place: null,
  accuracyM: null,
  hasPhoto: false,
  itemId: null,
  description: "",
};

/** What is missing, by field, as i18n keys (empty when the report can go). */
export function missingFromReport(draft: ReportDraft): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!draft.place && !draft.hasPhoto) missing.place = "volunteer.report.needPlaceOrPhoto";
  if (!draft.description.trim()) missing.description = "volunteer.report.needDescription";
  return missing;
}

export const looseFix = (draft: ReportDraft) =>
  draft.accuracyM !== null && draft.accuracyM > LOOSE_FIX_M;

export function reportBody(draft: ReportDraft, photoIds: number[] = []): ProblemReport {
  return {
    type: "Feature",
    geometry: draft.place ? { type: "Point", coordinates: draft.place } : null,
    properties: {
      description: draft.description.trim(),
      photoIds,
      ...(draft.itemId !== null && { itemId: draft.itemId }),
      ...(draft.accuracyM !== null && { gpsAccuracyM: draft.accuracyM }),
    },
  };
}

/**
 * A draft read back from storage (after a reload or a page that failed to draw): its place,
 * item and words when well formed, the empty report otherwise. The photo is not kept (a File
 * cannot be stored), so it has to be chosen again: hasPhoto is false.
 */
export function restoreDraft(stored: string | null): ReportDraft {
  let value: unknown;
  try {
    value = stored ? JSON.parse(stored) : null;
  } catch {
    return emptyReport;
  }
  if (!value || typeof value !== "object") return emptyReport;
  const draft = value as Partial<Record<keyof ReportDraft, unknown>>;
  const place =
    Array.isArray(draft.place) &&
    draft.place.length === 2 &&
    draft.place.every((n) => typeof n === "number" && Number.isFinite(n))
      ? (draft.place as [number, number])
      : null;
  const finite = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? n : null);
  return {
    place,
    accuracyM: place ? finite(draft.accuracyM) : null,
    hasPhoto: false,
    itemId: Number.isInteger(draft.itemId) ? (draft.itemId as number) : null,
    description: typeof draft.description === "string" ? draft.description : "",
  };
}
