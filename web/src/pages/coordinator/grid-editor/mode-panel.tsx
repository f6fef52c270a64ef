// The right-hand panel: what the current mode needs (save a draft, split, merge, partition,
// import), or in view mode the selected grid.
import type { Feature, MultiPolygon } from "geojson";
import type { GridFeature } from "../../../api/grids.ts";
import type { CommunityProperties } from "../../../api/types.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { DraftPanel } from "./draft-panel.tsx";
import { GridPanel } from "./grid-panel.tsx";
import { ImportPanel } from "./import-panel.tsx";
import { MergePanel } from "./merge-panel.tsx";
import { PartitionPanel } from "./partition-panel.tsx";
import { SplitPanel } from "./split-panel.tsx";
import type { EditorCheck } from "./use-editor-check.ts";

export type Community = Feature<MultiPolygon, CommunityProperties> & { id: number };

export interface EditorContext {
  community: Community;
  grids: GridFeature[];
  selected: GridFeature | null;
  check: EditorCheck;
}

export function ModePanel(context: EditorContext) {
  const mode = useGridEditor((state) => state.mode);
  switch (mode) {
    case "draw":
    case "edit":
      return <DraftPanel key={mode} {...context} />; // a new grid and an edit start afresh
    case "split":
      return context.selected && <SplitPanel {...context} grid={context.selected} />;
    case "merge":
      return <MergePanel {...context} />;
    case "partition":
      return <PartitionPanel {...context} />;
    case "import":
      return <ImportPanel {...context} />;
    default:
      return context.selected && <GridPanel key={context.selected.id} grid={context.selected} />;
  }
}
