// Merging two neighbouring grids: pick them on the map, check they share a border, confirm.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { gridsApi, versionOf } from "../../../api/grids.ts";
import type { CarryOver } from "../../../api/restructurings.ts";
import { DetailPanel } from "../../../components/detail-panel.tsx";
import { useGridEditor } from "../../../state/grid-editor.ts";
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
    <DetailPanel heading={t("editor.mode.merge")} onClose={() => setMode("view")}>
      <div className="editor-form">
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
        <div className="form-buttons">
          <button
            type="button"
            className="primary"
            disabled={!ready}
            onClick={() => setConfirming(true)}
          >
            {t("editor.merge")}
          </button>
          <button type="button" onClick={() => setMode("view")}>
            {t("editor.cancel")}
          </button>
        </div>
      </div>
      {confirming && refs && (
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
          busy={merge.isPending}
          onConfirm={(carryOver) => {
            setConfirming(false);
            merge.mutate(carryOver);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </DetailPanel>
  );
}
