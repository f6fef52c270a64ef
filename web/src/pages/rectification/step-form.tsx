// The form for one step of the closed loop: a note, and whatever else the step needs (a reason,
// after-photos, days, a review date). Shown in a dialog on the problem page and the inbox.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import type { StoredFile } from "../../api/files.ts";
import type { Step, StepAction } from "../../api/problems.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, CountField, FormField, InputField } from "../../components/form-field.tsx";
import { Options } from "../../components/options.tsx";
import { PhotoUpload } from "../../components/photo-upload.tsx";
import { SubmitButtons } from "../../components/submit-buttons.tsx";
import { UnitSelect } from "../../components/unit-select.tsx";
import { formValues } from "../../form-values.ts";
import { DeadlineField } from "./deadline-field.tsx";
import { stepFields, tomorrow } from "./step-fields.ts";
import { isConflict, useProblemStep } from "./use-problem-step.ts";

interface Props {
  problem: { id: number; version: number; severity: string; unitId: number | null };
  action: StepAction;
  /** Called with what happened, in the user's words, once the step is taken. */
  onDone: (message: string) => void;
  /** Someone else acted first: the message says how the problem is now. */
  onConflict: (message: string) => void;
  onCancel: () => void;
}

export function StepForm({ problem, action, onDone, onConflict, onCancel }: Props) {
  const { t } = useTranslation();
  const step = useProblemStep(problem.id);
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const needs = stepFields(action);
  const fields = fieldErrors(step.error);
  const actionName = t(`step.${action}`);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const { note = "", reason = "", days = "", reviewOn = "" } = values;
    const body: Step = { action, version: problem.version };
    if (note) body.note = note;
    if (needs.reasons) body.reason = reason;
    if (needs.afterPhotos) body.photoIds = photos.map((photo) => photo.id);
    if (needs.days) body.days = Number(days);
    if (needs.reviewOn) body.reviewOn = reviewOn;
    if (needs.unit && values.unitId) body.unitId = Number(values.unitId);
    if (needs.deadline && values.deadline) body.deadline = values.deadline;
    if (needs.duplicateOf && values.duplicateOf) body.duplicateOf = Number(values.duplicateOf);
    step.mutate(body, {
      onSuccess: () => onDone(t("rectification.done", { action: actionName })),
      onError: (error) => {
        if (isConflict(error)) onConflict(error.message);
      },
    });
  };

  const otherError = step.error && !isConflict(step.error) ? step.error : null;
  return (
    <ApiForm className="dialog-form step-form" onSubmit={onSubmit} error={step.error}>
      <p className="form-note">{t(`rectification.hint.${action}`)}</p>
      {otherError && <ErrorBanner message={otherError.message} />}
      {needs.reasons && (
        <FormField label={t("rectification.reason")} name="reason">
          {(link) => (
            <select {...link} name="reason" defaultValue="" required>
              <option value="" disabled>
                {t("rectification.pickReason")}
              </option>
              <Options items={needs.reasons} label={(reason) => t(`reason.${reason}`)} />
            </select>
          )}
        </FormField>
      )}
      {needs.unit && (
        <FormField label={t("loop.unit")} name="unitId" hint={t("loop.unitHint")}>
          {(link) => <UnitSelect {...link} name="unitId" defaultValue={problem.unitId ?? ""} />}
        </FormField>
      )}
      {needs.deadline && <DeadlineField severity={problem.severity} error={fields.deadline} />}
      {needs.duplicateOf && (
        <CountField
          label={t("loop.duplicateOf")}
          hint={t("loop.duplicateOfHint")}
          name="duplicateOf"
        />
      )}
      {needs.days && (
        <CountField
          label={t("rectification.days")}
          hint={t("rectification.daysHint")}
          name="days"
          max={60}
        />
      )}
      {needs.reviewOn && (
        <InputField
          label={t("rectification.reviewOn")}
          name="reviewOn"
          type="date"
          min={tomorrow()}
        />
      )}
      <FormField
        label={needs.noteRequired ? t("rectification.noteRequired") : t("rectification.note")}
        name="note"
      >
        {(link) => <textarea {...link} name="note" rows={3} maxLength={1000} />}
      </FormField>
      {needs.afterPhotos && (
        <PhotoUpload
          label={t("rectification.afterPhotos")}
          photos={photos}
          onChange={setPhotos}
          onBusy={setUploading}
          error={fields.photoIds}
        />
      )}
      <SubmitButtons
        label={step.isPending ? t("rectification.sending") : actionName}
        disabled={step.isPending || uploading}
        cancelLabel={t("users.cancel")}
        onCancel={onCancel}
      />
    </ApiForm>
  );
}
