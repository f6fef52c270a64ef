// Restructurings (网格调整): the impact of a partition, split, merge or delete before it is
// applied, the community's list of them, and undo.
import type { LineString, MultiPolygon, Polygon } from "geojson";
import { request } from "./client.ts";
import type { GridVersionRef } from "./grids.ts";

export type RestructuringKind = "partition" | "split" | "merge" | "delete" | "import";

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

export interface ImpactRow {
  gridId: number;
  code: string;
  name: string;
  openProblems: number;
  tasks: number;
  dedicationDays: number;
  volunteers: number;
  units: number;
  to: string | null;
  options: { code: string; sharePercent: number }[];
}

export interface Impact {
  grids: ImpactRow[];
  receivers: { id: number; code: string; name: string }[];
  problems: { id: number; from: string | null; to: string | null; unit: string | null }[];
}

export interface Restructuring {
  id: number;
  kind: RestructuringKind;
  by: string | null;
  at: string;
  gridsBefore: { id: number; code: string }[];
  gridsAfter: { id: number; code: string }[];
  undone: boolean;
  undoable: boolean;
}

export const restructuringsApi = {
  preview: (communityId: number, operation: Operation, carryOver: CarryOver) =>
    request<Impact>("POST", `/api/communities/${communityId}/restructurings/preview`, {
      json: { ...operation, carryOver },
    }),
  list: (communityId: number) =>
    request<{ restructurings: Restructuring[] }>(
      "GET",
      `/api/communities/${communityId}/restructurings`,
    ),
  undo: (communityId: number, id: number) =>
    request<{ undone: number }>(
      "POST",
      `/api/communities/${communityId}/restructurings/${id}/undo`,
    ),
};
