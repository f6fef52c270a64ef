// What the grid and community imports and exports share: the file's coordinate system, the
// multipart file read as features, the OpenAPI shape of the request and answers, the preview's
// wording, and the exported file.

import type { GridProblem, SourceCrs } from "@civgrid/geo";
import { z } from "@hono/zod-openapi";
import type { Feature } from "geojson";
import type { Context } from "hono";
import type { Executor } from "../db/client.ts";
import { fieldMessage, invalidFields } from "../errors.ts";
import { contentTypes, type ExportFormat, encode } from "../grids/formats.ts";
import { renderGridProblem } from "../grids/geometry-errors.ts";
import { type GeoFileKind, readGeoFileOffThread } from "../grids/read-geo-file.ts";
import { checkAndSave } from "../grids/run-import.ts";
import type { Actor } from "../grids/write.ts";
import { type Lang, languageOf } from "../messages.ts";
import {
  type AppEnv,
  attachment,
  errorSchema,
  geometry,
  gridProblemSchema,
  json,
  readerLanguage,
} from "./router.ts";

export const sourceCrs = z
  .enum(["wgs84", "cgcs2000", "gcj02", "bd09"], {
    message: fieldMessage("field.one_of", { values: "wgs84, cgcs2000, gcj02, bd09" }),
  })
  .default("wgs84")
  .openapi({
    description:
      "The file's coordinate system: WGS84/CGCS2000 (GPS, Tianditu), GCJ-02 (Amap, Tencent) or BD-09 (Baidu)",
  });

const importPreviewSchema = z
  .object({
    kind: z.enum(["geojson", "kml", "shapefile"]),
    crs: z.string(),
    ok: z.boolean().openapi({ description: "no feature breaks a rule" }),
    features: z.array(
      z.object({
        index: z.number().int(),
        name: z.string().nullable(),
        code: z
          .string()
          .nullable()
          .optional()
          .openapi({ description: "communities: the file's code" }),
        geometry: geometry.nullable().openapi({ description: "a MultiPolygon in WGS84" }),
        areaM2: z.number().nullable(),
        problems: z.array(gridProblemSchema),
      }),
    ),
  })
  .openapi("ImportPreview");

export const importAnswers = (created: string) => ({
  200: json(importPreviewSchema, "Preview: each feature in WGS84 with its area and problems"),
  201: json(
    z.object({
      created: z.array(z.number().int()),
      restructuringId: z.number().int().optional().openapi({
        description: "grids replacing others: the restructuring that can undo it",
      }),
    }),
    created,
  ),
  400: json(errorSchema, "A parameter or the file is not valid"),
  401: json(errorSchema, "Not signed in"),
  422: json(
    errorSchema,
    "Some features break the rules; `problems` name each with its feature index",
  ),
});

/** The uploaded `file` field as GeoJSON features, or a 400 naming what is wrong with it. */
export async function uploadedFeatures(
  c: Context<AppEnv>,
): Promise<{ kind: GeoFileKind; features: Feature[] }> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const file = form.file;
  if (!(file instanceof File)) {
    throw invalidFields({ file: { key: "import.no_file" } });
  }
  const read = await readGeoFileOffThread(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) throw invalidFields({ file: read.problem });
  return { kind: read.kind, features: read.features };
}

/** The preview answer: every checked feature with its problems worded for the caller. */
export function importPreview<F extends { problems: GridProblem[] }>(
  c: Context<AppEnv>,
  kind: GeoFileKind,
  crs: string,
  checked: F[],
) {
  const lang = languageOf(c.req.header("accept-language"));
  const features = checked.map((f) => ({
    ...f,
    problems: f.problems.map((p) => renderGridProblem(p, lang)),
  }));
  return { kind, crs, ok: checked.every((f) => !f.problems.length), features };
}

/**
 * The import itself: read the file, check every feature inside one transaction (the service), and
 * either answer the preview (nothing written) or save them all, as `commit` says.
 */
export async function runImport<F extends { problems: GridProblem[] }>(
  c: Context<AppEnv>,
  { crs, commit }: { crs: SourceCrs; commit?: boolean | undefined },
  check: (tx: Executor, actor: Actor, features: Feature[]) => Promise<F[]>,
  save: (
    tx: Executor,
    actor: Actor,
    checked: F[],
  ) => Promise<number[] | { created: number[]; restructuringId?: number }>,
) {
  const read = await uploadedFeatures(c);
  const actor = { cityId: c.var.user.cityId, userId: c.var.user.id };
  const done = await checkAndSave(c.var.db.orm, actor, read.features, !!commit, check, save);
  if (!done.committed) return c.json(importPreview(c, read.kind, crs, done.checked), 200);
  return c.json(Array.isArray(done.saved) ? { created: done.saved } : done.saved, 201);
}

/** The rows of a layer as a GIS file in `format`, saved as `name` (`asciiName` for older clients). */
export function featuresFile<R extends { geometry: string }>(
  c: Context<AppEnv>,
  rows: R[],
  properties: (row: R) => Record<string, string | number | null>,
  file: {
    format: ExportFormat;
    lang: Lang | undefined;
    title: string;
    name: string;
    asciiName: string;
  },
) {
  const features = rows.map((row) => ({
    type: "Feature" as const,
    geometry: JSON.parse(row.geometry),
    properties: properties(row),
  }));
  return c.body(encode(features, file.format, file.title, readerLanguage(c, file.lang)), 200, {
    "content-type": contentTypes[file.format],
    "content-disposition": attachment(file.asciiName, file.name),
  });
}
