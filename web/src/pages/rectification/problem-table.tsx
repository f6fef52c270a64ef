// The board's list of problems: one row each, overdue rows in red, a click opens the problem.
import { useTranslation } from "react-i18next";
import type { ProblemCollection } from "../../api/types.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { waitedFor } from "../../components/waited-for.ts";
import { formatDateTime, formatPoints } from "../../format.ts";

interface Props {
  problems: ProblemCollection["features"];
  loading: boolean;
}

export function ProblemTable({ problems, loading }: Props) {
  const { t, i18n } = useTranslation();
  const none = t("panel.none");
  const columns = ["id", "description", "status", "deadline", "unit", "item", "points", "source"];
  return (
    <div className="table-scroll">
      <DataTable
        className="table problem-table"
        head={columns.map((column) => <th key={column}>{t(`rectification.column.${column}`)}</th>)}
        empty={{
          rows: problems.length,
          columns: columns.length,
          loading,
          none: t("rectification.none"),
        }}
      >
        {problems.map(({ properties: p }) => (
          <tr key={p.id} className={p.overdue ? "overdue-row" : undefined}>
            <td>
              <Link to={`/problems/${p.id}`}>{p.id}</Link>
            </td>
            <td className="description-cell">
              <Link to={`/problems/${p.id}`}>{p.description}</Link>
            </td>
            <td>
              <StatusBadge status={p.status} />
            </td>
            <td className={p.overdue ? "deadline-cell overdue" : "deadline-cell"}>
              {p.deadline
                ? formatDateTime(p.deadline, i18n.language)
                : p.awaitingSince
                  ? `${t("loop.awaitingHeading")} · ${waitedFor(p.awaitingSince, t)}`
                  : none}
              {p.overdue && <span className="overdue-tag">{t("problem.overdue")}</span>}
            </td>
            <td className="unit-cell">
              {p.unitName ?? none}
              {p.gridCode && <small className="code">{p.gridCode}</small>}
            </td>
            <td className="item-cell">
              {p.itemCode ? `${p.itemCode} ${p.itemTitle ?? ""}` : none}
            </td>
            <td>{formatPoints(p.deduction, i18n.language)}</td>
            <td>{t(`source.${p.source}`)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
