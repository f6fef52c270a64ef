// /escalation: the coordinator's escalation (督办) steps — after how many working days overdue
// who is told — shown to everyone and changed by those who dispatch. The server judges the steps
// (geo's escalationStepIssues) and its messages appear beside each field.
import "./notifications.css";
import {
  type EscalationStep,
  type EscalationTarget,
  escalationTargets,
  MAX_ESCALATION_STEPS,
} from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../api/client.ts";
import { ErrorBanner } from "../components/error-banner.tsx";
import { InputField } from "../components/form-field.tsx";
import { SubmitButton } from "../components/submit-buttons.tsx";
import { escalationQueries, useSaveEscalationSteps } from "./api.ts";

/** A step as typed: the days stay as written until the server has judged them. */
interface Draft {
  afterWorkingDays: string;
  targets: EscalationTarget[];
}

const draftOf = (step: EscalationStep): Draft => ({
  afterWorkingDays: String(step.afterWorkingDays),
  targets: step.targets,
});

export function EscalationStepsPage({ mayChange }: { mayChange: boolean }) {
  const { t } = useTranslation();
  const steps = useQuery(escalationQueries.steps());
  // Here, not in the form: the form starts afresh from what was saved, and still says so.
  const save = useSaveEscalationSteps();
  return (
    <div className="page escalation-steps-page">
      <h2>{t("notifications.stepsTitle")}</h2>
      <p className="form-note">{t("notifications.stepsNote")}</p>
      {steps.error && <ErrorBanner message={steps.error.message} />}
      {steps.data && (
        <StepsForm
          key={JSON.stringify(steps.data.steps)}
          saved={steps.data.steps}
          mayChange={mayChange}
          save={save}
        />
      )}
    </div>
  );
}

function StepsForm({
  saved,
  mayChange,
  save,
}: {
  saved: EscalationStep[];
  mayChange: boolean;
  save: ReturnType<typeof useSaveEscalationSteps>;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Draft[]>(saved.map(draftOf));
  const errors = fieldErrors(save.error);
  const change = (i: number, next: Partial<Draft>) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...next } : d)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      drafts.map((d, i) => {
        const days = Number(d.afterWorkingDays);
        return {
          level: i + 1,
          // Anything not a number goes as typed, for the server's message beside the field.
          afterWorkingDays: (d.afterWorkingDays.trim() !== "" && Number.isFinite(days)
            ? days
            : d.afterWorkingDays) as number,
          targets: d.targets,
        };
      }),
    );
  };
  return (
    <form className="form-card escalation-steps" onSubmit={onSubmit} noValidate>
      {errors.steps && <ErrorBanner message={errors.steps} />}
      {drafts.map((draft, i) => {
        const targetsError = errors[`steps.${i}.targets`] ?? errors[`steps.${i}.targets.0`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step is its level, which is its place
          <fieldset key={i} className="escalation-step" disabled={!mayChange}>
            <legend>{t("notifications.escalationLevel", { level: i + 1 })}</legend>
            <InputField
              label={t("notifications.stepDays")}
              error={errors[`steps.${i}.afterWorkingDays`] ?? errors[`steps.${i}.level`]}
              inputMode="numeric"
              value={draft.afterWorkingDays}
              onChange={(e) => change(i, { afterWorkingDays: e.target.value })}
            />
            <fieldset className="form-field escalation-targets">
              <legend>{t("notifications.stepTargets")}</legend>
              {escalationTargets.map((target) => (
                <label key={target} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.targets.includes(target)}
                    onChange={(e) =>
                      change(i, {
                        targets: e.target.checked
                          ? escalationTargets.filter(
                              (x) => x === target || draft.targets.includes(x),
                            )
                          : draft.targets.filter((x) => x !== target),
                      })
                    }
                  />
                  {t(`notifications.target.${target}`)}
                </label>
              ))}
              {targetsError && <small className="field-error">{targetsError}</small>}
            </fieldset>
            {mayChange && (
              <button type="button" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                {t("notifications.stepRemove")}
              </button>
            )}
          </fieldset>
        );
      })}
      {mayChange && (
        <div className="button-row">
          <button
            type="button"
            disabled={drafts.length >= MAX_ESCALATION_STEPS}
            onClick={() => {
              const last = Number(drafts.at(-1)?.afterWorkingDays ?? 0);
              const days = Number.isFinite(last) ? last + 2 : 1;
              setDrafts([...drafts, { afterWorkingDays: String(days), targets: ["leaders"] }]);
            }}
          >
            {t("notifications.stepAdd")}
          </button>
          <SubmitButton disabled={save.isPending}>{t("notifications.save")}</SubmitButton>
        </div>
      )}
      {save.error && !Object.keys(errors).length && <ErrorBanner message={save.error.message} />}
      {save.isSuccess && <p className="success">{t("notifications.saved")}</p>}
    </form>
  );
}
