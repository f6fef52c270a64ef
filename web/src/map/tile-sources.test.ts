import type { LayerSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { dataLayers } from "./layers/index.ts";
import { readingTiles } from "./tile-sources.ts";

const byId = (layers: LayerSpecification[]) => new Map(layers.map((layer) => [layer.id, layer]));

describe("readingTiles", () => {
  it("points the tiled layers' grids, labels and problems at the tile sources, nothing else", () => {
    const layers = byId(readingTiles(dataLayers, ["grids", "problems"]));
    expect(layers.get("grid-fill")).toMatchObject({
      source: "grids-tiles",
      "source-layer": "grids",
    });
    expect(layers.get("grid-label")).toMatchObject({
      source: "grids-tiles",
      "source-layer": "grids",
    });
    expect(layers.get("problem-circle")).toMatchObject({
      source: "problems-tiles",
      "source-layer": "problems",
    });
    expect(layers.get("problem-cell")).toMatchObject({ source: "problems-tiles" });
    // points stay GeoJSON when not tiled, as do communities and units, which are never tiled
    for (const id of ["point-marker", "community-outline", "unit-circle"])
      expect(layers.get(id)).not.toHaveProperty("source-layer");
  });

  it("keeps every layer's id, order and paint, so the styling and the clicks are the same", () => {
    const tiled = readingTiles(dataLayers, ["grids", "points", "problems"]);
    expect(tiled.map((layer) => layer.id)).toEqual(dataLayers.map((layer) => layer.id));
    tiled.forEach((layer, i) => {
      expect("paint" in layer ? layer.paint : undefined).toEqual(
        "paint" in dataLayers[i]! ? dataLayers[i]!.paint : undefined,
      );
    });
  });

  it("changes nothing when no layer is tiled", () => {
    expect(readingTiles(dataLayers, [])).toEqual(dataLayers);
  });
});
