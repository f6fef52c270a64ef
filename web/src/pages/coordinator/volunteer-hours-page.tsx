// The campaign office's volunteer hours (志愿服务统计): per branch and per volunteer in a period,
// and the same as an XLSX workbook.
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ActivityTotals, volunteerQueries, volunteersApi } from "../../api/volunteers.ts";
import { DataTable } from "../../components/data-table.tsx";
import { DownloadLink } from "../../components/download-link.tsx";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
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
        <DownloadLink href={volunteersApi.totalsXlsxUrl(...range)}>
          {t("volunteer.totals.xlsx")}
        </DownloadLink>
      </div>
      <QueryErrorBanner query={totals} />
      <h2>{t("volunteer.totals.byBranch")}</h2>
      <TotalsTable
        className="branch-totals"
        rows={totals.data?.branches}
        rowKey={(b) => b.branchId}
        columns={branchColumns}
      />
      <h2>{t("volunteer.totals.byVolunteer")}</h2>
      <TotalsTable
        className="volunteer-totals"
        rows={totals.data?.volunteers}
        rowKey={(v) => v.personId}
        columns={volunteerColumns}
      />
    </div>
  );
}

type Column<R> = readonly [heading: string, cell: (row: R) => ReactNode];

/** The totals by branch and by volunteer: each column's heading (under volunteer.totals) and cell. */
const branchColumns: Column<ActivityTotals["branches"][number]>[] = [
  ["branch", (b) => b.branchName],
  ["activities", (b) => b.activities],
  ["volunteers", (b) => b.volunteers],
  ["hours", (b) => b.hours],
];
const volunteerColumns: Column<ActivityTotals["volunteers"][number]>[] = [
  ["volunteer", (v) => v.name],
  ["branch", (v) => v.branchName ?? "—"],
  ["activities", (v) => v.activities],
  ["hours", (v) => v.hours],
];

interface TotalsTableProps<R> {
  className: string;
  rows: readonly R[] | undefined;
  rowKey: (row: R) => number;
  /** Each column: its heading's key under volunteer.totals, and what its cell shows. */
  columns: readonly Column<R>[];
}

/** A table of totals, its columns declared as data. */
function TotalsTable<R>({ className, rows, rowKey, columns }: TotalsTableProps<R>) {
  const { t } = useTranslation();
  return (
    <DataTable
      className={`table ${className}`}
      headings={columns.map(([key]) => t(`volunteer.totals.${key}`))}
    >
      {rows?.map((row) => (
        <tr key={rowKey(row)}>
          {columns.map(([key, cell]) => (
            <td key={key}>{cell(row)}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
