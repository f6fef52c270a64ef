// A standard read as printed: its categories in order, each with its items and their points.
// Active and retired ones are changed only by copying them into a new version (a draft).
import { useTranslation } from "react-i18next";
import { errorText } from "../../api/client.ts";
import { type StandardDetail, standardsApi, useStandardsMutation } from "../../api/standards.ts";
import { DownloadLink } from "../../components/download-link.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { formatPoints } from "../../format.ts";
import { navigate } from "../../router.ts";
import { ItemsHead } from "./items-head.tsx";
import { StandardHeading } from "./standard-heading.tsx";

interface Props {
  standard: StandardDetail;
  canWrite: boolean;
}

export function StandardView({ standard, canWrite }: Props) {
  const { t, i18n } = useTranslation();
  const copy = useStandardsMutation(standardsApi.copy);
  const points = (value: number) => formatPoints(value, i18n.language);

  return (
    <>
      <StandardHeading
        standard={standard}
        size={{
          categories: standard.categoryCount,
          items: standard.itemCount,
          points: standard.totalPoints,
        }}
      >
        {canWrite && (
          <button
            type="button"
            className="primary"
            disabled={copy.isPending}
            onClick={() =>
              copy.mutate(standard.id, {
                onSuccess: (draft) => navigate(`/standards/${draft.id}`),
              })
            }
          >
            {t("standards.copy")}
          </button>
        )}
        <DownloadLink href={standardsApi.exportUrl(standard.id)}>
          {t("standards.export")}
        </DownloadLink>
      </StandardHeading>
      {copy.error && <ErrorBanner message={errorText(copy.error)} />}
      {canWrite && standard.status !== "draft" && (
        <p className="form-note">{t("standards.frozenNote")}</p>
      )}
      {standard.categories.map((category) => (
        <section
          key={category.id}
          className="standard-category"
          aria-label={`${category.seq} ${category.name}`}
        >
          <header>
            <span className="category-seq">{category.seq}</span>
            <h3>{category.name}</h3>
            <span className="category-meta">
              {t("standards.radiusValue", { metres: category.duplicateRadiusM })}
            </span>
            <span className="category-meta">
              {t("standards.pointsValue", {
                points: points(category.items.reduce((sum, item) => sum + item.points, 0)),
              })}
            </span>
          </header>
          <div className="table-scroll">
            <table className="table standard-items">
              <ItemsHead editing={false} />
              <tbody>
                {category.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.code}</td>
                    <td className="wrap">{item.title}</td>
                    <td className="wrap">{item.checklist}</td>
                    <td className="number">{points(item.points)}</td>
                    <td className="wrap">{item.evidence || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
