// A community's coverage by its grids, and its automatic partition into balanced grids.
import type { MultiPolygon, Polygon } from "geojson";
import { request } from "./client.ts";
import type { GridVersionRef } from "./grids.ts";
import type { CarryOver } from "./restructurings.ts";

/** How much of the community no grid covers, and where (GET /api/communities/{id}/coverage). */
export interface Coverage {
  communityAreaM2: number;
  gapAreaM2: number;
  gapPercent: number;
  gaps: Polygon | MultiPolygon | null;
}

/** What to balance: the grids' areas, or the inspection points each holds. */
export type PartitionWeight = "area" | "points";

/** Either a number of grids or a target area per grid (m²), never both. */
export type PartitionSize = { count: number } | { targetAreaM2: number };

export type PartitionRequest = PartitionSize & { weight: PartitionWeight };

export interface PartitionPreview {
  count: number;
  weight: PartitionWeight;
  pointCount: number | null;
  /** cv: coefficient of variation of the balanced quantity; polsbyPopper: mean compactness. */
  metrics: { cv: number; polsbyPopper: number; ms: number };
  /** Ordered west→east, north→south, as their codes will be. */
  parts: Polygon[];
}

export const communitiesApi = {
  coverage: (id: number) => request<Coverage>("GET", `/api/communities/${id}/coverage`),
  partitionPreview: (id: number, body: PartitionRequest) =>
    request<PartitionPreview>("POST", `/api/communities/${id}/partition/preview`, {
      json: body,
    }),
  partition: (id: number, parts: Polygon[], current: GridVersionRef[], carryOver?: CarryOver) =>
    request<{ gridIds: number[]; restructuringId: number }>(
      "POST",
      `/api/communities/${id}/partition`,
      {
        json: { parts, current, carryOver },
      },
    ),
};
