// The printed division map's style: white paper, grids filled by lead unit with large labels
// (code and lead unit), the community's outline on top. Data inline: the map is drawn once.
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import type { GridProperties } from "../../api/types.ts";
import { type LeadUnitColour, leadUnitColourExpression } from "../colours.ts";
import { labelPoints } from "../label-points.ts";

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
      labels: { type: "geojson", data: labelPoints(grids) },
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
      {
        id: "grid-label",
        type: "symbol",
        source: "labels",
        layout: {
          "text-field": [
            "format",
            ["get", "code"],
            { "font-scale": 0.8 },
            "\n",
            {},
            ["coalesce", ["get", "leadUnitShortName"], ""],
            {},
          ],
          "text-size": 17,
          "text-line-height": 1.35,
          "text-allow-overlap": true,
        },
        paint: { "text-color": "#212529", "text-halo-color": "#ffffff", "text-halo-width": 2 },
      },
    ],
  };
}
