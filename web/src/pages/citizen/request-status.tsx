// Following a citizen's report by its number: its status in words, each step and when, and the
// photos before and after — only what is public (api: GET /api/public/reports/{number}).
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { reportQueries } from "../../api/reports.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Field, Fields } from "../../components/fields.tsx";
import { Link } from "../../components/link.tsx";
import { PhotoCompare } from "../../components/photo-compare.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formValues } from "../../form-values.ts";
import { formatDateTime } from "../../format.ts";
import { navigate } from "../../router.ts";

export function RequestStatus({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const report = useQuery(reportQueries.lookup(Number(id)));
  const data = report.data;
  return (
    <section className="form-card request-status">
      <h2>{t("citizen.statusHeading", { id })}</h2>
      {report.error && <ErrorBanner message={report.error.message} />}
      {report.isPending && <p className="muted">{t("app.loading")}</p>}
      {data && (
        <>
          <p className={data.status === "closed" ? "success" : "waiting-note"} role="status">
            <StatusBadge status={data.status} />
          </p>
          <Fields>
            {data.category && <Field label={t("citizen.service")}>{data.category}</Field>}
            <Field label={t("problem.reportedAt")}>
              {formatDateTime(data.reportedAt, i18n.language)}
            </Field>
            <Field label={t("citizen.updatedAt")}>
              {formatDateTime(data.updatedAt, i18n.language)}
            </Field>
          </Fields>
          <ol className="public-steps" aria-label={t("citizen.steps")}>
            {data.steps.map((step) => (
              <li key={`${step.action}-${step.at}`}>
                {formatDateTime(step.at, i18n.language)} {t(`action.${step.action}`)}
              </li>
            ))}
          </ol>
          <PhotoCompare photos={data.photos} />
        </>
      )}
      <ReportLookup />
      <Link to="/report">{t("citizen.newReport")}</Link>
    </section>
  );
}

/** A report's number → its page, /report/{number}. */
export function ReportLookup() {
  const { t } = useTranslation();
  const lookUp = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = formValues(event.currentTarget).number?.trim() ?? "";
    if (/^\d{1,10}$/.test(number)) navigate(`/report/${number}`);
  };
  return (
    <form className="status-lookup" onSubmit={lookUp}>
      <input
        name="number"
        inputMode="numeric"
        aria-label={t("citizen.lookUpNumber")}
        placeholder={t("citizen.lookUpNumber")}
      />
      <button type="submit">{t("citizen.lookUp")}</button>
    </form>
  );
}
