// What the API found wrong with a category's or an item's fields, one line each ("分值：…"),
// under its row: narrow inputs (points, radius) have no room for a sentence beneath them.
import { useTranslation } from "react-i18next";

export interface FieldProblem {
  /** The id the input's aria-describedby points to. */
  id: string;
  label: string;
  message: string;
}

export function FieldProblems({ problems }: { problems: FieldProblem[] }) {
  const { t } = useTranslation();
  return problems.map((problem) => (
    <p key={problem.id} id={problem.id} className="field-error">
      {t("standards.fieldProblem", { field: problem.label, message: problem.message })}
    </p>
  ));
}
