// Importing a task list from XLSX into the campaign: all rows or none; each refused row listed.
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { ImportColumns, ImportRefusal, pickedSheet } from "../../components/sheet-import.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";

const columns = ["任务名称", "任务说明", "阶段", "截止日期", "责任单位", "责任网格"];

export function TaskImport({ campaignId, onDone }: { campaignId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useTaskMutation(tasksApi.import);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    upload.mutate(
      { campaignId, file: pickedSheet(new FormData(event.currentTarget)) },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="dialog-form" onSubmit={onSubmit} noValidate>
      <p className="form-note">{t("tasks.importIntro")}</p>
      <ImportColumns columns={columns} />
      <label htmlFor={id}>{t("tasks.importFile")}</label>
      <input id={id} type="file" name="file" accept=".xlsx" />
      <ImportRefusal error={upload.error} />
      <SubmitButton disabled={upload.isPending}>{t("tasks.importSubmit")}</SubmitButton>
    </form>
  );
}
