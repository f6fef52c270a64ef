// The layer families' names in drawing order (bottom first), apart from their layers: the map
// page's UI state and toggles need only the names, and the shell carries that state (issue 22).
export const layerFamilyNames = [
  "city",
  "grids",
  "communities",
  "points",
  "units",
  "problems",
] as const;

export type LayerFamily = (typeof layerFamilyNames)[number];
