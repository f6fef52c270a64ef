// Importing shapes from a file: pick it and its coordinate system, preview every feature on the
// map with its problems (upload progress shown), then commit them all. What is imported where
// (grids into a community, communities into a street) is the caller's.
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../../api/client.ts";
import {
  type ImportedFeature,
  type ImportPreview,
  type ImportRequest,
  type SourceCrs,
  sourceCrsList,
} from "../../../api/grid-files.ts";
import type { CarryOver, ImportedGrid } from "../../../api/restructurings.ts";
import { DetailPanel } from "../../../components/detail-panel.tsx";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { Options } from "../../../components/options.tsx";
import { ProgressBar } from "../../../components/progress-bar.tsx";
import { badPreviewColour, previewOf } from "../../../map/preview.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { ImportFeatures } from "./import-features.tsx";
import { RestructuringDialog } from "./restructuring-dialog.tsx";
import { useGridWrite } from "./use-grid-write.ts";
import { useShowPreview } from "./use-show-preview.ts";

export interface ImportTarget {
  heading: string;
  /** Fields of the caller's (e.g. the street), shown above the file. */
  fields?: ReactNode;
  /** False while a field of the caller's is missing. */
  ready?: boolean;
  upload: <T>(request: ImportRequest) => Promise<T>;
  /** What to tell the user once saved, e.g. "已导入 3 个网格。". */
  done: (count: number) => string;
  commitLabel: (count: number) => string;
  /** What the editor does next; back to view mode by default. */
  next?: (created: number[]) => void;
  /**
   * When set, the file may replace the community's grids instead: one restructuring whose impact
   * the coordinator sees (and whose carry-over they may change) before it is applied.
   */
  replace?: {
    communityId: number;
    label: string;
    heading: string;
    message: (count: number) => string;
    done: (count: number) => string;
  };
}

/** The file's grids as the restructuring preview takes them back. */
const importedGrids = (features: ImportedFeature[]): ImportedGrid[] =>
  features.flatMap((f) =>
    f.geometry
      ? [{ type: "Feature" as const, geometry: f.geometry, properties: { name: f.name } }]
      : [],
  );

export function FileImportPanel({ target }: { target: ImportTarget }) {
  const { t } = useTranslation();
  const { setMode, setServerProblems } = useGridEditor.getState();
  const [crs, setCrs] = useState<SourceCrs>("wgs84");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const send = <T,>(commit: boolean, carryOver?: CarryOver) =>
    file
      ? target.upload<T>({
          crs,
          file,
          commit,
          onProgress: setProgress,
          replace: replacing ? { carryOver } : undefined,
        })
      : Promise.reject(new Error(t("editor.importPick")));
  const preview = useMutation({ mutationFn: () => send<ImportPreview>(false) });
  const commit = useGridWrite(
    (carryOver?: CarryOver) => send<{ created: number[] }>(true, carryOver),
    {
      success: ({ created }) =>
        replacing && target.replace
          ? target.replace.done(created.length)
          : target.done(created.length),
      next: ({ created }) => (target.next ? target.next(created) : setMode("view")),
    },
  );

  const features = preview.data?.features;
  const readable = useMemo(() => features?.filter((feature) => feature.geometry) ?? [], [features]);
  const shown = useMemo(
    () =>
      readable.length
        ? previewOf(
            readable.flatMap((feature) => (feature.geometry ? [feature.geometry] : [])),
            (index) => readable[index]?.name ?? `#${(readable[index]?.index ?? index) + 1}`,
            (index) => (readable[index]?.problems.length ? badPreviewColour : "#74c0fc"),
          )
        : null,
    [readable],
  );
  useShowPreview(shown);
  useEffect(
    () => setServerProblems(features?.flatMap((feature) => feature.problems) ?? []),
    [features, setServerProblems],
  );

  const restart = () => {
    preview.reset();
    setProgress(null);
  };
  const busy = preview.isPending || commit.isPending;

  return (
    <DetailPanel heading={target.heading} onClose={() => setMode("view")}>
      <div className="editor-form">
        {target.fields}
        <label className="form-field">
          <span>{t("editor.importFile")}</span>
          <input
            type="file"
            accept=".geojson,.json,.kml,.zip"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              restart();
            }}
          />
        </label>
        <label className="form-field">
          <span>{t("editor.importCrs")}</span>
          <select
            value={crs}
            onChange={(event) => {
              setCrs(event.target.value as SourceCrs);
              restart();
            }}
          >
            <Options items={sourceCrsList} label={(name) => t(`editor.crs_${name}`)} />
          </select>
        </label>
        {target.replace && (
          <label className="check-field">
            <input
              type="checkbox"
              checked={replacing}
              onChange={(event) => {
                setReplacing(event.target.checked);
                restart();
              }}
            />
            {target.replace.label}
          </label>
        )}
        {progress !== null && <ProgressBar value={progress} label={t("editor.uploading")} />}
        {preview.error && <ErrorBanner message={errorText(preview.error)} />}
        {preview.data && <ImportFeatures preview={preview.data} />}
        <div className="form-buttons">
          <button
            type="button"
            disabled={!file || target.ready === false || busy}
            onClick={() => preview.mutate()}
          >
            {t("editor.importPreview")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview.data?.ok || busy}
            onClick={() => (replacing ? setConfirming(true) : commit.mutate(undefined))}
          >
            {target.commitLabel(preview.data?.features.length ?? 0)}
          </button>
        </div>
      </div>
      {confirming && target.replace && (
        <RestructuringDialog
          communityId={target.replace.communityId}
          operation={{ kind: "import", features: importedGrids(readable) }}
          heading={target.replace.heading}
          message={target.replace.message(readable.length)}
          confirmLabel={t("editor.partitionReplace")}
          write={commit}
          onClose={() => setConfirming(false)}
        />
      )}
    </DetailPanel>
  );
}
