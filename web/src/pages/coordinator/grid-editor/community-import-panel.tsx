// Importing communities (社区) of a street from a file; the editor then opens the first of them.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importCommunities } from "../../../api/grid-files.ts";
import { queries } from "../../../api/queries.ts";
import { Options } from "../../../components/options.tsx";
import { navigate } from "../../../router.ts";
import { FileImportPanel } from "./file-import-panel.tsx";

export function CommunityImportPanel() {
  const { t } = useTranslation();
  const streets = useQuery(queries.streets());
  const [streetId, setStreetId] = useState<number | null>(null);
  const chosen = streetId ?? streets.data?.features[0]?.id ?? null;
  return (
    <FileImportPanel
      target={{
        heading: t("editor.communityImportHeading"),
        fields: (
          <label className="form-field">
            <span>{t("editor.street")}</span>
            <select
              value={chosen ?? ""}
              onChange={(event) => setStreetId(Number(event.target.value))}
            >
              <Options
                items={streets.data?.features}
                value={(street) => street.id}
                label={(street) => `${street.properties.name}（${street.properties.code}）`}
              />
            </select>
          </label>
        ),
        ready: chosen !== null,
        upload: (request) => importCommunities({ ...request, streetId: chosen ?? 0 }),
        done: (count) => t("editor.communityImportDone", { count }),
        commitLabel: (count) => t("editor.communityImportCommit", { count }),
        next: (created) => navigate(`/grids?communityId=${created[0]}`),
      }}
    />
  );
}
