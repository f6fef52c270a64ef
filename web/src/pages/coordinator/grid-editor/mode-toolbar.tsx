// The editing modes as a row of buttons; the pressed one is the mode the map is in.
import { useTranslation } from "react-i18next";
import type { GridFeature } from "../../../api/grids.ts";
import { type EditorMode, useGridEditor } from "../../../state/grid-editor.ts";

const modes: readonly EditorMode[] = [
  "view",
  "draw",
  "edit",
  "split",
  "merge",
  "partition",
  "import",
];

/** Edit and split work on the selected grid. */
const needsGrid = new Set<EditorMode>(["edit", "split"]);

export function ModeToolbar({ selected }: { selected: GridFeature | null }) {
  const { t } = useTranslation();
  const mode = useGridEditor((state) => state.mode);
  const setMode = useGridEditor((state) => state.setMode);
  return (
    <div className="map-box editor-modes">
      <div role="toolbar" aria-label={t("editor.modes")} className="mode-buttons">
        {modes.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={mode === name}
            disabled={needsGrid.has(name) && !selected}
            title={needsGrid.has(name) && !selected ? t("editor.pickGridFirst") : undefined}
            onClick={() => setMode(name)}
          >
            {t(`editor.mode.${name}`)}
          </button>
        ))}
      </div>
      <p className="mode-hint">{t(`editor.hint.${mode}`)}</p>
    </div>
  );
}
