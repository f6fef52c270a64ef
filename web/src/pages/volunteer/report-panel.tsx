// Report a problem from the patrol (随手拍): a photo, the place from GPS, the photo or the dragged
// marker, the standard item and a note. The report goes into the outbox first, so no network
// loses nothing: it is sent from there, now or when the phone is back online.
import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api/client.ts";
import { filesApi, type StoredFile } from "../../api/files.ts";
import { FormField } from "../../components/form-field.tsx";
import { StandardItemSelect } from "../../components/standard-item-select.tsx";
import { SubmitButtons } from "../../components/submit-buttons.tsx";
import { photoProblem, photoTypes } from "../citizen/photo-check.ts";
import { looseFix, missingFromReport, type ReportDraft, reportBody } from "./report-draft.ts";
import { newReportKey, type QueuedReport } from "./report-queue.ts";
import type { Fix } from "./use-position.ts";

interface Props {
  draft: ReportDraft;
  onDraft: (draft: ReportDraft) => void;
  fix: Fix | null;
  onQueue: (entry: QueuedReport) => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}

export function ReportPanel({ draft, onDraft, fix, onQueue, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const photoId = useId();
  const [photo, setPhoto] = useState<File | null>(null);
  const [stored, setStored] = useState<StoredFile | null>(null);
  const [photoNote, setPhotoNote] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const wrong = photoProblem(file);
    setPhotoNote(wrong && t(wrong.key, wrong.values));
    if (wrong) return;
    setPhoto(file);
    setStored(null);
    onDraft({ ...draft, hasPhoto: true });
    // Online, the photo goes up now and its EXIF position is offered; offline it waits in the outbox.
    try {
      setStored(await filesApi.upload(file));
    } catch (failure) {
      setPhotoNote(t("volunteer.report.photoLater", { reason: errorText(failure as Error) }));
    }
  };

  const placeAtFix = () => {
    if (fix) onDraft({ ...draft, place: [fix.lon, fix.lat], accuracyM: fix.accuracyM });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const needed = missingFromReport(draft);
    setMissing(needed);
    if (Object.keys(needed).length) return;
    await onQueue({
      key: newReportKey(),
      createdAt: new Date().toISOString(),
      report: reportBody(draft, stored ? [stored.id] : []),
      photo: photo && !stored ? { blob: photo, name: photo.name } : undefined,
    });
    setPhoto(null);
    setStored(null);
    setPhotoNote(null);
    onDone();
  };

  return (
    <form className="form-card volunteer-report" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>{t("volunteer.report.heading")}</h2>
      <div className="photo-upload">
        <span className="photo-upload-label">{t("volunteer.report.photo")}</span>
        <label className="button-link" htmlFor={photoId}>
          {photo ? t("volunteer.report.photoChosen", { name: photo.name }) : t("photos.add")}
        </label>
        <input
          id={photoId}
          className="visually-hidden"
          type="file"
          accept={photoTypes.join(",")}
          onChange={(e) => void onPick(e)}
        />
        {stored?.location && (
          <button
            type="button"
            onClick={() => onDraft({ ...draft, place: stored.location, accuracyM: null })}
          >
            {t("volunteer.report.usePhotoPlace")}
          </button>
        )}
        {photoNote && <small className="field-hint">{photoNote}</small>}
      </div>
      <fieldset className="report-place" aria-invalid={missing.place ? true : undefined}>
        <legend>{t("volunteer.report.place")}</legend>
        <button type="button" onClick={placeAtFix} disabled={!fix}>
          {t("volunteer.report.useGps")}
        </button>
        <p className={draft.place ? "place-chosen" : "muted"}>
          {draft.place
            ? t("volunteer.report.placeChosen", {
                lon: draft.place[0].toFixed(6),
                lat: draft.place[1].toFixed(6),
              })
            : t("volunteer.report.noPlace")}
          {draft.accuracyM !== null && ` ${t("volunteer.accuracy", { metres: draft.accuracyM })}`}
        </p>
        {draft.place && <small className="field-hint">{t("volunteer.report.dragHint")}</small>}
        {looseFix(draft) && (
          <p className="warning" role="alert">
            {t("volunteer.report.looseFix", { metres: draft.accuracyM })}
          </p>
        )}
        {missing.place && <small className="field-error">{t(missing.place)}</small>}
      </fieldset>
      <FormField label={t("volunteer.report.item")}>
        {(link) => (
          <StandardItemSelect
            link={link}
            value={draft.itemId ? String(draft.itemId) : ""}
            onChange={(item) => onDraft({ ...draft, itemId: item ? Number(item) : null })}
            emptyLabel={t("volunteer.report.noItem")}
          />
        )}
      </FormField>
      <FormField
        label={t("volunteer.report.description")}
        error={missing.description && t(missing.description)}
      >
        {(link) => (
          <textarea
            {...link}
            rows={3}
            maxLength={500}
            value={draft.description}
            onChange={(e) => onDraft({ ...draft, description: e.target.value })}
          />
        )}
      </FormField>
      <SubmitButtons
        label={t("volunteer.report.submit")}
        cancelLabel={t("volunteer.cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
