// A grid's history, newest first: every version with its change, who, when, area and lead
// unit; any older version can be shown on the map and restored.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client.ts";
import { type GridFeature, type GridVersion, gridsApi, versionOf } from "../../../api/grids.ts";
import { queries } from "../../../api/queries.ts";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatArea, formatDateTime } from "../../../format.ts";
import { previewOf } from "../../../map/preview.ts";
import { useGridWrite } from "./use-grid-write.ts";
import { useShowPreview } from "./use-show-preview.ts";

const oldVersionColour = "#ffd43b";

export function HistoryList({ grid }: { grid: GridFeature }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(queries.gridHistory(grid.id));
  const units = useQuery(queries.units());
  const [shown, setShown] = useState<GridVersion | null>(null);
  const [reverting, setReverting] = useState<GridVersion | null>(null);
  const code = grid.properties.code;
  const revert = useGridWrite((toVersion: number) => gridsApi.revert(versionOf(grid), toVersion), {
    success: (_, toVersion) => t("editor.reverted", { code, version: toVersion }),
  });
  // A version from before a split overlaps the pieces: the API names them, to merge back instead.
  const pieces = revert.error instanceof ApiError ? revert.error.details.mergeWith : undefined;
  const mergeBack = useGridWrite(
    (refs: { id: number; version: number }[]) =>
      gridsApi.merge(refs.map(({ id, version }) => ({ id, version }))),
    {
      success: (merged) => t("editor.mergeDone", { code: merged.properties.code }),
      next: () => revert.reset(),
    },
  );
  useShowPreview(
    useMemo(
      () =>
        shown
          ? previewOf(
              [shown.geometry],
              () => `v${shown.version}`,
              () => oldVersionColour,
            )
          : null,
      [shown],
    ),
  );
  const unitName = (version: GridVersion) => {
    const lead = version.assignments.units.find((unit) => unit.role === "lead");
    const unit = units.data?.features.find((feature) => feature.id === lead?.unitId);
    return unit?.properties.shortName ?? t("panel.none");
  };

  if (history.error)
    return <ErrorBanner message={history.error.message} onRetry={() => void history.refetch()} />;
  if (!history.data) return <p className="muted">{t("panel.loading")}</p>;
  const [latest] = history.data.versions;
  return (
    <>
      <ol className="history-list">
        {history.data.versions.map((version) => (
          <li
            key={version.version}
            className={shown?.version === version.version ? "shown" : undefined}
          >
            <div>
              <strong>v{version.version}</strong> {t(`editor.change.${version.change}`)} ·{" "}
              {formatDateTime(version.changedAt, i18n.language)} ·{" "}
              {version.changedBy ?? t("audit.system")}
            </div>
            <div className="muted">
              {t("grid.areaValue", { value: formatArea(version.areaM2, i18n.language) })} ·{" "}
              {t("editor.leadShort", { unit: unitName(version) })}
            </div>
            <div className="row-actions">
              <button
                type="button"
                onClick={() => setShown(shown?.version === version.version ? null : version)}
              >
                {shown?.version === version.version
                  ? t("editor.hideVersion")
                  : t("editor.showVersion")}
              </button>
              {version !== latest && (
                <button type="button" onClick={() => setReverting(version)}>
                  {t("editor.revert")}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {pieces && !mergeBack.isSuccess && (
        <ConfirmDialog
          heading={t("editor.revert")}
          message={t("restructuring.mergeBack", { pieces: pieces.map((p) => p.code).join("、") })}
          confirmLabel={t("editor.merge")}
          busy={mergeBack.isPending}
          onConfirm={() => mergeBack.mutate(pieces)}
          onCancel={() => revert.reset()}
        />
      )}
      {reverting && (
        <ConfirmDialog
          heading={t("editor.revert")}
          message={t("editor.revertConfirm", { code, version: reverting.version })}
          confirmLabel={t("editor.revert")}
          busy={revert.isPending}
          onConfirm={() => {
            setReverting(null);
            setShown(null);
            revert.mutate(reverting.version);
          }}
          onCancel={() => setReverting(null)}
        />
      )}
    </>
  );
}
