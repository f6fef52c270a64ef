// Grid writes for the grid editor: create, change, delete, split, merge, assign, history, revert.
import type { Feature, LineString, MultiPolygon, Polygon } from "geojson";
import { queryString, request } from "./client.ts";
import type { CarryOver } from "./restructurings.ts";
import type { Body, GridDetailProperties, GridProperties, Schemas } from "./types.ts";

export type GridFeature = Feature<MultiPolygon, GridProperties> & { id: number };

/** A grid as the editor last saw it: writes name the version they change. */
export interface GridVersionRef {
  id: number;
  version: number;
}

/** The grid as seen now, for a write to name. */
export const versionOf = (grid: GridFeature): GridVersionRef => ({
  id: grid.id,
  version: grid.properties.version,
});

/** One saved version of a grid, as GET /api/grids/{id}/history lists them (newest first). */
export type GridVersion = Omit<Schemas["GridVersion"], "geometry"> & { geometry: MultiPolygon };
export type GridChange = GridVersion["change"];

/** Who is responsible for a grid: its lead and supporting units, its leader and volunteers. */
export type Assignments = Omit<Body<"/api/grids/{id}/assignments", "put">, "version">;

type Surface = Polygon | MultiPolygon;

const json = (value: unknown) => ({ json: value });

export const gridsApi = {
  create: (communityId: number, geometry: Surface, name?: string) =>
    request<GridFeature>(
      "POST",
      "/api/grids",
      json({ type: "Feature", geometry, properties: { communityId, ...(name && { name }) } }),
    ),
  update: ({ id, version }: GridVersionRef, changes: { name?: string; geometry?: Surface }) =>
    request<GridFeature>("PATCH", `/api/grids/${id}`, json({ version, ...changes })),
  remove: ({ id, version }: GridVersionRef, to?: string) =>
    request<{ restructuringId: number }>(
      "DELETE",
      `/api/grids/${id}${queryString({ version, ...(to && { to }) })}`,
    ),
  split: ({ id, version }: GridVersionRef, line: LineString, carryOver?: CarryOver) =>
    request<{ grids: GridFeature[]; restructuringId: number }>(
      "POST",
      `/api/grids/${id}/split`,
      json({ version, line, carryOver }),
    ),
  merge: (grids: GridVersionRef[], carryOver?: CarryOver) =>
    request<GridFeature & { restructuringId: number }>(
      "POST",
      "/api/grids/merge",
      json({ grids, carryOver }),
    ),
  assign: ({ id, version }: GridVersionRef, assignments: Assignments) =>
    request<Feature<MultiPolygon, GridDetailProperties>>(
      "PUT",
      `/api/grids/${id}/assignments`,
      json({ version, ...assignments }),
    ),
  history: (id: number) => request<{ versions: GridVersion[] }>("GET", `/api/grids/${id}/history`),
  revert: ({ id, version }: GridVersionRef, toVersion: number) =>
    request<GridFeature>("POST", `/api/grids/${id}/revert`, json({ version, toVersion })),
};
