// Merging two neighbouring grids: pick them on the map, check they share a border, confirm.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { gridsApi, versionOf } from "../../../api/grids.ts";
import type { CarryOver } from "../../../api/restructurings.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { EditorPanel } from "./editor-panel.tsx";
import type { EditorContext } from "./mode-panel.tsx";
import { RestructuringDialog } from "./restructuring-dialog.tsx";
import { useGridWrite } from "./use-grid-write.ts";

export function MergePanel({ community, grids, check }: EditorContext) {
  const { t } = useTranslation();
  const mergeIds = useGridEditor((state) => state.mergeIds);
  const { setMode, select } = useGridEditor.getState();
  const [confirming, setConfirming] = useState(false);
  const picked = mergeIds.flatMap((id) => grids.filter((grid) => grid.id === id));
  const codes = picked.map((grid) => grid.properties.code);
  const [a, b] = picked;
  const refs = a && b ? ([versionOf(a), versionOf(b)] as const) : null;
  const merge = useGridWrite(
    (carryOver: CarryOver) => (refs ? gridsApi.merge([...refs], carryOver) : Promise.reject()),
    {
      success: (grid) => t("editor.mergeDone", { code: grid.properties.code }),
      next: (grid) => {
        setMode("view");
        select(grid.id);
      },
    },
  );
  const ready = picked.length === 2 && check.preview !== null;

  return (
    <EditorPanel
      heading={t("editor.mode.merge")}
      action={{ label: t("editor.merge"), disabled: !ready, onClick: () => setConfirming(true) }}
      confirm={
        confirming &&
        refs && (
          <RestructuringDialog
            communityId={community.id}
            operation={{ kind: "merge", grids: [...refs] }}
            heading={t("editor.mode.merge")}
            message={t("editor.mergeConfirm", {
              a: codes[0],
              b: codes[1],
              kept: [...codes].sort()[0],
            })}
            confirmLabel={t("editor.merge")}
            write={merge}
            onClose={() => setConfirming(false)}
          />
        )
      }
    >
      <p>
        {picked.length < 2
          ? t("editor.hint.merge")
          : ready
            ? t("editor.mergeReady")
            : t("editor.mergeInvalid")}
      </p>
      <ul className="plain picked-grids">
        {picked.map((grid) => (
          <li key={grid.id}>
            <span className="code">{grid.properties.code}</span> {grid.properties.name}
          </li>
        ))}
      </ul>
    </EditorPanel>
  );
}
