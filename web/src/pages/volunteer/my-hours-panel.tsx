// My volunteer activities and hours (志愿服务时长), each with its photos (a thumbnail opens one).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type MyArea, volunteerQueries } from "../../api/volunteers.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ActivityForm } from "./activity-form.tsx";

export function MyHoursPanel({
  area,
  personId,
}: {
  area: MyArea | undefined;
  personId: number | null;
}) {
  const { t } = useTranslation();
  const mine = useQuery(volunteerQueries.myActivities());
  const [logging, setLogging] = useState(false);
  if (logging && area)
    return <ActivityForm area={area} personId={personId} onDone={() => setLogging(false)} />;
  if (mine.error)
    return <ErrorBanner message={mine.error.message} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <p className="muted">{t("app.loading")}</p>;
  return (
    <section className="form-card my-hours">
      <h2>{t("volunteer.hours.heading")}</h2>
      <button type="button" onClick={() => setLogging(true)} disabled={!area}>
        {t("volunteer.activity.log")}
      </button>
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
            {a.photoIds.length > 0 && (
              <span className="activity-photos">
                {a.photoIds.map((id, i) => (
                  <a key={id} href={`/api/files/${id}`} target="_blank" rel="noreferrer">
                    <img
                      src={`/api/files/${id}/thumbnail`}
                      alt={t("volunteer.activity.photo", { title: a.title, n: i + 1 })}
                      loading="lazy"
                    />
                  </a>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
