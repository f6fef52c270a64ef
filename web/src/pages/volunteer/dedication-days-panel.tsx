// Grid dedication days (创城网格奉献日) from today: sign up, and on the day check in from inside
// the grid (the API says how far outside a position is).
import { chinaDate } from "@civgrid/geo";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api/client.ts";
import { volunteerQueries, volunteersApi } from "../../api/volunteers.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import type { Fix } from "./use-position.ts";

const todayInChina = () => chinaDate();

export function DedicationDaysPanel({ fix }: { fix: Fix | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = todayInChina();
  const days = useQuery(volunteerQueries.dedicationDays(today));
  const [problem, setProblem] = useState<{ id: number; message: string } | null>(null);
  const act = useMutation({
    mutationFn: ({ id, checkIn }: { id: number; checkIn: boolean }) =>
      checkIn && fix
        ? volunteersApi.checkIn(id, { lon: fix.lon, lat: fix.lat, accuracyM: fix.accuracyM })
        : volunteersApi.signUp(id),
    onMutate: () => setProblem(null),
    onError: (error, { id }) => setProblem({ id, message: errorText(error) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["dedication-days"] }),
  });

  if (days.error)
    return <ErrorBanner message={days.error.message} onRetry={() => void days.refetch()} />;
  const list = days.data?.days ?? [];
  return (
    <section className="form-card dedication-days">
      <h2>{t("volunteer.days.heading")}</h2>
      {!list.length && <p className="muted">{t("volunteer.days.none")}</p>}
      <ul>
        {list.map((day) => (
          <li key={day.id}>
            <strong>{day.heldOn}</strong> {day.title} · {day.gridName}
            <small>
              {t("volunteer.days.counts", { signedUp: day.signedUp, checkedIn: day.checkedIn })}
            </small>
            {day.mine?.checkedInAt ? (
              <span className="success">{t("volunteer.days.checkedIn")}</span>
            ) : day.heldOn === today ? (
              <button
                type="button"
                className="primary"
                disabled={!fix || act.isPending}
                onClick={() => act.mutate({ id: day.id, checkIn: true })}
              >
                {t("volunteer.days.checkIn")}
              </button>
            ) : day.mine ? (
              <span className="muted">{t("volunteer.days.signedUp")}</span>
            ) : (
              <button
                type="button"
                disabled={act.isPending}
                onClick={() => act.mutate({ id: day.id, checkIn: false })}
              >
                {t("volunteer.days.signUp")}
              </button>
            )}
            {problem?.id === day.id && (
              <p className="field-error" role="alert">
                {problem.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
