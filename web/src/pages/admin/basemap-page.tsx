// The administrator's choice of basemap for every map (issue 22): none (the city's own outline
// with its names), a raster tile template with its coordinate system (Tianditu with its key,
// GCJ-02 for Amap-style tiles), or an offline vector basemap from an uploaded PMTiles file.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type BasemapKind,
  type BasemapSettings,
  basemapApi,
  basemapQuery,
} from "../../api/basemap.ts";
import { ErrorBanner, QueryErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, FormField, InputField } from "../../components/form-field.tsx";
import { RadioChoices } from "../../components/radio-choices.tsx";
import { SubmitButton, SuccessNote } from "../../components/submit-buttons.tsx";
import { formValues } from "../../form-values.ts";

const kinds: BasemapKind[] = ["none", "raster", "pmtiles"];
const tianditu =
  "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}";

export function BasemapPage() {
  const settings = useQuery(basemapQuery());
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="form-card">
        <h2>{t("basemap.heading")}</h2>
        <QueryErrorBanner query={settings} />
        {settings.data ? <BasemapForm saved={settings.data} /> : <p>{t("app.loading")}</p>}
      </div>
    </div>
  );
}

function BasemapForm({ saved }: { saved: BasemapSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<BasemapKind>(saved.kind);
  const done = (next: BasemapSettings) => {
    client.setQueryData(basemapQuery().queryKey, next);
    // every map reads the basemap from the settings the app started with
    void client.invalidateQueries({ queryKey: ["config"] });
  };
  const save = useMutation({ mutationFn: basemapApi.save, onSuccess: done });
  const upload = useMutation({ mutationFn: basemapApi.upload, onSuccess: done });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { rasterUrl = "", crs = "wgs84", tiandituKey = "" } = formValues(event.currentTarget);
    save.mutate({
      kind,
      ...(kind === "raster" && {
        rasterUrl: rasterUrl.trim() || null,
        crs: crs as "wgs84" | "gcj02",
        ...(tiandituKey.trim() && { tiandituKey: tiandituKey.trim() }),
      }),
    });
  };

  return (
    <ApiForm onSubmit={onSubmit} error={save.error}>
      <p className="form-note">{t("basemap.note")}</p>
      {saved.fromEnvironment && <p className="form-note">{t("basemap.fromEnvironment")}</p>}
      {save.error && <ErrorBanner message={save.error.message} />}
      {save.isSuccess && <SuccessNote>{t("basemap.saved")}</SuccessNote>}
      <fieldset className="choice-row stacked">
        <legend>{t("basemap.kind")}</legend>
        <RadioChoices
          name="kind"
          choices={kinds}
          labelOf={(k) => t(`basemap.kinds.${k}`)}
          state={[kind, setKind]}
        />
      </fieldset>
      {kind === "raster" && (
        <>
          <InputField
            label={t("basemap.rasterUrl")}
            hint={t("basemap.rasterHint", { example: tianditu })}
            name="rasterUrl"
            type="url"
            defaultValue={saved.rasterUrl ?? ""}
            placeholder="https://…/{z}/{x}/{y}.png"
          />
          <FormField label={t("basemap.crs")} name="crs" hint={t("basemap.crsHint")}>
            {(link) => (
              <select {...link} name="crs" defaultValue={saved.crs}>
                <option value="wgs84">{t("basemap.crsWgs84")}</option>
                <option value="gcj02">{t("basemap.crsGcj02")}</option>
              </select>
            )}
          </FormField>
          <InputField
            label={t("basemap.tiandituKey")}
            hint={t(saved.hasTiandituKey ? "basemap.keySaved" : "basemap.keyHint", {
              mark: "{key}",
            })}
            name="tiandituKey"
            autoComplete="off"
          />
        </>
      )}
      {kind === "pmtiles" && (
        <InputField
          label={t("basemap.file")}
          error={upload.error?.message}
          hint={
            saved.pmtilesBytes
              ? t("basemap.fileSaved", { mb: (saved.pmtilesBytes / 1024 / 1024).toFixed(1) })
              : t("basemap.fileHint")
          }
          type="file"
          accept=".pmtiles"
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
      )}
      {upload.isPending && <p role="status">{t("basemap.uploading")}</p>}
      <SubmitButton disabled={save.isPending || upload.isPending}>{t("basemap.save")}</SubmitButton>
    </ApiForm>
  );
}
