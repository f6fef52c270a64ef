// The community's restructurings (网格调整记录), newest first, each undoable as a whole while no
// newer edit touched its grids.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Restructuring, restructuringsApi } from "../../../api/restructurings.ts";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatDateTime } from "../../../format.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { useGridWrite } from "./use-grid-write.ts";

const codes = (grids: { code: string }[]) => grids.map((g) => g.code).join("、") || "—";

export function RestructuringList({ communityId }: { communityId: number }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ["restructurings", communityId],
    queryFn: () => restructuringsApi.list(communityId),
  });
  const [undoing, setUndoing] = useState<Restructuring | null>(null);
  const undo = useGridWrite((r: Restructuring) => restructuringsApi.undo(communityId, r.id), {
    success: (_, r) => t("restructuring.undone", { kind: t(`restructuring.kind.${r.kind}`) }),
    next: () => useGridEditor.getState().select(null),
  });
  const rows = list.data?.restructurings ?? [];
  return (
    <details className="map-box restructuring-list" data-testid="restructuring-list">
      <summary>{t("restructuring.listHeading", { count: rows.length })}</summary>
      {list.error && <ErrorBanner message={list.error.message} />}
      {list.data && rows.length === 0 && <p className="muted">{t("restructuring.none")}</p>}
      <ol className="plain">
        {rows.map((r) => (
          <li key={r.id}>
            <div>
              <strong>{t(`restructuring.kind.${r.kind}`)}</strong>{" "}
              <span className="muted">
                {r.by ?? "—"} · {formatDateTime(r.at, i18n.language)}
              </span>
            </div>
            <div className="muted">
              {t("restructuring.beforeAfter", {
                before: codes(r.gridsBefore),
                after: codes(r.gridsAfter),
              })}
            </div>
            {r.undone ? (
              <span className="muted">{t("restructuring.wasUndone")}</span>
            ) : r.undoable ? (
              <button type="button" disabled={undo.isPending} onClick={() => setUndoing(r)}>
                {t("restructuring.undo")}
              </button>
            ) : (
              <span className="muted">{t("restructuring.notUndoable")}</span>
            )}
          </li>
        ))}
      </ol>
      {undoing && (
        <ConfirmDialog
          heading={t("restructuring.undo")}
          message={t("restructuring.undoConfirm", {
            kind: t(`restructuring.kind.${undoing.kind}`),
            before: codes(undoing.gridsBefore),
            after: codes(undoing.gridsAfter),
          })}
          confirmLabel={t("restructuring.undo")}
          busy={undo.isPending}
          onConfirm={() => {
            const chosen = undoing;
            setUndoing(null);
            undo.mutate(chosen);
          }}
          onCancel={() => setUndoing(null)}
        />
      )}
    </details>
  );
}
