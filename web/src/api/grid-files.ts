// Grids as files: import (preview, then commit, with upload progress), export, the division table.
import type { SourceCrs } from "@civgrid/geo";
import type { MultiPolygon } from "geojson";
import i18n from "../i18n.ts";
import { apiError, apiHeaders, queryString, request, type ServerProblem } from "./client.ts";
import type { CarryOver } from "./restructurings.ts";
import type { Answer, Schemas } from "./types.ts";

/** The coordinate system a file was drawn in; GCJ-02 and BD-09 are the Chinese web maps'. */
export type { SourceCrs } from "@civgrid/geo";
export const sourceCrsList: readonly SourceCrs[] = ["wgs84", "cgcs2000", "gcj02", "bd09"];

type Preview = Schemas["ImportPreview"];
/** A feature of the file: in WGS84, or geometry null when it could not be read as a polygon. */
export type ImportedFeature = Omit<Preview["features"][number], "geometry" | "problems"> & {
  geometry: MultiPolygon | null;
  problems: ServerProblem[];
};
export type ImportPreview = Omit<Preview, "features" | "crs"> & {
  crs: SourceCrs;
  features: ImportedFeature[];
};

export interface ImportRequest {
  crs: SourceCrs;
  file: File;
  commit: boolean;
  /** Called with the share of the file sent so far, 0…1. */
  onProgress: (sent: number) => void;
  /** The file's grids replace the community's: a restructuring, with this carry-over choice. */
  replace?: { carryOver?: CarryOver | undefined } | undefined;
}

/** Grids into one community. */
export const importGrids = <T = ImportPreview>(
  options: ImportRequest & { communityId: number },
): Promise<T> => uploadGeoFile("/api/grids/import", { communityId: options.communityId }, options);

/** Communities into one street. */
export const importCommunities = <T = ImportPreview>(
  options: ImportRequest & { streetId: number },
): Promise<T> => uploadGeoFile("/api/communities/import", { streetId: options.streetId }, options);

/**
 * POSTs the file through XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not). Answers as `request` does: JSON, or an ApiError.
 */
function uploadGeoFile<T>(
  path: string,
  target: Record<string, number>,
  { crs, file, commit, onProgress, replace }: ImportRequest,
): Promise<T> {
  const form = new FormData();
  form.set("file", file);
  const url = `${path}${queryString({
    ...target,
    crs,
    commit: commit ? "true" : undefined,
    replace: replace ? "true" : undefined,
    carryOver: replace?.carryOver ? JSON.stringify(replace.carryOver) : undefined,
  })}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(apiHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(apiError(xhr.status, body ?? {}));
    };
    xhr.onerror = () =>
      reject(apiError(0, { error: { code: "network", message: i18n.t("error.network") } }));
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type ExportFormat = "geojson" | "kml" | "csv";

/** A download link; the browser sends the session cookie, the API names the file. */
export const exportUrl = (format: ExportFormat, communityId?: number) =>
  `/api/grids/export${queryString({ format, communityId, lang: i18n.language })}`;

/** The assigned communities' outlines as a file. */
export const communitiesExportUrl = (format: ExportFormat) =>
  `/api/communities/export${queryString({ format, lang: i18n.language })}`;

/** One grid's row of the division table (分工表). */
export type DivisionRow = Answer<"/api/grids/division">["rows"][number];

export const divisionApi = {
  rows: (communityId?: number) =>
    request<Answer<"/api/grids/division">>(
      "GET",
      `/api/grids/division${queryString({ communityId })}`,
    ),
  xlsxUrl: (communityId?: number) => `/api/grids/division.xlsx${queryString({ communityId })}`,
};
