// The division table (分工表, /grids/division): every grid with its community, area, lead and
// supporting units, leader and number of volunteers; sortable; exported as Excel.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { divisionApi } from "../../api/grid-files.ts";
import { queries } from "../../api/queries.ts";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { Options } from "../../components/options.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { navigate, useLocation } from "../../router.ts";
import { type DivisionSort, sortDivision } from "./division-sort.ts";
import { DivisionTable } from "./division-table.tsx";

export function DivisionPage() {
  const { t, i18n } = useTranslation();
  const { params } = useLocation();
  const communityId = Number(params.get("communityId")) || undefined;
  const communities = useQuery(queries.communities());
  const division = useQuery(queries.division(communityId));
  const [sort, setSort] = useState<DivisionSort>({ column: "code", descending: false });
  const rows = useMemo(
    () => sortDivision(division.data?.rows ?? [], sort, i18n.language),
    [division.data, sort, i18n.language],
  );

  return (
    <div className="page">
      <PageHead
        heading={t("division.heading")}
        download={{ href: divisionApi.xlsxUrl(communityId), label: t("division.exportExcel") }}
      />
      <div className="filters">
        <select
          aria-label={t("division.community")}
          value={communityId ?? ""}
          onChange={(event) =>
            navigate(
              event.target.value
                ? `/grids/division?communityId=${event.target.value}`
                : "/grids/division",
              {
                replace: true,
              },
            )
          }
        >
          <option value="">{t("division.allCommunities")}</option>
          <Options
            items={communities.data?.features}
            value={(community) => community.id}
            label={(community) => community.properties.name}
          />
        </select>
      </div>
      <QueryErrorBanner query={division} />
      <DivisionTable rows={rows} loading={division.isPending} sort={sort} onSort={setSort} />
    </div>
  );
}
