// The column headings of a category's items, the same whether read or edited, so every
// category's table lines up with the others.
import { useTranslation } from "react-i18next";

const columns = ["code", "title", "checklist", "points", "evidence"] as const;

export function ItemsHead({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} className={`column-${column}`}>
            {t(`standards.${column}`)}
          </th>
        ))}
        {editing && (
          <th className="column-actions">
            <span className="visually-hidden">{t("standards.actions")}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
