// Splitting the selected grid: draw a line across it, see the pieces, then split.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type GridFeature, gridsApi, versionOf } from "../../../api/grids.ts";
import type { CarryOver } from "../../../api/restructurings.ts";
import { DetailPanel } from "../../../components/detail-panel.tsx";
import { useGridEditor } from "../../../state/grid-editor.ts";
import type { EditorContext } from "./mode-panel.tsx";
import { RestructuringDialog } from "./restructuring-dialog.tsx";
import { useGridWrite } from "./use-grid-write.ts";

export function SplitPanel({ community, grid, check }: EditorContext & { grid: GridFeature }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const line = useGridEditor((state) => state.splitLine);
  const { setMode, select } = useGridEditor.getState();
  const split = useGridWrite(
    (carryOver: CarryOver) =>
      line ? gridsApi.split(versionOf(grid), line, carryOver) : Promise.reject(),
    {
      success: ({ grids }) => t("editor.splitDone", { count: grids.length }),
      next: ({ grids }) => {
        setMode("view");
        select(grids[0]?.id ?? null);
      },
    },
  );
  const pieces = check.preview?.features.length ?? 0;

  return (
    <DetailPanel
      heading={t("editor.splitHeading", { code: grid.properties.code })}
      onClose={() => setMode("view")}
    >
      <div className="editor-form">
        <p>
          {!line
            ? t("editor.hint.split")
            : pieces > 0
              ? t("editor.splitPieces", { count: pieces })
              : t("editor.splitInvalid")}
        </p>
        <div className="form-buttons">
          <button
            type="button"
            className="primary"
            disabled={pieces < 2 || split.isPending}
            onClick={() => setConfirming(true)}
          >
            {t("editor.split")}
          </button>
          <button type="button" disabled={!line} onClick={() => setMode("split")}>
            {t("editor.redrawLine")}
          </button>
          <button type="button" onClick={() => setMode("view")}>
            {t("editor.cancel")}
          </button>
        </div>
      </div>
      {confirming && line && (
        <RestructuringDialog
          communityId={community.id}
          operation={{ kind: "split", gridId: grid.id, version: grid.properties.version, line }}
          heading={t("editor.splitHeading", { code: grid.properties.code })}
          confirmLabel={t("editor.split")}
          busy={split.isPending}
          onConfirm={(carryOver) => {
            setConfirming(false);
            split.mutate(carryOver);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </DetailPanel>
  );
}
