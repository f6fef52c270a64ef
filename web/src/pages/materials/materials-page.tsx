// 资料报送 for a unit admin: send this week's (or an earlier week's) material, tagged with its
// category and, where it fits, a task, a grid and a standard item; see what was sent, accepted or
// returned and why.
import { chinaDate } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { queries } from "../../api/queries.ts";
import { materialCategories, taskQueries, tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, FormField, InputField } from "../../components/form-field.tsx";
import { Options } from "../../components/options.tsx";
import { StandardItemSelect } from "../../components/standard-item-select.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";

const today = () => chinaDate();

export function MaterialsPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const form = useRef<HTMLFormElement>(null);
  const tasks = useQuery(taskQueries.tasks({}));
  // A unit admin's own unit's grids (the API's scope).
  const grids = useQuery(queries.grids());
  const [itemId, setItemId] = useState("");
  const list = useQuery(taskQueries.materials({}));
  const submit = useTaskMutation(
    ({ fields, file }: { fields: Record<string, string>; file: File }) =>
      tasksApi.submitMaterial(fields, file),
  );
  const fields = fieldErrors(submit.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const file = data.get("file");
    submit.mutate(
      {
        fields: {
          week: text("week"),
          category: text("category"),
          title: text("title"),
          taskId: text("taskId"),
          gridId: text("gridId"),
          itemId,
        },
        file: file instanceof File ? file : new File([], ""),
      },
      {
        onSuccess: () => {
          form.current?.reset();
          setItemId("");
        },
      },
    );
  };
  return (
    <div className="page materials-page">
      <h2>{t("materials.submitTitle")}</h2>
      <ApiForm ref={form} className="material-form" onSubmit={onSubmit} error={submit.error}>
        {submit.error && <ErrorBanner message={submit.error.message} />}
        {submit.isSuccess && <p className="form-note ok">{t("materials.sent")}</p>}
        <div className="import-fields">
          <InputField
            label={t("materials.week")}
            hint={t("materials.weekHint")}
            type="date"
            name="week"
            defaultValue={today()}
          />
          <FormField label={t("materials.category")} name="category">
            {(link) => (
              <select {...link} name="category">
                <Options items={materialCategories} label={(c) => t(`materials.categories.${c}`)} />
              </select>
            )}
          </FormField>
        </div>
        <InputField label={t("materials.name")} name="title" />
        <FormField label={t("materials.task")} name="taskId">
          {(link) => (
            <select {...link} name="taskId">
              <option value="">{t("materials.noTask")}</option>
              <Options
                items={tasks.data?.tasks}
                value={(task) => task.id}
                label={(task) => task.title}
              />
            </select>
          )}
        </FormField>
        <div className="import-fields">
          <FormField label={t("materials.grid")} name="gridId">
            {(link) => (
              <select {...link} name="gridId">
                <option value="">{t("materials.noGrid")}</option>
                {grids.data?.features.map(({ properties: grid }) => (
                  <option key={grid.id} value={grid.id}>
                    {grid.code} {grid.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("materials.item")} name="itemId">
            {(link) => (
              <StandardItemSelect link={link} name="itemId" value={itemId} onChange={setItemId} />
            )}
          </FormField>
        </div>
        <label htmlFor={fileId}>{t("materials.file")}</label>
        <input id={fileId} type="file" name="file" />
        {fields.file && <small className="field-error">{fields.file}</small>}
        <SubmitButton disabled={submit.isPending}>{t("materials.submit")}</SubmitButton>
      </ApiForm>
      <h3>{t("materials.sentList")}</h3>
      <DataTable
        className="data-table"
        headings={["week", "category", "name", "status"].map((key) => t(`materials.${key}`))}
      >
        {list.data?.materials.map((m) => (
          <tr key={m.id} className={`material-${m.status}`}>
            <td>{m.week}</td>
            <td>{t(`materials.categories.${m.category}`)}</td>
            <td>
              {m.url ? (
                <a href={m.url} target="_blank" rel="noreferrer">
                  {m.title}
                </a>
              ) : (
                m.title
              )}
            </td>
            <td>
              {t(`materials.statuses.${m.status}`)}
              {m.reviewNote && <small className="return-reason"> {m.reviewNote}</small>}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
