// The live verdict on the work in progress: each problem in words (also marked on the map), and
// how much of the community no grid covers.
import { useTranslation } from "react-i18next";
import { formatArea } from "../../../format.ts";
import type { EditorCheck } from "./use-editor-check.ts";

export function CheckPanel({ check }: { check: EditorCheck }) {
  const { t, i18n } = useTranslation();
  const { problems, gaps } = check;
  return (
    <section className="map-box check-panel" aria-label={t("editor.check")}>
      <h3>{t("editor.check")}</h3>
      {gaps && (
        <p
          className={gaps.gapPercent >= 0.01 ? "gap-figure has-gap" : "gap-figure"}
          data-testid="gap-figure"
        >
          {gaps.gapPercent >= 0.01
            ? t("editor.gap", {
                percent: gaps.gapPercent.toFixed(gaps.gapPercent < 0.1 ? 2 : 1),
                area: formatArea(gaps.gapArea, i18n.language),
              })
            : t("editor.noGap")}
        </p>
      )}
      {problems.length > 0 ? (
        <ul className="problem-list" aria-label={t("editor.problems", { count: problems.length })}>
          {problems.map((problem) => (
            <li key={`${problem.message}|${problem.at?.join() ?? ""}|${problem.area ?? ""}`}>
              {problem.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("editor.noProblems")}</p>
      )}
    </section>
  );
}
