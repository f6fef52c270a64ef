// The grid editor's state: the community open, the one editing mode, and what is being edited.
// Server data (grids, coverage, previews) stays in the query cache; this holds only the user's
// work in progress and what the map should show for it.
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from "geojson";
import { create } from "zustand";
import type { ServerProblem } from "../api/client.ts";

/**
 * view: look and select; draw: a new grid; edit: move the selected grid's vertices;
 * split: cut the selected grid with a line; merge: pick two neighbours; partition: divide the
 * whole community automatically; import: grids from a file; importCommunities: communities of a
 * street from a file (the one mode that needs no community open).
 */
export type EditorMode =
  | "view"
  | "draw"
  | "edit"
  | "split"
  | "merge"
  | "partition"
  | "import"
  | "importCommunities";

/** What the map shows besides the grids: partition parts, split pieces, an imported file… */
export interface PreviewProperties {
  label: string;
  colour: string;
}
export type Preview = FeatureCollection<Polygon | MultiPolygon, PreviewProperties>;

/** A problem as the editor shows it: in words, with where to mark and what to highlight. */
export type ShownProblem = Pick<ServerProblem, "message" | "at" | "area" | "geometry">;

/** A message for the user after a write: what was done, or why it was refused. */
export interface Notice {
  tone: "success" | "error";
  text: string;
}

interface GridEditorState {
  communityId: number | null;
  mode: EditorMode;
  /** Counts mode starts: choosing the mode again (e.g. "draw the line again") starts afresh. */
  attempt: number;
  /** The grid the side panel is about (and that edit and split work on). */
  selectedGridId: number | null;
  /** Grids picked for merging, at most two, in the order picked. */
  mergeIds: number[];
  /** The shape being drawn or edited, as it is now (null until it has an area). */
  draft: MultiPolygon | null;
  /** The line drawn to split the selected grid. */
  splitLine: LineString | null;
  /** Problems the API found in the last write; cleared when the shape changes. */
  serverProblems: ServerProblem[];
  preview: Preview | null;
  notice: Notice | null;
  openCommunity: (id: number) => void;
  setMode: (mode: EditorMode) => void;
  select: (id: number | null) => void;
  toggleMerge: (id: number) => void;
  setDraft: (draft: MultiPolygon | null) => void;
  setSplitLine: (line: LineString | null) => void;
  setServerProblems: (problems: ServerProblem[]) => void;
  setPreview: (preview: Preview | null) => void;
  notify: (notice: Notice | null) => void;
}

/** Everything a mode leaves behind is dropped when another mode starts. */
const freshWork = {
  mergeIds: [],
  draft: null,
  splitLine: null,
  serverProblems: [],
  preview: null,
} satisfies Partial<GridEditorState>;

export const useGridEditor = create<GridEditorState>()((set) => ({
  communityId: null,
  mode: "view",
  attempt: 0,
  selectedGridId: null,
  notice: null,
  ...freshWork,
  openCommunity: (communityId) =>
    set({ communityId, mode: "view", selectedGridId: null, notice: null, ...freshWork }),
  setMode: (mode) =>
    set(({ attempt }) => ({ mode, attempt: attempt + 1, notice: null, ...freshWork })),
  select: (selectedGridId) => set({ selectedGridId }),
  toggleMerge: (id) =>
    set(({ mergeIds }) => ({
      mergeIds: mergeIds.includes(id)
        ? mergeIds.filter((picked) => picked !== id)
        : [...mergeIds, id].slice(-2),
    })),
  setDraft: (draft) => set({ draft, serverProblems: [] }),
  setSplitLine: (splitLine) => set({ splitLine, serverProblems: [] }),
  setServerProblems: (serverProblems) => set({ serverProblems }),
  setPreview: (preview) => set({ preview }),
  notify: (notice) => set({ notice }),
}));
