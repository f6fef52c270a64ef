// Reads an uploaded GeoJSON, KML or zipped Shapefile into GeoJSON features, checking by content
// that the file is what its name says, and that a Shapefile zip has its .shp, .dbf and .prj.
import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import { iter } from "but-unzip";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Message } from "../errors.ts";
import { checkZip } from "../files/zip-limits.ts";
import { runInWorker } from "../workers/pool.ts";
import { kmlOutlines } from "./kml-geometry.ts";
import { readShapefileLayers } from "./shapefile-layers.ts";

export type GeoFileKind = "geojson" | "kml" | "shapefile";
export type ReadResult =
  | { ok: true; kind: GeoFileKind; features: Feature[] }
  | { ok: false; problem: Message };

export const MAX_FEATURES = 5000;

const byExtension: Record<string, GeoFileKind> = {
  geojson: "geojson",
  json: "geojson",
  kml: "kml",
  zip: "shapefile",
};
const kindNames: Record<GeoFileKind, string> = {
  geojson: "GeoJSON",
  kml: "KML",
  shapefile: "Shapefile (.zip)",
};

/** What the bytes are, whatever the name says. */
function sniff(bytes: Uint8Array): GeoFileKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "shapefile";
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{")) return "geojson";
  if (head.startsWith("<") && /<kml[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096))))
    return "kml";
  return null;
}

export async function readGeoFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const extension = name.toLowerCase().split(".").pop() ?? "";
  const named = byExtension[extension];
  if (!named) return { ok: false, problem: { key: "import.unknown_extension", params: { name } } };
  const actual = sniff(bytes);
  if (actual !== named) {
    return {
      ok: false,
      problem: {
        key: "import.not_what_named",
        params: { name, expected: kindNames[named], found: actual ? kindNames[actual] : "?" },
      },
    };
  }
  try {
    const features = await parse(actual, bytes);
    if ("key" in features) return { ok: false, problem: features };
    if (!features.length) return { ok: false, problem: { key: "import.no_features" } };
    if (features.length > MAX_FEATURES) {
      return {
        ok: false,
        problem: {
          key: "import.too_many_features",
          params: { max: MAX_FEATURES, count: features.length },
        },
      };
    }
    return { ok: true, kind: actual, features };
  } catch (error) {
    return {
      ok: false,
      problem: {
        key: "import.unreadable",
        params: { kind: kindNames[actual], reason: (error as Error).message.slice(0, 200) },
      },
    };
  }
}

/** Files below this parse in milliseconds: a thread hop would cost more than it saves. */
export const INLINE_BYTES = 256 * 1024;

/** readGeoFile, on a worker thread for a large file (a prefecture's KML or Shapefile). */
export async function readGeoFileOffThread(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length < INLINE_BYTES) return readGeoFile(name, bytes);
  // A zip's directory is read here first (no entry is inflated): a zip bomb is refused at once,
  // without the hop to a worker thread (the worker checks it again before it parses).
  if (byExtension[name.toLowerCase().split(".").pop() ?? ""] === "shapefile") {
    if (sniff(bytes) === "shapefile") {
      const bomb = await checkZip(bytes);
      if (bomb) return { ok: false, problem: bomb };
    }
  }
  return runInWorker("readGeoFile", { name, bytes });
}

async function parse(kind: GeoFileKind, bytes: Uint8Array): Promise<Feature[] | Message> {
  if (kind === "geojson") {
    const json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, "")) as {
      type?: string;
    };
    if (json.type === "FeatureCollection") return (json as FeatureCollection).features ?? [];
    if (json.type === "Feature") return [json as Feature];
    return [{ type: "Feature", geometry: json as Geometry, properties: {} }];
  }
  if (kind === "kml") {
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), "text/xml");
    return kmlOutlines(kml(doc as unknown as Document).features as Feature[]);
  }
  const bomb = await checkZip(bytes);
  if (bomb) return bomb;
  const names = [...iter(bytes)]
    .map((e) => e.filename.toLowerCase())
    .filter((n) => !n.includes("__macosx"));
  const layers = names.filter((n) => n.endsWith(".shp")).map((n) => n.slice(0, -4));
  if (!layers.length) return { key: "import.shapefile_parts", params: { parts: ".shp" } };
  const missing = layers.flatMap((l) =>
    [".dbf", ".prj"].filter((ext) => !names.includes(l + ext)).map((ext) => `${l}${ext}`),
  );
  if (missing.length)
    return { key: "import.shapefile_parts", params: { parts: missing.join(", ") } };
  const entries = [...iter(bytes)].filter((e) => !e.filename.toLowerCase().includes("__macosx"));
  return readShapefileLayers(
    layers,
    await Promise.all(entries.map(async (e) => ({ name: e.filename, bytes: await e.read() }))),
  );
}
