// The one row a table shows while it has no others: "loading" until its rows come, then the
// table's own words for none.
import { useTranslation } from "react-i18next";

interface Props {
  /** How many rows the table has; with any, nothing is shown. */
  rows: number;
  /** How many columns the row spans. */
  columns: number;
  loading: boolean;
  none: string;
}

export function EmptyRow({ rows, columns, loading, none }: Props) {
  const { t } = useTranslation();
  if (rows > 0) return null;
  return (
    <tr>
      <td colSpan={columns} className="empty">
        {loading ? t("app.loading") : none}
      </td>
    </tr>
  );
}
