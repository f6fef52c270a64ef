// Which assigned community the editor has open (kept in the address: see the editor page), and
// the way to bring new communities in from a file.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queries } from "../../../api/queries.ts";
import { Options } from "../../../components/options.tsx";
import { navigate } from "../../../router.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";

export function CommunityPicker() {
  const { t } = useTranslation();
  const communities = useQuery(queries.communities());
  const communityId = useGridEditor((state) => state.communityId);
  const setMode = useGridEditor((state) => state.setMode);
  const none = communities.isSuccess && communities.data.features.length === 0;
  return (
    <div className="map-box editor-community">
      <label>
        <span>{t("editor.community")}</span>
        <select
          value={communityId ?? ""}
          disabled={none}
          onChange={(event) => navigate(`/grids?communityId=${event.target.value}`)}
        >
          {none && <option value="">{t("editor.noCommunities")}</option>}
          <Options
            items={communities.data?.features}
            value={(community) => community.id}
            label={(community) =>
              `${community.properties.name}（${community.properties.streetName}）`
            }
          />
        </select>
      </label>
      <button type="button" onClick={() => setMode("importCommunities")}>
        {t("editor.communityImport")}
      </button>
    </div>
  );
}
