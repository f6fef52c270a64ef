// Importing a task list from XLSX into the campaign: all rows or none; each refused row listed.
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";

const columns = ["任务名称", "任务说明", "阶段", "截止日期", "责任单位", "责任网格"];
const rowNumber = (key: string) => Number(/^row (\d+)$/.exec(key)?.[1] ?? 0);

export function TaskImport({ campaignId, onDone }: { campaignId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useTaskMutation(tasksApi.import);
  const problems = Object.entries(fieldErrors(upload.error)).sort(
    ([a], [b]) => rowNumber(a) - rowNumber(b),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    upload.mutate(
      { campaignId, file: file instanceof File ? file : new File([], "") },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="dialog-form" onSubmit={onSubmit} noValidate>
      <p className="form-note">{t("tasks.importIntro")}</p>
      <p className="import-columns">
        {columns.map((c) => (
          <code key={c}>{c}</code>
        ))}
      </p>
      <label htmlFor={id}>{t("tasks.importFile")}</label>
      <input id={id} type="file" name="file" accept=".xlsx" />
      {upload.error && <ErrorBanner message={upload.error.message} />}
      {problems.length > 0 && (
        <ul className="import-problems">
          {problems.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary" disabled={upload.isPending}>
        {t("tasks.importSubmit")}
      </button>
    </form>
  );
}
