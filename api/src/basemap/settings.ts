// Which basemap the city's maps draw (issue 22): none (the city's own outline), a raster tile
// template in WGS84 or GCJ-02 (Tianditu with its key), or a PMTiles file CivGrid serves itself.
// The administrator's choice is kept in basemap_settings; until one is made, the deployment's
// environment decides (BASEMAP_URL, BASEMAP_CRS, BASEMAP_PMTILES).
import { eq } from "drizzle-orm";
import { type Actor, recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { basemapSettings } from "../db/schema/index.ts";

export type BasemapKind = "none" | "raster" | "pmtiles";
export type BasemapCrs = "wgs84" | "gcj02";

/** What the deployment's environment sets; used while the administrator has chosen nothing. */
export interface BasemapDefaults {
  url: string | null;
  crs: BasemapCrs;
  /** A PMTiles file on the server's disk. */
  pmtilesPath: string | null;
}

export interface Basemap {
  kind: BasemapKind;
  /** The raster template as saved ({key} not yet filled in). */
  rasterUrl: string | null;
  crs: BasemapCrs;
  hasTiandituKey: boolean;
  tiandituKey: string | null;
  /** The PMTiles file: a name under the basemap folder, or the environment's full path. */
  pmtilesFile: string | null;
  pmtilesBytes: number | null;
  /** Changes with every new choice, so browsers fetch a new file's tiles. */
  version: string;
  /** Whether the environment decides (nothing chosen in the UI). */
  fromEnvironment: boolean;
}

/** Where the web app finds the PMTiles file (served by routes/basemap.ts with range requests). */
export const PMTILES_PATH = "/api/basemap/city.pmtiles";

export async function readBasemap(
  ex: Executor,
  cityId: number,
  defaults: BasemapDefaults,
): Promise<Basemap> {
  const [row] = await ex.select().from(basemapSettings).where(eq(basemapSettings.cityId, cityId));
  if (row)
    return {
      kind: row.kind,
      rasterUrl: row.rasterUrl,
      crs: row.rasterCrs,
      hasTiandituKey: Boolean(row.tiandituKey),
      tiandituKey: row.tiandituKey,
      pmtilesFile: row.pmtilesFile,
      pmtilesBytes: row.pmtilesBytes,
      version: String(row.updatedAt.getTime()),
      fromEnvironment: false,
    };
  const kind: BasemapKind = defaults.pmtilesPath ? "pmtiles" : defaults.url ? "raster" : "none";
  return {
    kind,
    rasterUrl: defaults.url,
    crs: defaults.crs,
    hasTiandituKey: false,
    tiandituKey: null,
    pmtilesFile: defaults.pmtilesPath,
    pmtilesBytes: null,
    version: "env",
    fromEnvironment: true,
  };
}

/**
 * The one URL the web map needs: a raster template with the key filled in, `pmtiles://` and the
 * file's address for the offline vector basemap, or null for the outline alone.
 */
export function basemapUrlOf(basemap: Basemap): string | null {
  if (basemap.kind === "raster" && basemap.rasterUrl)
    return basemap.rasterUrl.replaceAll("{key}", basemap.tiandituKey ?? "");
  if (basemap.kind === "pmtiles" && basemap.pmtilesFile)
    return `pmtiles://${PMTILES_PATH}?v=${basemap.version}`;
  return null;
}

export interface BasemapChoice {
  kind: BasemapKind;
  rasterUrl?: string | null | undefined;
  crs?: BasemapCrs | undefined;
  /** undefined keeps the saved key; "" removes it. */
  tiandituKey?: string | undefined;
}

export type { Actor };

/** Saves the administrator's choice (a PMTiles file stays as uploaded), with its audit row. */
export async function saveBasemap(
  tx: Executor,
  actor: Actor,
  choice: BasemapChoice,
  file?: { name: string; bytes: number },
) {
  const [before] = await tx
    .select()
    .from(basemapSettings)
    .where(eq(basemapSettings.cityId, actor.cityId));
  const values = {
    kind: choice.kind,
    rasterUrl: choice.rasterUrl === undefined ? (before?.rasterUrl ?? null) : choice.rasterUrl,
    rasterCrs: choice.crs ?? before?.rasterCrs ?? "wgs84",
    tiandituKey:
      choice.tiandituKey === undefined ? (before?.tiandituKey ?? null) : choice.tiandituKey || null,
    pmtilesFile: file?.name ?? before?.pmtilesFile ?? null,
    pmtilesBytes: file?.bytes ?? before?.pmtilesBytes ?? null,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await tx
    .insert(basemapSettings)
    .values({ cityId: actor.cityId, ...values })
    .onConflictDoUpdate({ target: basemapSettings.cityId, set: values });
  const hidden = (row: typeof before) =>
    row && { ...row, tiandituKey: row.tiandituKey ? "***" : null };
  await recordAuditBy(tx, actor, {
    action: "basemap.update",
    entity: "basemap",
    entityId: actor.cityId,
    before: hidden(before) ?? null,
    after: hidden({ cityId: actor.cityId, ...values }),
  });
}
