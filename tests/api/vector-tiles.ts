// A tile from the API decoded into its features, for the tests that read tiles.
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { expect } from "vitest";
import type { Client } from "./engines.ts";

/** A vector tile from the API (expected 200, a vector tile), decoded: its layer's name and features. */
export async function decodeTile(client: Client, path: string) {
  const response = await client.raw(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  const layer = Object.values(tile.layers)[0];
  const features = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const f = layer!.feature(i);
    features.push({ id: f.id, type: f.type, properties: f.properties, geometry: f.loadGeometry() });
  }
  return { layerName: layer?.name, features };
}
