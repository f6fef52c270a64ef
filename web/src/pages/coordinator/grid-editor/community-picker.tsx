// Which assigned community the editor has open (kept in the address: see the editor page).
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queries } from "../../../api/queries.ts";
import { navigate } from "../../../router.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";

export function CommunityPicker() {
  const { t } = useTranslation();
  const communities = useQuery(queries.communities());
  const communityId = useGridEditor((state) => state.communityId);
  return (
    <label className="map-box editor-community">
      <span>{t("editor.community")}</span>
      <select
        value={communityId ?? ""}
        onChange={(event) => navigate(`/grids?communityId=${event.target.value}`)}
      >
        {communities.data?.features.map((community) => (
          <option key={community.id} value={community.id}>
            {community.properties.name}（{community.properties.streetName}）
          </option>
        ))}
      </select>
    </label>
  );
}
