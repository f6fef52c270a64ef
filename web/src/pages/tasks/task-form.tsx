// A new task: title, description, phase, deadline (within the phase), and who it goes to — units
// and/or grids, with "all hospitals" as one tick, and the standard item it serves. One task to
// 15 hospitals is one submit.
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { queries } from "../../api/queries.ts";
import {
  type Campaign,
  hospitalKinds,
  type PhaseKind,
  tasksApi,
  useTaskMutation,
} from "../../api/tasks.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, FormField, InputField } from "../../components/form-field.tsx";
import { Options } from "../../components/options.tsx";
import { StandardItemSelect } from "../../components/standard-item-select.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";

interface Props {
  campaign: Campaign;
  onDone: () => void;
}

export function TaskForm({ campaign, onDone }: Props) {
  const { t } = useTranslation();
  const units = useQuery(queries.units());
  const grids = useQuery(queries.grids());
  const [phase, setPhase] = useState<PhaseKind>(campaign.currentPhase ?? "implementation");
  const [allHospitals, setAllHospitals] = useState(false);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [gridIds, setGridIds] = useState<number[]>([]);
  const [itemId, setItemId] = useState("");
  const create = useTaskMutation(tasksApi.create);
  const fields = fieldErrors(create.error);
  const range = campaign.phases.find((p) => p.phase === phase);
  const toggle = (list: number[], id: number) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    create.mutate(
      {
        campaignId: campaign.id,
        phase,
        title: text("title"),
        description: text("description"),
        deadline: text("deadline"),
        ...(itemId && { itemId: Number(itemId) }),
        assignees: { unitIds, gridIds, ...(allHospitals && { unitKinds: [...hospitalKinds] }) },
      },
      { onSuccess: onDone },
    );
  };
  const unitList = (units.data?.features ?? []).map((f) => f.properties);
  const isHospital = (kind: string) => (hospitalKinds as readonly string[]).includes(kind);
  return (
    <ApiForm className="dialog-form task-form" onSubmit={onSubmit} error={create.error}>
      {create.error && <ErrorBanner message={create.error.message} />}
      <InputField label={t("tasks.taskTitle")} name="title" required />
      <FormField label={t("tasks.description")} name="description">
        {(link) => <textarea {...link} name="description" rows={2} />}
      </FormField>
      <div className="import-fields">
        <FormField label={t("tasks.phase")} error={fields.phase ?? fields.campaignId}>
          {(link) => (
            <select {...link} value={phase} onChange={(e) => setPhase(e.target.value as PhaseKind)}>
              <Options
                items={campaign.phases}
                value={(p) => p.phase}
                label={(p) => t(`phase.${p.phase}`)}
              />
            </select>
          )}
        </FormField>
        <InputField
          label={t("tasks.deadline")}
          hint={range && `${range.startsOn} ~ ${range.endsOn}`}
          type="date"
          name="deadline"
        />
      </div>
      <FormField label={t("tasks.item")} name="itemId">
        {(link) => (
          <StandardItemSelect link={link} name="itemId" value={itemId} onChange={setItemId} />
        )}
      </FormField>
      <fieldset className="assignee-picker" aria-invalid={Boolean(fields.assignees)}>
        <legend>{t("tasks.assignees")}</legend>
        {fields.assignees && <small className="field-error">{fields.assignees}</small>}
        <label className="all-hospitals">
          <input
            type="checkbox"
            checked={allHospitals}
            onChange={(e) => setAllHospitals(e.target.checked)}
          />
          {t("tasks.allHospitals", {
            count: unitList.filter((u) => isHospital(u.kind)).length,
          })}
        </label>
        <div className="check-columns">
          {unitList.map((unit) => (
            <label key={unit.id}>
              <input
                type="checkbox"
                checked={unitIds.includes(unit.id) || (allHospitals && isHospital(unit.kind))}
                disabled={allHospitals && isHospital(unit.kind)}
                onChange={() => setUnitIds(toggle(unitIds, unit.id))}
              />
              {unit.shortName}
            </label>
          ))}
        </div>
        <p className="form-note">{t("tasks.grids")}</p>
        <div className="check-columns">
          {(grids.data?.features ?? []).map(({ properties: grid }) => (
            <label key={grid.id}>
              <input
                type="checkbox"
                checked={gridIds.includes(grid.id)}
                onChange={() => setGridIds(toggle(gridIds, grid.id))}
              />
              {grid.name}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton disabled={create.isPending}>{t("tasks.assign")}</SubmitButton>
    </ApiForm>
  );
}
