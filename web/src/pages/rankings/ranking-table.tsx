// The ranking as a table: the notice's columns (geo's RANKING_COLUMNS, the XLSX's too), best first.
import { RANKING_COLUMNS, RATE_COLUMNS, type RankingColumn } from "@civgrid/geo";
import { useTranslation } from "react-i18next";
import type { Ranking, RankingRow } from "../../api/rankings.ts";
import { DataTable } from "../../components/data-table.tsx";
import { formatPoints } from "../../format.ts";

const percent = (rate: number | null, language: string) =>
  rate === null
    ? "—"
    : new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(rate);

export function RankingTable({
  ranking,
  loading,
  selectedId,
  onSelect,
}: {
  ranking: Ranking | undefined;
  loading: boolean;
  /** The leaders' view: a click on a row shows that unit or grid on the map. */
  selectedId?: number | undefined;
  onSelect?: (row: RankingRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = ranking?.rows ?? [];
  const commended = ranking?.commended?.id;
  const criticised = new Set(ranking?.criticised.map((row) => row.id));
  const columns = RANKING_COLUMNS;
  const header = (column: RankingColumn) =>
    t(`rankings.column.${column === "name" ? (ranking?.by ?? "unit") : column}`);
  /** A plain count or rate cell; rank, name and points lost have their own. */
  const cell = (row: RankingRow, column: RankingColumn) =>
    RATE_COLUMNS.includes(column)
      ? percent(row[column] as number | null, i18n.language)
      : String(row[column as keyof RankingRow]);
  return (
    <div className="table-scroll">
      <DataTable
        className="table ranking-table"
        head={columns.map((column) => <th key={column}>{header(column)}</th>)}
        empty={{ rows: rows.length, columns: columns.length, loading, none: t("rankings.none") }}
      >
        {rows.map((row) => (
          <tr
            key={row.id}
            className={[
              row.id === commended && "commended-row",
              criticised.has(row.id) && "criticised-row",
              row.id === selectedId && "selected-row",
            ]
              .filter(Boolean)
              .join(" ")}
          >
            <td>{row.rank}</td>
            <td>
              {onSelect ? (
                <button type="button" className="link-button" onClick={() => onSelect(row)}>
                  {row.name}
                </button>
              ) : (
                row.name
              )}
              {row.id === commended && <span className="tag flag">{t("rankings.commended")}</span>}
              {criticised.has(row.id) && <span className="tag">{t("rankings.criticised")}</span>}
            </td>
            <td>{formatPoints(row.pointsLost, i18n.language)}</td>
            {columns.slice(3).map((column) => (
              <td
                key={column}
                className={column === "overdue" && row.overdue ? "overdue" : undefined}
              >
                {cell(row, column)}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
