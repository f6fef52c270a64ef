// My volunteer activities and hours (志愿服务时长).
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { volunteerQueries } from "../../api/volunteers.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";

export function MyHoursPanel() {
  const { t } = useTranslation();
  const mine = useQuery(volunteerQueries.myActivities());
  if (mine.error)
    return <ErrorBanner message={mine.error.message} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <p className="muted">{t("app.loading")}</p>;
  return (
    <section className="form-card my-hours">
      <h2>{t("volunteer.hours.heading")}</h2>
      <p className="hours-total">
        {t("volunteer.hours.total", {
          hours: mine.data.myHours,
          count: mine.data.activities.length,
        })}
      </p>
      <ul>
        {mine.data.activities.map((a) => (
          <li key={a.id}>
            <strong>{a.heldOn}</strong> {a.title}
            <small>
              {t(`volunteer.kind.${a.kind}`)} · {a.branchName} ·{" "}
              {t("volunteer.hours.mine", { hours: a.myHours })}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
