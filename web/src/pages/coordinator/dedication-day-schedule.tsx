// The office schedules grid dedication days (创城网格奉献日) and sees who signed up and came:
// the counts, and the names behind them on a click.
import { chinaDate } from "@civgrid/geo";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { queries } from "../../api/queries.ts";
import { volunteerQueries, volunteersApi } from "../../api/volunteers.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, controlled, FormField, InputField } from "../../components/form-field.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";
import { formatDateTime } from "../../format.ts";

const todayInChina = () => chinaDate();

export function DedicationDaySchedule() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = todayInChina();
  const grids = useQuery(queries.grids());
  const days = useQuery(volunteerQueries.dedicationDays(today));
  const [gridId, setGridId] = useState("");
  const [heldOn, setHeldOn] = useState(today);
  const [title, setTitle] = useState(t("volunteer.days.heading"));
  /** The day whose sign-ups are opened. */
  const [shown, setShown] = useState<number | null>(null);
  const schedule = useMutation({
    mutationFn: volunteersApi.scheduleDay,
    onSuccess: () => client.invalidateQueries({ queryKey: ["dedication-days"] }),
  });
  const fields = fieldErrors(schedule.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate({ gridId: Number(gridId), heldOn, title });
  };

  return (
    <section className="dedication-schedule">
      <h2>{t("volunteer.days.heading")}</h2>
      <ApiForm className="filters" onSubmit={onSubmit} error={schedule.error}>
        <FormField label={t("volunteer.days.grid")} name="gridId">
          {(link) => (
            <select {...link} value={gridId} onChange={(e) => setGridId(e.target.value)}>
              <option value="">{t("volunteer.days.pickGrid")}</option>
              {grids.data?.features.map(({ properties: g }) => (
                <option key={g.id} value={g.id}>
                  {g.name}（{g.communityName}）
                </option>
              ))}
            </select>
          )}
        </FormField>
        <InputField
          label={t("volunteer.days.date")}
          name="heldOn"
          type="date"
          {...controlled(heldOn, setHeldOn)}
        />
        <InputField
          label={t("volunteer.days.title")}
          name="title"
          {...controlled(title, setTitle)}
        />
        <SubmitButton disabled={schedule.isPending || !gridId}>
          {t("volunteer.days.schedule")}
        </SubmitButton>
      </ApiForm>
      {schedule.error && !Object.keys(fields).length && (
        <ErrorBanner message={schedule.error.message} />
      )}
      <DataTable
        headings={["date", "grid", "title", "attendance"].map((key) => t(`volunteer.days.${key}`))}
      >
        {days.data?.days.map((d) => (
          <tr key={d.id}>
            <td>{d.heldOn}</td>
            <td>{d.gridName}</td>
            <td>{d.title}</td>
            <td>
              <button
                type="button"
                className="link-button"
                aria-expanded={shown === d.id}
                disabled={d.signedUp === 0}
                onClick={() => setShown(shown === d.id ? null : d.id)}
              >
                {t("volunteer.days.counts", { signedUp: d.signedUp, checkedIn: d.checkedIn })}
              </button>
              {shown === d.id && <SignUpNames dayId={d.id} />}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** The names behind a day's counts: who signed up, and when each checked in. */
function SignUpNames({ dayId }: { dayId: number }) {
  const { t, i18n } = useTranslation();
  const signUps = useQuery(volunteerQueries.daySignUps(dayId));
  if (signUps.error) return <ErrorBanner message={signUps.error.message} />;
  if (!signUps.data) return <p className="muted">{t("app.loading")}</p>;
  return (
    <ul className="sign-up-names">
      {signUps.data.signUps.map((s) => (
        <li key={s.personId} className={s.checkedInAt ? "checked-in" : undefined}>
          {s.name}
          <small className="sign-up-when">
            {s.checkedInAt
              ? t("volunteer.days.checkedInAt", {
                  at: formatDateTime(s.checkedInAt, i18n.language),
                })
              : t("volunteer.days.notCheckedIn")}
          </small>
        </li>
      ))}
    </ul>
  );
}
