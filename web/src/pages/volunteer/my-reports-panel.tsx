// 我的上报: the problems I reported, each with its number, status and the latest step, newest first.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { areaQueries } from "../../api/area-queries.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../format.ts";

export function MyReportsPanel() {
  const { t, i18n } = useTranslation();
  const mine = useQuery(areaQueries.myReports());
  const reports = mine.data?.reports ?? [];
  return (
    <section className="panel my-reports" aria-labelledby="my-reports-heading">
      <h3 id="my-reports-heading">{t("myReports.heading")}</h3>
      {mine.error && (
        <ErrorBanner message={mine.error.message} onRetry={() => void mine.refetch()} />
      )}
      {mine.isPending && <p className="muted">{t("app.loading")}</p>}
      {mine.data && reports.length === 0 && <p className="muted">{t("myReports.none")}</p>}
      <ul className="my-report-list">
        {reports.map((report) => (
          <li key={report.id}>
            <div className="my-report-head">
              <strong>{t("myReports.number", { id: report.id })}</strong>
              <StatusBadge status={report.status} />
            </div>
            <p className="my-report-text">{report.description}</p>
            <p className="muted">
              {t("myReports.latest", {
                step: t(`action.${report.latestStep.action}`),
                at: formatDateTime(report.latestStep.at, i18n.language),
              })}
              {report.unitName && ` · ${report.unitName}`}
            </p>
          </li>
        ))}
      </ul>
      {mine.data && mine.data.total > reports.length && (
        <p className="muted">{t("myReports.more", { count: mine.data.total - reports.length })}</p>
      )}
    </section>
  );
}
