// Log my branch's activity (登记志愿服务活动): kind, title, date, grid, who took part and for how
// long, photos. The API names any refused field (e.g. a participant) and nothing is half-saved.
import { chinaDate } from "@civgrid/geo";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import type { StoredFile } from "../../api/files.ts";
import {
  type ActivityKind,
  activityKinds,
  type MyArea,
  volunteersApi,
} from "../../api/volunteers.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, controlled, FormField, InputField } from "../../components/form-field.tsx";
import { Options } from "../../components/options.tsx";
import { PhotoUpload } from "../../components/photo-upload.tsx";
import { SubmitButtons } from "../../components/submit-buttons.tsx";

const todayInChina = () => chinaDate();

interface Props {
  area: MyArea;
  personId: number | null;
  onDone: () => void;
}

export function ActivityForm({ area, personId, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const grids = area.grids.features.map((f) => f.properties);
  const [gridId, setGridId] = useState(grids[0]?.id);
  const team = grids.find((g) => g.id === gridId)?.team ?? [];
  const [kind, setKind] = useState<ActivityKind>(activityKinds[0]);
  const [title, setTitle] = useState("");
  const [heldOn, setHeldOn] = useState(todayInChina());
  const [hours, setHours] = useState(2);
  const [who, setWho] = useState<Set<number>>(new Set(personId ? [personId] : []));
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [busy, setBusy] = useState(false);
  const log = useMutation({
    mutationFn: volunteersApi.logActivity,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["activities"] });
      onDone();
    },
  });
  const fields = fieldErrors(log.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({
      kind,
      title,
      heldOn,
      ...(gridId !== undefined && { gridId }),
      participants: [...who].map((id) => ({ personId: id, hours })),
      photoIds: photos.map((p) => p.id),
    });
  };
  const toggle = (id: number) => {
    const next = new Set(who);
    if (!next.delete(id)) next.add(id);
    setWho(next);
  };

  return (
    <ApiForm className="form-card activity-form" onSubmit={onSubmit} error={log.error}>
      <h2>{t("volunteer.activity.heading")}</h2>
      {log.error && <ErrorBanner message={log.error.message} />}
      <FormField label={t("volunteer.activity.kind")} name="kind">
        {(link) => (
          <select {...link} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
            <Options items={activityKinds} label={(k) => t(`volunteer.kind.${k}`)} />
          </select>
        )}
      </FormField>
      <InputField
        label={t("volunteer.activity.title")}
        name="title"
        maxLength={200}
        {...controlled(title, setTitle)}
      />
      <InputField
        label={t("volunteer.activity.date")}
        name="heldOn"
        type="date"
        {...controlled(heldOn, setHeldOn)}
      />
      {grids.length > 1 && (
        <FormField label={t("volunteer.activity.grid")} name="gridId">
          {(link) => (
            <select {...link} value={gridId} onChange={(e) => setGridId(Number(e.target.value))}>
              <Options items={grids} value={(g) => g.id} label={(g) => g.name} />
            </select>
          )}
        </FormField>
      )}
      <InputField
        label={t("volunteer.activity.hours")}
        error={fields["participants.0.hours"]}
        type="number"
        min={0.5}
        max={24}
        step={0.5}
        {...controlled(hours, setHours, Number)}
      />
      <fieldset className="activity-team">
        <legend>{t("volunteer.activity.participants")}</legend>
        {team.map((m) => (
          <label key={m.personId}>
            <input
              type="checkbox"
              checked={who.has(m.personId)}
              onChange={() => toggle(m.personId)}
            />
            {m.name}
          </label>
        ))}
        {fields.participants && <small className="field-error">{fields.participants}</small>}
      </fieldset>
      <PhotoUpload
        label={t("volunteer.activity.photos")}
        photos={photos}
        onChange={setPhotos}
        error={fields.photoIds}
        onBusy={setBusy}
      />
      <SubmitButtons
        label={t("volunteer.activity.submit")}
        disabled={log.isPending || busy}
        cancelLabel={t("volunteer.cancel")}
        onCancel={onDone}
      />
    </ApiForm>
  );
}
