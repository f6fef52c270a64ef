// The basemap the administrator chooses for every map (issue 22).
import { queryOptions } from "@tanstack/react-query";
import { request } from "./client.ts";

export type BasemapKind = "none" | "raster" | "pmtiles";

export interface BasemapSettings {
  kind: BasemapKind;
  rasterUrl: string | null;
  crs: "wgs84" | "gcj02";
  hasTiandituKey: boolean;
  pmtilesBytes: number | null;
  fromEnvironment: boolean;
}

export interface BasemapChoice {
  kind: BasemapKind;
  rasterUrl?: string | null;
  crs?: "wgs84" | "gcj02";
  /** Left out: the saved key stays; "": it is removed. */
  tiandituKey?: string;
}

export const basemapQuery = () =>
  queryOptions({
    queryKey: ["basemap-settings"],
    queryFn: () => request<BasemapSettings>("GET", "/api/basemap/settings"),
  });

export const basemapApi = {
  save: (choice: BasemapChoice) =>
    request<BasemapSettings>("PUT", "/api/basemap/settings", { json: choice }),
  upload: (file: File) => request<BasemapSettings>("POST", "/api/basemap/pmtiles", { file }),
};
