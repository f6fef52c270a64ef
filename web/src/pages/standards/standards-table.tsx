// The standards table: one row per version, with its size and total points.
import { useTranslation } from "react-i18next";
import type { StandardSummary } from "../../api/standards.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Link } from "../../components/link.tsx";
import { formatDateTime, formatPoints } from "../../format.ts";
import { StatusTag, useScopeLabel } from "./standard-labels.tsx";

/** Right-aligned, as their numbers are. */
const numeric = new Set(["year", "categoryCount", "itemCount", "totalPoints"]);

interface Props {
  standards: StandardSummary[];
  loading: boolean;
}

export function StandardsTable({ standards, loading }: Props) {
  const { t, i18n } = useTranslation();
  const scopeLabel = useScopeLabel();
  const headings = [
    "name",
    "year",
    "version",
    "scope",
    "status",
    "categoryCount",
    "itemCount",
    "totalPoints",
    "createdAt",
    "actions",
  ];
  return (
    <div className="table-scroll">
      <DataTable
        className="table standards-table"
        head={headings.map((heading) => (
          <th key={heading} className={numeric.has(heading) ? "number" : undefined}>
            {t(`standards.${heading}`)}
          </th>
        ))}
        empty={{
          rows: standards.length,
          columns: headings.length,
          loading,
          none: t("standards.none"),
        }}
      >
        {standards.map((standard) => (
          <tr key={standard.id} className={standard.status === "retired" ? "disabled" : undefined}>
            <td>
              <Link to={`/standards/${standard.id}`}>{standard.name}</Link>
            </td>
            <td className="number">{standard.year}</td>
            <td>{t("standards.versionValue", { version: standard.version })}</td>
            <td>{scopeLabel(standard.scope)}</td>
            <td>
              <StatusTag status={standard.status} />
            </td>
            <td className="number">{standard.categoryCount}</td>
            <td className="number">{standard.itemCount}</td>
            <td className="number">{formatPoints(standard.totalPoints, i18n.language)}</td>
            <td>{formatDateTime(standard.createdAt, i18n.language)}</td>
            <td>
              <Link to={`/standards/${standard.id}`} className="table-button">
                {t("standards.open")}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
