// A citizen's report (我要投诉): where, what kind, what is wrong, and optionally who to call back;
// filed through Open311 and answered with the request's number to follow it by.
import { isMainlandMobile } from "@civgrid/geo";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FiledRequest, open311Api, type Service } from "../../api/open311.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { FormField, InputField } from "../../components/form-field.tsx";
import { Link } from "../../components/link.tsx";
import { formValues } from "../../form-values.ts";
import { CitizenPhoto } from "./citizen-photo.tsx";
import { type Place, PlacePicker } from "./place-picker.tsx";

/** Services by their group (the standard's category), in the API's order. */
function byGroup(services: readonly Service[]): Array<[string, Service[]]> {
  const groups = new Map<string, Service[]>();
  for (const service of services)
    groups.set(service.group, [...(groups.get(service.group) ?? []), service]);
  return [...groups];
}

export function ReportForm({ basemapUrl }: { basemapUrl: string | null | undefined }) {
  const { t } = useTranslation();
  const services = useQuery({ queryKey: ["open311", "services"], queryFn: open311Api.services });
  const groups = useMemo(() => byGroup(services.data ?? []), [services.data]);
  const [place, setPlace] = useState<Place | null>(null);
  const onPlace = useCallback((next: Place) => setPlace(next), []);
  const [photo, setPhoto] = useState<File | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const file = useMutation({ mutationFn: open311Api.file });

  if (file.data) {
    const another = () => {
      setPhoto(null);
      file.reset();
    };
    return <Filed filed={file.data} onAnother={another} />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const needed: Record<string, string> = {};
    if (!place) needed.place = t("citizen.needPlace");
    if (!values.service_code) needed.service = t("citizen.needService");
    if (!values.description) needed.description = t("citizen.needDescription");
    if (values.phone && !isMainlandMobile(values.phone.trim()))
      needed.phone = t("citizen.needMobile");
    setMissing(needed);
    if (!place || Object.keys(needed).length) return;
    file.mutate({
      service_code: values.service_code ?? "",
      lat: place[1],
      long: place[0],
      description: values.description ?? "",
      first_name: values.first_name,
      phone: values.phone?.trim(),
      ...(photo ? { media: photo } : {}),
    });
  };

  return (
    <form className="form-card citizen-form" onSubmit={onSubmit} noValidate>
      <h2>{t("citizen.heading")}</h2>
      <p className="form-note">{t("citizen.intro")}</p>
      {services.error && (
        <ErrorBanner message={services.error.message} onRetry={() => void services.refetch()} />
      )}
      <PlacePicker place={place} onPlace={onPlace} basemapUrl={basemapUrl} error={missing.place} />
      <FormField label={t("citizen.service")} error={missing.service}>
        {(link) => (
          <select {...link} name="service_code" defaultValue="">
            <option value="" disabled>
              {services.isPending ? t("app.loading") : t("citizen.pickService")}
            </option>
            {groups.map(([group, members]) => (
              <optgroup key={group} label={group}>
                {members.map((service) => (
                  <option key={service.service_code} value={service.service_code}>
                    {service.service_name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("citizen.description")} error={missing.description}>
        {(link) => (
          <textarea
            {...link}
            name="description"
            rows={4}
            maxLength={500}
            placeholder={t("citizen.descriptionHint")}
          />
        )}
      </FormField>
      <InputField label={t("citizen.name")} name="first_name" maxLength={32} autoComplete="name" />
      <InputField
        label={t("citizen.phone")}
        hint={t("citizen.phoneHint")}
        error={missing.phone}
        name="phone"
        type="tel"
        inputMode="numeric"
        maxLength={11}
        autoComplete="tel"
      />
      <CitizenPhoto photo={photo} onPhoto={setPhoto} />
      {file.error && <ErrorBanner message={file.error.message} />}
      <button type="submit" className="primary" disabled={file.isPending}>
        {file.isPending ? t("rectification.sending") : t("citizen.submit")}
      </button>
    </form>
  );
}

function Filed({ filed, onAnother }: { filed: FiledRequest; onAnother: () => void }) {
  const { t } = useTranslation();
  const id = filed.service_request_id;
  return (
    <section className="form-card citizen-filed" aria-live="polite">
      <h2>{t("citizen.filedHeading")}</h2>
      <p className="success" role="status">
        {filed.service_notice ?? t("citizen.filed")}
      </p>
      <p className="request-number">
        {t("citizen.requestNumber")} <strong>{id}</strong>
      </p>
      <p className="form-note">{t("citizen.keepNumber")}</p>
      <Link to={`/report/${id}`} className="button-link">
        {t("citizen.checkStatus")}
      </Link>
      <button type="button" onClick={onAnother}>
        {t("citizen.another")}
      </button>
    </section>
  );
}
