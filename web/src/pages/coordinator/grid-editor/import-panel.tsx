// Importing grids into the open community from a file.
import { useTranslation } from "react-i18next";
import { importGrids } from "../../../api/grid-files.ts";
import { FileImportPanel } from "./file-import-panel.tsx";
import type { EditorContext } from "./mode-panel.tsx";

export function ImportPanel({ community }: EditorContext) {
  const { t } = useTranslation();
  return (
    <FileImportPanel
      target={{
        heading: t("editor.importHeading", { community: community.properties.name }),
        upload: (request) => importGrids({ ...request, communityId: community.id }),
        done: (count) => t("editor.importDone", { count }),
        commitLabel: (count) => t("editor.importCommit", { count }),
      }}
    />
  );
}
