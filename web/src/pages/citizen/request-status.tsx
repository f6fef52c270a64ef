// Following a citizen's report by its number: open or closed, who is responsible, the latest note.
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { open311Api } from "../../api/open311.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Field, Fields } from "../../components/fields.tsx";
import { Link } from "../../components/link.tsx";
import { formValues } from "../../form-values.ts";
import { formatDateTime } from "../../format.ts";
import { navigate } from "../../router.ts";

export function RequestStatus({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const request = useQuery({
    queryKey: ["open311", "request", id],
    queryFn: () => open311Api.request(id),
  });
  const data = request.data;
  const lookUp = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = formValues(event.currentTarget).number ?? "";
    if (/^\d{1,10}$/.test(number)) navigate(`/report/${number}`);
  };

  return (
    <section className="form-card request-status">
      <h2>{t("citizen.statusHeading", { id })}</h2>
      {request.error && <ErrorBanner message={request.error.message} />}
      {request.isPending && <p className="muted">{t("app.loading")}</p>}
      {data && (
        <>
          <p className={data.status === "closed" ? "success" : "waiting-note"} role="status">
            {t(`citizen.status.${data.status}`)}
          </p>
          <Fields>
            {data.service_name && <Field label={t("citizen.service")}>{data.service_name}</Field>}
            <Field label={t("citizen.description")}>{data.description}</Field>
            <Field label={t("problem.unit")}>
              {data.agency_responsible ?? t("citizen.notYetAssigned")}
            </Field>
            <Field label={t("problem.reportedAt")}>
              {formatDateTime(data.requested_datetime, i18n.language)}
            </Field>
            {data.updated_datetime && (
              <Field label={t("citizen.updatedAt")}>
                {formatDateTime(data.updated_datetime, i18n.language)}
              </Field>
            )}
            {data.status_notes && data.status_notes !== data.description && (
              <Field label={t("citizen.statusNotes")}>{data.status_notes}</Field>
            )}
          </Fields>
        </>
      )}
      <form className="status-lookup" onSubmit={lookUp}>
        <input
          name="number"
          inputMode="numeric"
          aria-label={t("citizen.lookUpNumber")}
          placeholder={t("citizen.lookUpNumber")}
        />
        <button type="submit">{t("citizen.lookUp")}</button>
      </form>
      <Link to="/report">{t("citizen.newReport")}</Link>
    </section>
  );
}
