// The ranking as a table: rank, name, points lost, open, overdue, on-time and rework rates.
import { useTranslation } from "react-i18next";
import type { Ranking, RankingRow } from "../../api/rankings.ts";
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
  const columns = [
    "rank",
    "name",
    "pointsLost",
    "problems",
    "open",
    "overdue",
    "onTimeRate",
    "reworkRate",
  ];
  return (
    <div className="table-scroll">
      <table className="table ranking-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column}>{t(`rankings.column.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
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
                {row.id === commended && (
                  <span className="tag flag">{t("rankings.commended")}</span>
                )}
                {criticised.has(row.id) && <span className="tag">{t("rankings.criticised")}</span>}
              </td>
              <td>{formatPoints(row.pointsLost, i18n.language)}</td>
              <td>{row.problems}</td>
              <td>{row.open}</td>
              <td className={row.overdue ? "overdue" : undefined}>{row.overdue}</td>
              <td>{percent(row.onTimeRate, i18n.language)}</td>
              <td>{percent(row.reworkRate, i18n.language)}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {loading ? t("app.loading") : t("rankings.none")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
