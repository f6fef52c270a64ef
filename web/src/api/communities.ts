// A community's coverage by its grids, and its automatic partition into balanced grids.
import type { MultiPolygon, Polygon } from "geojson";
import { request } from "./client.ts";
import type { GridVersionRef } from "./grids.ts";
import type { CarryOver } from "./restructurings.ts";
import type { Answer } from "./types.ts";

/** How much of the community no grid covers, and where (GET /api/communities/{id}/coverage). */
export type Coverage = Omit<Answer<"/api/communities/{id}/coverage">, "gaps"> & {
  gaps: Polygon | MultiPolygon | null;
};

/** What to balance: the grids' areas, or the inspection points each holds. */
export type PartitionWeight = "area" | "points";

/** Either a number of grids or a target area per grid (m²), never both. */
export type PartitionSize = { count: number } | { targetAreaM2: number };

export type PartitionRequest = PartitionSize & { weight: PartitionWeight };

type PreviewAnswer = Answer<"/api/communities/{id}/partition/preview", "post">;
/**
 * A partition: cv is the coefficient of variation of the balanced quantity, polsbyPopper the mean
 * compactness; the parts are ordered west→east, north→south, as their codes will be (a grid with
 * an island is a MultiPolygon).
 */
export type PartitionPreview = Omit<PreviewAnswer, "parts"> & {
  parts: Array<Polygon | MultiPolygon>;
};

type JobAnswer = Answer<"/api/communities/{id}/partition/jobs/{jobId}">;
/** A partition preview computed as a job: its progress 0 … 1, and the preview once done. */
export type PartitionJob = Omit<JobAnswer, "preview"> & { preview?: PartitionPreview };

export const communitiesApi = {
  coverage: (id: number) => request<Coverage>("GET", `/api/communities/${id}/coverage`),
  partitionPreview: (id: number, body: PartitionRequest) =>
    request<PartitionPreview>("POST", `/api/communities/${id}/partition/preview`, {
      json: body,
    }),
  partition: (
    id: number,
    parts: Array<Polygon | MultiPolygon>,
    current: GridVersionRef[],
    carryOver?: CarryOver,
  ) =>
    request<{ gridIds: number[]; restructuringId: number }>(
      "POST",
      `/api/communities/${id}/partition`,
      {
        json: { parts, current, carryOver },
      },
    ),
};
