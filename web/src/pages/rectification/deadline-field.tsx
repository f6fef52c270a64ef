// The deadline of a dispatch, a return (返工) or a reopening: a date, by default the severity's
// working days from today, shown as the end of that day in China time with how many working days
// it leaves, on the official calendar (holidays, 调休) — geo/'s rule, the one the API applies.
import {
  addWorkingDays,
  daysToRectify,
  endOfDayInChina,
  isWorkingDay,
  officialCalendarFor,
  type Severity,
  todayInChina,
  workingDaysBetween,
} from "@civgrid/geo";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { InputField } from "../../components/form-field.tsx";
import { formatDateTime } from "../../format.ts";

interface Props {
  severity: string;
  error?: string | undefined;
}

const isSeverity = (value: string): value is Severity => Object.hasOwn(daysToRectify, value);

export function DeadlineField({ severity, error }: Props) {
  const { t, i18n } = useTranslation();
  const today = todayInChina();
  const days = daysToRectify[isSeverity(severity) ? severity : "normal"];
  const [date, setDate] = useState(() => addWorkingDays(today, days).date);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const note = !valid
    ? undefined
    : !isWorkingDay(date)
      ? t("loop.notWorkingDay", { next: addWorkingDays(date, 1).date })
      : t("loop.deadlineNote", {
          time: formatDateTime(endOfDayInChina(date).toISOString(), i18n.language),
          count: workingDaysBetween(today, date),
        });
  return (
    <InputField
      label={t("loop.deadline")}
      error={error}
      hint={[
        note,
        t("loop.deadlineDefault", { count: days, severity: t(`severity.${severity}`) }),
        valid && !officialCalendarFor(date) ? t("loop.calendarUnknown") : undefined,
      ]
        .filter(Boolean)
        .join(" ")}
      name="deadline"
      type="date"
      min={today}
      value={date}
      onChange={(event) => setDate(event.target.value)}
    />
  );
}
