// The map's own base (issue 22): the city, its districts and streets, and the communities with
// their names, from /api/basemap/outline. Without a basemap it is the base itself (soft fills,
// so the map is never an empty grey box); over a basemap only its lines and names are drawn.
import type { LayerSpecification, SourceSpecification } from "maplibre-gl";
import { haloText } from "./expressions.ts";

export const outlineSourceId = "base-outline";

export const outlineSource: SourceSpecification = {
  type: "geojson",
  data: "/api/basemap/outline",
  // the base is drawn under everything and never queried: keep its tiles coarse and cheap
  tolerance: 0.5,
};

const area = (level: string) =>
  ["all", ["==", ["get", "kind"], "area"], ["==", ["get", "level"], level]] as const;
const label = (levels: string[]) =>
  ["all", ["==", ["get", "kind"], "label"], ["in", ["get", "level"], ["literal", levels]]] as const;

const fills: LayerSpecification[] = [
  {
    id: "base-city-fill",
    type: "fill",
    source: outlineSourceId,
    filter: area("city") as never,
    paint: { "fill-color": "#f4f1ea" },
  },
  {
    id: "base-district-fill",
    type: "fill",
    source: outlineSourceId,
    filter: area("district") as never,
    paint: { "fill-color": "#efeadf", "fill-outline-color": "#d8cfbd" },
  },
  {
    id: "base-community-fill",
    type: "fill",
    source: outlineSourceId,
    filter: area("community") as never,
    paint: { "fill-color": "#e6efe4" },
  },
];

const lines: LayerSpecification[] = [
  {
    id: "base-street-line",
    type: "line",
    source: outlineSourceId,
    minzoom: 11,
    filter: area("street") as never,
    paint: { "line-color": "#b9ae98", "line-width": 1, "line-dasharray": [3, 2] },
  },
  {
    id: "base-district-line",
    type: "line",
    source: outlineSourceId,
    filter: area("district") as never,
    paint: { "line-color": "#a39377", "line-width": 1.5 },
  },
  {
    id: "base-community-line",
    type: "line",
    source: outlineSourceId,
    minzoom: 11,
    filter: area("community") as never,
    paint: { "line-color": "#7d9c78", "line-width": 1 },
  },
];

/** The name of each area of `level`, in `colour` at `size` px, between the zooms given. */
const nameLayer = (
  level: string,
  size: number,
  colour: string,
  zooms: { minzoom?: number; maxzoom?: number },
): LayerSpecification => ({
  id: `base-${level}-name`,
  type: "symbol",
  source: outlineSourceId,
  ...zooms,
  filter: label([level]) as never,
  layout: { "text-field": ["get", "name"], "text-size": size },
  paint: haloText(colour, 1.5),
});

const names: LayerSpecification[] = [
  nameLayer("district", 15, "#6b5d45", { maxzoom: 12.5 }),
  nameLayer("street", 13, "#7a6d55", { minzoom: 12, maxzoom: 14.5 }),
  nameLayer("community", 12, "#4d6b49", { minzoom: 11 }),
];

/** The base's layers: the whole base with no basemap, lines and names over one. */
export function outlineLayers(overBasemap: boolean): LayerSpecification[] {
  return overBasemap ? [...lines, ...names] : [...fills, ...lines, ...names];
}
