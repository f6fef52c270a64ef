// How good a partition preview is: how even (CV of the balanced quantity), how compact (mean
// Polsby–Popper, 1 for a circle), and how long it took.
import { useTranslation } from "react-i18next";
import type { PartitionPreview } from "../../../api/communities.ts";
import { Field, Fields } from "../../../components/fields.tsx";

export function PartitionFigures({
  preview,
  loading,
}: {
  preview: PartitionPreview;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(i18n.language, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(value);
  // A CV of 0.00002 % says "as even as it gets"; more digits would only look like noise.
  const percent = (value: number) => (value < 0.01 ? "< 0.01%" : `${number(value, 2)}%`);
  return (
    <div
      className={loading ? "partition-figures loading" : "partition-figures"}
      aria-busy={loading}
      data-testid="partition-figures"
    >
      <Fields>
        <Field label={t("editor.figureCount")}>{preview.count}</Field>
        <Field label={t("editor.figureCv", { weight: t(`editor.weight_${preview.weight}`) })}>
          {percent(preview.metrics.cv * 100)}
        </Field>
        <Field label={t("editor.figurePp")}>{number(preview.metrics.polsbyPopper, 3)}</Field>
        <Field label={t("editor.figureTime")}>
          {t("editor.ms", { value: number(preview.metrics.ms, 0) })}
        </Field>
        {preview.pointCount !== null && (
          <Field label={t("editor.figurePoints")}>{preview.pointCount}</Field>
        )}
      </Fields>
      <p className="form-note">{t("editor.cvHelp")}</p>
      <p className="form-note">{t("editor.ppHelp")}</p>
    </div>
  );
}
