// The division table's rows under sortable headers (click a header; again to reverse).
import { useTranslation } from "react-i18next";
import type { DivisionRow } from "../../api/grid-files.ts";
import { DataTable } from "../../components/data-table.tsx";
import { formatArea } from "../../format.ts";
import { type DivisionColumn, type DivisionSort, nextSort } from "./division-sort.ts";

const columns: readonly DivisionColumn[] = [
  "code",
  "communityName",
  "areaM2",
  "leadUnit",
  "supportUnits",
  "leader",
  "volunteerCount",
];

interface Props {
  rows: readonly DivisionRow[];
  loading: boolean;
  sort: DivisionSort;
  onSort: (sort: DivisionSort) => void;
}

export function DivisionTable({ rows, loading, sort, onSort }: Props) {
  const { t, i18n } = useTranslation();
  const ariaSort = (column: DivisionColumn) =>
    sort.column !== column ? undefined : sort.descending ? "descending" : "ascending";
  return (
    <div className="table-scroll">
      <DataTable
        className="table division-table"
        head={columns.map((column) => (
          <th key={column} aria-sort={ariaSort(column)}>
            <button
              type="button"
              className="sort-button"
              onClick={() => onSort(nextSort(sort, column))}
            >
              {t(`division.column.${column}`)}
              <span aria-hidden="true">
                {sort.column === column ? (sort.descending ? " ▼" : " ▲") : ""}
              </span>
            </button>
          </th>
        ))}
        empty={{ rows: rows.length, columns: columns.length, loading, none: t("division.none") }}
      >
        {rows.map((row) => (
          <tr key={row.gridId}>
            <td className="code">{row.code}</td>
            <td>{row.communityName}</td>
            <td className="number">{formatArea(row.areaM2, i18n.language)}</td>
            <td>{row.leadUnit ?? t("panel.none")}</td>
            <td className="wrap">{row.supportUnits.join("、") || t("panel.none")}</td>
            <td>
              {row.leader ?? t("panel.none")}
              {row.leaderMobile && <small className="muted"> {row.leaderMobile}</small>}
            </td>
            <td className="number">{row.volunteerCount}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
