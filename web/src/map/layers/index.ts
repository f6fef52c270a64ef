// The layer families in drawing order (bottom first); a family is what a toggle shows or hides.
import type { LayerSpecification } from "maplibre-gl";
import { communityLayers } from "./communities.ts";
import { editingLayers } from "./editing.ts";
import type { LayerFamily } from "./families.ts";
import { gridLayers } from "./grids.ts";
import { inspectionPointLayers } from "./points.ts";
import { problemLayers } from "./problems.ts";
import { cityLayers } from "./regions.ts";
import { unitLayers } from "./units.ts";

export const layerFamilies = {
  city: cityLayers,
  grids: gridLayers,
  communities: communityLayers,
  points: inspectionPointLayers,
  units: unitLayers,
  problems: problemLayers,
} satisfies Record<LayerFamily, LayerSpecification[]>;

// the names, in the same order, live in families.ts
export { type LayerFamily, layerFamilyNames } from "./families.ts";

export const dataLayers: LayerSpecification[] = Object.values(layerFamilies).flat();

/** The grid editor draws its community's grids and the editing overlays above them. */
export const editorLayers: LayerSpecification[] = [
  ...gridLayers,
  ...communityLayers,
  ...editingLayers,
];
