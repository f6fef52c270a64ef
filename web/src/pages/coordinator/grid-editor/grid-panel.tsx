// The selected grid: its details, who is assigned to it, its history; edit, split or delete it.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can } from "../../../api/auth.ts";
import { type GridFeature, gridsApi, versionOf } from "../../../api/grids.ts";
import { queries } from "../../../api/queries.ts";
import type { CarryOver } from "../../../api/restructurings.ts";
import { useSession } from "../../../api/use-session.ts";
import { DetailPanel } from "../../../components/detail-panel.tsx";
import { QueryErrorBanner } from "../../../components/error-banner.tsx";
import { GridDetails } from "../../../components/grid-details.tsx";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { AssignmentForm } from "./assignment-form.tsx";
import { HistoryList } from "./history-list.tsx";
import { RestructuringDialog } from "./restructuring-dialog.tsx";
import { useGridWrite } from "./use-grid-write.ts";

const tabs = ["details", "assign", "history"] as const;
type Tab = (typeof tabs)[number];

export function GridPanel({ grid }: { grid: GridFeature }) {
  const { t } = useTranslation();
  const { setMode, select } = useGridEditor.getState();
  const [tab, setTab] = useState<Tab>("details");
  // the page needs grids.write; assigning people and units is a permission of its own
  const mayAssign = can(useSession().data, "assignments.write");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const code = grid.properties.code;
  const remove = useGridWrite(
    (carryOver: CarryOver) => gridsApi.remove(versionOf(grid), carryOver[String(grid.id)]),
    {
      success: () => t("editor.deleted", { code }),
      next: () => select(null),
    },
  );
  // A grid being deleted is not read again (it would answer 404).
  const gone = remove.isPending || remove.isSuccess;
  const detail = useQuery({ ...queries.grid(grid.id), enabled: !gone });

  return (
    <DetailPanel heading={t("editor.gridHeading", { code })} onClose={() => select(null)}>
      <div className="grid-actions">
        <button type="button" onClick={() => setMode("edit")}>
          {t("editor.mode.edit")}
        </button>
        <button type="button" onClick={() => setMode("split")}>
          {t("editor.mode.split")}
        </button>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          {t("editor.delete")}
        </button>
      </div>
      <div role="tablist" className="tabs">
        {tabs
          .filter((name) => name !== "assign" || mayAssign)
          .map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
            >
              {t(`editor.tab.${name}`)}
            </button>
          ))}
      </div>
      <div role="tabpanel" hidden={gone}>
        <QueryErrorBanner query={detail} />
        {!detail.data && !detail.error && <p className="muted">{t("panel.loading")}</p>}
        {detail.data && tab === "details" && <GridDetails grid={detail.data.properties} />}
        {detail.data && tab === "assign" && (
          <AssignmentForm key={detail.data.properties.version} grid={detail.data.properties} />
        )}
        {tab === "history" && !gone && <HistoryList grid={grid} />}
      </div>
      {confirmDelete && (
        <RestructuringDialog
          communityId={grid.properties.communityId}
          operation={{ kind: "delete", gridId: grid.id, version: grid.properties.version }}
          heading={t("editor.delete")}
          message={t("editor.deleteConfirm", { code, name: grid.properties.name })}
          confirmLabel={t("editor.delete")}
          write={remove}
          onClose={() => setConfirmDelete(false)}
        />
      )}
    </DetailPanel>
  );
}
