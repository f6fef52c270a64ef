// The campaign office's volunteer hours (志愿服务统计): per branch and per volunteer in a period,
// and the same as an XLSX workbook.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { volunteerQueries, volunteersApi } from "../../api/volunteers.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { DedicationDaySchedule } from "./dedication-day-schedule.tsx";

export function VolunteerHoursPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const range = [from || undefined, to || undefined] as const;
  const totals = useQuery(volunteerQueries.totals(...range));
  return (
    <div className="page volunteer-hours-page">
      <h1>{t("volunteer.totals.heading")}</h1>
      <DedicationDaySchedule />
      <h2>{t("volunteer.totals.hoursHeading")}</h2>
      <div className="filters">
        <label>
          {t("volunteer.totals.from")}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t("volunteer.totals.to")}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <a className="button-link" href={volunteersApi.totalsXlsxUrl(...range)} download>
          {t("volunteer.totals.xlsx")}
        </a>
      </div>
      {totals.error && (
        <ErrorBanner message={totals.error.message} onRetry={() => void totals.refetch()} />
      )}
      <h2>{t("volunteer.totals.byBranch")}</h2>
      <DataTable
        className="table branch-totals"
        headings={["branch", "activities", "volunteers", "hours"].map((key) =>
          t(`volunteer.totals.${key}`),
        )}
      >
        {totals.data?.branches.map((b) => (
          <tr key={b.branchId}>
            <td>{b.branchName}</td>
            <td>{b.activities}</td>
            <td>{b.volunteers}</td>
            <td>{b.hours}</td>
          </tr>
        ))}
      </DataTable>
      <h2>{t("volunteer.totals.byVolunteer")}</h2>
      <DataTable
        className="table volunteer-totals"
        headings={["volunteer", "branch", "activities", "hours"].map((key) =>
          t(`volunteer.totals.${key}`),
        )}
      >
        {totals.data?.volunteers.map((v) => (
          <tr key={v.personId}>
            <td>{v.name}</td>
            <td>{v.branchName ?? "—"}</td>
            <td>{v.activities}</td>
            <td>{v.hours}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
