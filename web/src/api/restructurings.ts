// Restructurings (网格调整): the impact of a partition, split, merge or delete before it is
// applied, the community's list of them, and undo.
import type { LineString, MultiPolygon, Polygon } from "geojson";
import { request } from "./client.ts";
import type { GridVersionRef } from "./grids.ts";
import type { Answer, Schemas } from "./types.ts";

export type RestructuringKind = Restructuring["kind"];

/** The change to preview, as the apply endpoint takes it. */
export type Operation =
  | { kind: "partition"; parts: Array<Polygon | MultiPolygon>; current: GridVersionRef[] }
  | { kind: "split"; gridId: number; version: number; line: LineString }
  | { kind: "merge"; grids: GridVersionRef[] }
  | { kind: "delete"; gridId: number; version: number }
  /** A file's grids (as its import preview gave them) replacing the community's. */
  | { kind: "import"; features: ImportedGrid[] };

export interface ImportedGrid {
  type: "Feature";
  geometry: MultiPolygon;
  properties: { name: string | null };
}

/** Old grid id → code of the grid that is to take its team and work. */
export type CarryOver = Record<string, string>;

export type Impact = Schemas["RestructuringImpact"];
export type ImpactRow = Impact["grids"][number];

export type Restructuring =
  Answer<"/api/communities/{id}/restructurings">["restructurings"][number];

export const restructuringsApi = {
  preview: (communityId: number, operation: Operation, carryOver: CarryOver) =>
    request<Impact>("POST", `/api/communities/${communityId}/restructurings/preview`, {
      json: { ...operation, carryOver },
    }),
  list: (communityId: number) =>
    request<Answer<"/api/communities/{id}/restructurings">>(
      "GET",
      `/api/communities/${communityId}/restructurings`,
    ),
  undo: (communityId: number, id: number) =>
    request<Answer<"/api/communities/{id}/restructurings/{rid}/undo", "post">>(
      "POST",
      `/api/communities/${communityId}/restructurings/${id}/undo`,
    ),
};
