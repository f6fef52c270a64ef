// Paging for a table: "1–20 of 57" with previous and next.
import { useTranslation } from "react-i18next";

interface Props {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

export function Pager({ offset, limit, total, onChange }: Props) {
  const { t } = useTranslation();
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <span>
        {total === 0 ? t("pager.empty") : t("pager.range", { first: offset + 1, last, total })}
      </span>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t("pager.previous")}
      </button>
      <button type="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>
        {t("pager.next")}
      </button>
    </nav>
  );
}
