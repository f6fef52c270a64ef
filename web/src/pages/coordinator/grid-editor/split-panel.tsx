// Splitting the selected grid: draw a line across it, see the pieces, then split.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type GridFeature, gridsApi, versionOf } from "../../../api/grids.ts";
import type { CarryOver } from "../../../api/restructurings.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { EditorPanel } from "./editor-panel.tsx";
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
    <EditorPanel
      heading={t("editor.splitHeading", { code: grid.properties.code })}
      action={{
        label: t("editor.split"),
        disabled: pieces < 2 || split.isPending,
        onClick: () => setConfirming(true),
      }}
      more={
        <button type="button" disabled={!line} onClick={() => setMode("split")}>
          {t("editor.redrawLine")}
        </button>
      }
      confirm={
        confirming &&
        line && (
          <RestructuringDialog
            communityId={community.id}
            operation={{ kind: "split", gridId: grid.id, version: grid.properties.version, line }}
            heading={t("editor.splitHeading", { code: grid.properties.code })}
            confirmLabel={t("editor.split")}
            write={split}
            onClose={() => setConfirming(false)}
          />
        )
      }
    >
      <p>
        {!line
          ? t("editor.hint.split")
          : pieces > 0
            ? t("editor.splitPieces", { count: pieces })
            : t("editor.splitInvalid")}
      </p>
    </EditorPanel>
  );
}
