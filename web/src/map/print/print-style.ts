// The printed division map's style: white paper, grids filled by lead unit, the community's
// outline on top. Data inline: the map is drawn once. The labels are not drawn by the map: the
// sheet lays them out (label-layout.ts) and writes them as text.
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import type { GridProperties } from "../../api/types.ts";
import { type LeadUnitColour, leadUnitColourExpression } from "../colours.ts";

export interface PrintData {
  community: Feature<MultiPolygon>;
  grids: FeatureCollection<MultiPolygon, GridProperties>;
  colours: readonly LeadUnitColour[];
}

export function printStyle({ community, grids, colours }: PrintData): StyleSpecification {
  return {
    version: 8,
    sources: {
      community: { type: "geojson", data: community },
      grids: { type: "geojson", data: grids },
    },
    layers: [
      { id: "paper", type: "background", paint: { "background-color": "#ffffff" } },
      {
        id: "grid-fill",
        type: "fill",
        source: "grids",
        paint: {
          "fill-color": leadUnitColourExpression(colours, "leadUnitId"),
          "fill-opacity": 0.8,
        },
      },
      {
        id: "grid-outline",
        type: "line",
        source: "grids",
        layout: { "line-join": "round" },
        paint: { "line-color": "#343a40", "line-width": 1.5 },
      },
      {
        id: "community-outline",
        type: "line",
        source: "community",
        layout: { "line-join": "round" },
        paint: { "line-color": "#12355b", "line-width": 4 },
      },
    ],
  };
}
