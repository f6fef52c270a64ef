// A standard's heading: name, status, year, version, scope, size and total points, with the
// buttons of the page beside it. Stays in view while its categories scroll by.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { StandardSummary } from "../../api/standards.ts";
import { formatPoints } from "../../format.ts";
import { StatusTag, useScopeLabel } from "./standard-labels.tsx";

export interface StandardSize {
  categories: number;
  items: number;
  points: number;
}

interface Props {
  standard: StandardSummary;
  /** As shown: a draft's size and total follow its edits before they are saved. */
  size: StandardSize;
  /** Between the summary and the buttons, e.g. "unsaved changes". */
  note?: ReactNode;
  children: ReactNode;
}

export function StandardHeading({ standard, size, note, children }: Props) {
  const { t, i18n } = useTranslation();
  const scopeLabel = useScopeLabel();
  return (
    <div className="standard-heading">
      <div className="standard-title">
        <h2>
          {standard.name} <StatusTag status={standard.status} />
        </h2>
        <p className="form-note">
          {t("standards.summary", {
            year: standard.year,
            version: standard.version,
            scope: scopeLabel(standard.scope),
          })}
        </p>
      </div>
      <p className="standard-total" aria-live="polite">
        {t("standards.size", { categories: size.categories, items: size.items })}
        <strong>
          {t("standards.totalValue", { points: formatPoints(size.points, i18n.language) })}
        </strong>
      </p>
      {note}
      <div className="standard-buttons">{children}</div>
    </div>
  );
}
