// The features a file holds, as the preview read them: name, area, and what is wrong with each.
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../api/grid-files.ts";
import { formatArea } from "../../../format.ts";

export function ImportFeatures({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="import-features">
      <p className={preview.ok ? "success" : "field-error"}>
        {preview.ok
          ? t("editor.importOk", { count: preview.features.length, kind: preview.kind })
          : t("editor.importBad", {
              count: preview.features.filter((feature) => feature.problems.length).length,
            })}
      </p>
      <ol className="feature-list">
        {preview.features.map((feature) => (
          <li key={feature.index} className={feature.problems.length ? "bad" : undefined}>
            <strong>{feature.name || t("editor.featureN", { n: feature.index + 1 })}</strong>
            {feature.areaM2 !== null && (
              <span className="muted">
                {" "}
                {t("grid.areaValue", { value: formatArea(feature.areaM2, i18n.language) })}
              </span>
            )}
            {feature.problems.length > 0 && (
              <ul>
                {feature.problems.map((problem) => (
                  <li key={`${problem.message}|${problem.at?.join() ?? ""}`}>{problem.message}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
