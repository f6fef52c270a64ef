// Automatic partition: choose N (or an area per grid) and what to balance, see exactly N grids
// with their areas and the quality figures, adjust, then replace the community's grids.
import { MAX_PARTS } from "@civgrid/geo";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../../api/client.ts";
import {
  communitiesApi,
  type PartitionRequest,
  type PartitionWeight,
} from "../../../api/communities.ts";
import { versionOf } from "../../../api/grids.ts";
import type { CarryOver } from "../../../api/restructurings.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatArea } from "../../../format.ts";
import { previewOf } from "../../../map/preview.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { useDebounced } from "../../../use-debounced.ts";
import { EditorPanel } from "./editor-panel.tsx";
import type { EditorContext } from "./mode-panel.tsx";
import { PartitionFigures } from "./partition-figures.tsx";
import { type PartitionInput, PartitionInputs } from "./partition-inputs.tsx";
import { RestructuringDialog } from "./restructuring-dialog.tsx";
import { useGridWrite } from "./use-grid-write.ts";
import { usePartitionJob } from "./use-partition-job.ts";
import { useShowPreview } from "./use-show-preview.ts";

const maxCount = MAX_PARTS;

function requestOf({ by, count, targetAreaM2, weight }: PartitionInput): PartitionRequest | null {
  if (by === "count")
    return Number.isInteger(count) && count >= 1 && count <= maxCount ? { count, weight } : null;
  return targetAreaM2 > 0 ? { targetAreaM2, weight } : null;
}

export function PartitionPanel({ community, grids }: EditorContext) {
  const { t, i18n } = useTranslation();
  const { setMode, select } = useGridEditor.getState();
  const [input, setInput] = useState<PartitionInput>(() => ({
    by: "count",
    count: Math.max(grids.length, 2),
    targetAreaM2: Math.round(community.properties.areaM2 / Math.max(grids.length, 2)),
    weight: "area" as PartitionWeight,
  }));
  const [confirming, setConfirming] = useState(false);
  const request = useDebounced(requestOf(input), 300);
  const preview = usePartitionJob(community.id, request);
  const parts = preview.preview?.parts;
  const shown = useMemo(
    () =>
      parts
        ? previewOf(
            parts,
            (index, m2) =>
              `${index + 1}\n${t("grid.areaValue", { value: formatArea(m2, i18n.language) })}`,
          )
        : null,
    [parts, t, i18n.language],
  );
  useShowPreview(shown);

  const accept = useGridWrite(
    (carryOver: CarryOver) =>
      communitiesApi.partition(community.id, parts ?? [], grids.map(versionOf), carryOver),
    {
      success: ({ gridIds }) => t("editor.partitionDone", { count: gridIds.length }),
      next: () => {
        setMode("view");
        select(null); // the grids it was about are gone
      },
    },
  );

  return (
    <EditorPanel
      heading={t("editor.mode.partition")}
      action={{
        label: t("editor.partitionAccept"),
        disabled: !parts || preview.computing || accept.isPending,
        onClick: () => setConfirming(true),
      }}
      confirm={
        confirming &&
        parts && (
          <RestructuringDialog
            communityId={community.id}
            operation={{ kind: "partition", parts, current: grids.map(versionOf) }}
            heading={t("editor.partitionAccept")}
            message={t("restructuring.partitionMessage", {
              community: community.properties.name,
              old: grids.length,
              count: parts.length,
            })}
            confirmLabel={t("editor.partitionReplace")}
            write={accept}
            onClose={() => setConfirming(false)}
          />
        )
      }
    >
      <PartitionInputs value={input} max={maxCount} onChange={setInput} />
      {input.by === "count" && requestOf(input) === null && (
        <p className="field-error" role="alert">
          {t("editor.partitionCountRange", { max: maxCount })}
        </p>
      )}
      {preview.error && <ErrorBanner message={errorText(preview.error)} />}
      {preview.computing && <PartitionProgress progress={preview.progress} />}
      {preview.preview && (
        <PartitionFigures preview={preview.preview} loading={preview.computing} />
      )}
    </EditorPanel>
  );
}

/** How far the server's partition has got: a large outline takes seconds. */
function PartitionProgress({ progress }: { progress: number }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent" }).format(progress);
  return (
    <div className="partition-progress" role="status" data-testid="partition-progress">
      <label>
        {t("editor.partitionProgress", { percent })}
        <progress max={1} value={progress} />
      </label>
    </div>
  );
}
