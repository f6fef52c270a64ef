// Importing grids into the open community from a file.
import { useTranslation } from "react-i18next";
import { importGrids } from "../../../api/grid-files.ts";
import { FileImportPanel } from "./file-import-panel.tsx";
import type { EditorContext } from "./mode-panel.tsx";

export function ImportPanel({ community, grids }: EditorContext) {
  const { t } = useTranslation();
  return (
    <FileImportPanel
      target={{
        heading: t("editor.importHeading", { community: community.properties.name }),
        upload: (request) => importGrids({ ...request, communityId: community.id }),
        done: (count) => t("editor.importDone", { count }),
        commitLabel: (count) => t("editor.importCommit", { count }),
        // Only where there are grids to replace.
        ...(grids.length > 0 && {
          replace: {
            communityId: community.id,
            label: t("editor.importReplace"),
            heading: t("editor.partitionReplace"),
            message: (count: number) =>
              t("restructuring.importMessage", {
                community: community.properties.name,
                old: grids.length,
                count,
              }),
            done: (count: number) => t("editor.importReplaceDone", { count }),
          },
        }),
      }}
    />
  );
}
