// What a recorded inspection came to: points visited, items failed, points lost, and the
// problems it created (each opens its page).
import { useTranslation } from "react-i18next";
import type { RecordedInspection } from "../../api/inspections.ts";
import { Link } from "../../components/link.tsx";
import { SuccessNote } from "../../components/submit-buttons.tsx";
import { formatPoints } from "../../format.ts";

interface Props {
  inspection: RecordedInspection;
  onNext: () => void;
}

export function InspectionResult({ inspection, onNext }: Props) {
  const { t, i18n } = useTranslation();
  // Each failed result became one problem, in the same order.
  const failed = inspection.results.filter((result) => result.result === "fail");
  return (
    <section className="inspect-section inspection-result">
      <SuccessNote>{t("inspect.recorded", { id: inspection.id })}</SuccessNote>
      <p>
        {t("inspect.resultTotals", {
          visited: inspection.pointsVisited,
          failed: inspection.failed,
          points: formatPoints(inspection.pointsLost, i18n.language),
        })}
      </p>
      {inspection.problemIds.length > 0 ? (
        <>
          <h3>{t("inspect.problemsCreated", { count: inspection.problemIds.length })}</h3>
          <ul className="created-problems">
            {inspection.problemIds.map((id, index) => {
              const result = failed[index];
              return (
                <li key={id}>
                  <Link to={`/problems/${id}`}>{t("rectification.problemHeading", { id })}</Link>
                  {result && (
                    <span className="created-problem-what">
                      {result.pointName} · {result.itemCode} {result.itemTitle}
                      {result.note && ` · ${result.note}`}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="muted">{t("inspect.noProblems")}</p>
      )}
      <button type="button" className="primary" onClick={onNext}>
        {t("inspect.next")}
      </button>
    </section>
  );
}
