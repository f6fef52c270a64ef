// The layers of an unzipped Shapefile read into GeoJSON features by shpjs, each .dbf decoded in its
// own encoding (dbf-encoding.ts) instead of shpjs's UTF-8 default, and refused when the names still
// come out garbled (U+FFFD): an import must never show "ok" over mojibake.
import type { Feature } from "geojson";
import type { Message } from "../errors.ts";
import { dbfEncoding } from "./dbf-encoding.ts";

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** `layers` are the lower-cased paths of the .shp files without their extension. */
export async function readShapefileLayers(
  layers: string[],
  entries: ZipEntry[],
): Promise<Feature[] | Message> {
  const part = (layer: string, ext: string) =>
    entries.find((e) => e.name.toLowerCase() === `${layer}${ext}`)?.bytes;
  // shpjs is loaded at the first Shapefile, not at start (issue 23: ~0.5 s of every start).
  const { default: getShapefile } = await import("shpjs");
  const features: Feature[] = [];
  for (const layer of layers) {
    const shp = part(layer, ".shp");
    if (!shp) continue;
    const dbf = part(layer, ".dbf");
    const cpg = part(layer, ".cpg");
    const prj = part(layer, ".prj");
    const { encoding } = dbfEncoding(
      dbf ?? new Uint8Array(),
      cpg ? new TextDecoder().decode(cpg) : null,
    );
    const parsed = await getShapefile({
      shp,
      dbf,
      cpg: encoding,
      prj: prj ? new TextDecoder().decode(prj) : undefined,
    });
    for (const collection of Array.isArray(parsed) ? parsed : [parsed]) {
      for (const feature of collection.features) {
        const garbled = Object.entries(feature.properties ?? {}).find(
          ([, v]) => typeof v === "string" && v.includes("\uFFFD"),
        );
        if (garbled) {
          return {
            key: "import.garbled_text",
            params: { field: garbled[0], encoding, layer: layer.split("/").pop() ?? layer },
          };
        }
        features.push(feature as Feature);
      }
    }
  }
  return features;
}
