// The basemap the administrator chooses for every map (issue 22).
import { queryOptions } from "@tanstack/react-query";
import { request } from "./client.ts";
import type { Body, Schemas } from "./types.ts";

export type BasemapSettings = Schemas["BasemapSettings"];
export type BasemapKind = BasemapSettings["kind"];
/** Left out, tiandituKey keeps the saved key; "" removes it. */
export type BasemapChoice = Body<"/api/basemap/settings", "put">;

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
