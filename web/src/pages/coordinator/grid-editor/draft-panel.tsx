// Saving a drawn or edited grid: its name and area, save or cancel. A draft the live check
// finds clean is snapped onto its neighbours first (geo's snapToNeighbours), so shared borders
// match to the millimetre; one with problems is sent as drawn and the API names them again.
import { snapToNeighbours } from "@civgrid/geo";
import area from "@turf/area";
import type { MultiPolygon } from "geojson";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { gridsApi, versionOf } from "../../../api/grids.ts";
import { formatArea } from "../../../format.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { EditorPanel } from "./editor-panel.tsx";
import type { EditorContext } from "./mode-panel.tsx";
import { useGridWrite } from "./use-grid-write.ts";

/** Vertices this close (m) to a neighbour's line are moved onto it. */
const snapToleranceM = 2;

export function DraftPanel({ community, grids, selected, check }: EditorContext) {
  const { t, i18n } = useTranslation();
  const mode = useGridEditor((state) => state.mode);
  const draft = useGridEditor((state) => state.draft);
  const { setMode, select } = useGridEditor.getState();
  const editing = mode === "edit" && selected;
  const [name, setName] = useState(editing ? selected.properties.name : "");

  const save = useGridWrite(
    async (shape: MultiPolygon) => {
      const changedName =
        name.trim() && name.trim() !== selected?.properties.name ? name.trim() : undefined;
      if (editing)
        return gridsApi.update(versionOf(selected), { geometry: shape, name: changedName });
      return gridsApi.create(community.id, shape, changedName);
    },
    {
      success: (grid) =>
        t(editing ? "editor.saved" : "editor.created", { code: grid.properties.code }),
      next: (grid) => {
        setMode("view");
        select(grid.id);
      },
    },
  );

  const onSave = () => {
    if (!draft) return;
    const siblings = grids.filter((grid) => grid.id !== (editing ? selected.id : null));
    const snapped = check.clean
      ? snapToNeighbours(
          draft,
          community.geometry,
          siblings.map((grid) => grid.geometry),
          snapToleranceM,
        )
      : draft;
    save.mutate(snapped.coordinates.length > 0 ? snapped : draft);
  };

  const heading = editing
    ? t("editor.editHeading", { code: selected.properties.code })
    : t("editor.drawHeading");
  return (
    <EditorPanel
      heading={heading}
      action={{
        label: save.isPending ? t("editor.saving") : t("editor.save"),
        disabled: !draft || save.isPending,
        onClick: onSave,
      }}
    >
      <label className="form-field">
        <span>{t("grid.name")}</span>
        <input
          value={name}
          placeholder={t("editor.namePlaceholder")}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <p>
        {draft
          ? t("editor.draftArea", { area: formatArea(area(draft), i18n.language) })
          : t("editor.noDraft")}
      </p>
      {draft && !check.clean && <p className="field-error">{t("editor.draftHasProblems")}</p>}
    </EditorPanel>
  );
}
