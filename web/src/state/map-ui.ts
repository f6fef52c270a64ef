// UI state of the map page: which feature is selected and which layer families are shown.
import { create } from "zustand";
import { type LayerFamily, layerFamilyNames } from "../map/layers/families.ts";

export type SelectionKind = "grid" | "problem" | "unit";

/** One feature on the map. */
export interface FeatureRef {
  kind: SelectionKind;
  id: number;
}

/** A click hit several stacked markers (e.g. many problems at one hospital): the user picks. */
export interface Choice {
  kind: "choice";
  candidates: FeatureRef[];
}

export type Selection = FeatureRef | Choice;

interface MapUiState {
  selection: Selection | null;
  visibleFamilies: Record<LayerFamily, boolean>;
  select: (selection: Selection | null) => void;
  setFamilyVisible: (family: LayerFamily, visible: boolean) => void;
}

export const useMapUi = create<MapUiState>()((set) => ({
  selection: null,
  visibleFamilies: Object.fromEntries(layerFamilyNames.map((family) => [family, true])) as Record<
    LayerFamily,
    boolean
  >,
  select: (selection) => set({ selection }),
  setFamilyVisible: (family, visible) =>
    set((state) => ({ visibleFamilies: { ...state.visibleFamilies, [family]: visible } })),
}));
