// The administrator's basemap: choosing one (none, a raster template, the uploaded PMTiles) and
// uploading the offline PMTiles file. Each save is one transaction with its audit row.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { Orm } from "../db/client.ts";
import { AppError, invalidFields } from "../errors.ts";
import {
  type Actor,
  type BasemapChoice,
  type BasemapDefaults,
  readBasemap,
  saveBasemap,
} from "./settings.ts";

/** Saves a choice: a raster basemap needs a template, the PMTiles one an uploaded file. */
export function chooseBasemap(
  orm: Orm,
  actor: Actor,
  defaults: BasemapDefaults,
  choice: BasemapChoice,
) {
  return orm.transaction(async (tx) => {
    const current = await readBasemap(tx, actor.cityId, defaults);
    const rasterUrl = choice.rasterUrl === undefined ? current.rasterUrl : choice.rasterUrl;
    if (choice.kind === "raster" && !rasterUrl)
      throw invalidFields({ rasterUrl: { key: "field.required" } });
    if (choice.kind === "pmtiles" && (current.fromEnvironment || !current.pmtilesFile))
      throw new AppError(400, "no_pmtiles", { key: "basemap.no_pmtiles" });
    await saveBasemap(tx, actor, choice);
  });
}

/** PMTiles v3 files start with the bytes "PMTiles" and the version 3. */
async function isPmtiles(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return head.subarray(0, 7).toString("latin1") === "PMTiles" && head[7] === 3;
  } finally {
    await handle.close();
  }
}

/**
 * Streams an uploaded PMTiles file to disk (a city's basemap runs to hundreds of megabytes, so it
 * is never held in memory), checks it is one, and makes it the city's basemap.
 */
export async function uploadPmtiles(
  orm: Orm,
  actor: Actor,
  storage: { dir: string; maxMb: number },
  body: ReadableStream<Uint8Array> | null,
) {
  if (!body) throw new AppError(400, "not_pmtiles", { key: "basemap.not_pmtiles" });
  await mkdir(storage.dir, { recursive: true });
  const name = `${randomUUID()}.pmtiles`;
  const file = path.join(storage.dir, name);
  const max = storage.maxMb * 1024 * 1024;
  let bytes = 0;
  try {
    await pipeline(
      Readable.fromWeb(body as WebStream),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > max)
            throw new AppError(413, "body_too_large", {
              key: "basemap.pmtiles_too_large",
              params: { max: storage.maxMb },
            });
          yield chunk;
        }
      },
      createWriteStream(file),
    );
    if (!(await isPmtiles(file)))
      throw new AppError(400, "not_pmtiles", { key: "basemap.not_pmtiles" });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  await orm.transaction((tx) => saveBasemap(tx, actor, { kind: "pmtiles" }, { name, bytes }));
}
