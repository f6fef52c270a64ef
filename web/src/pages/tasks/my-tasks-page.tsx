// A unit's (or grid leader's) own tasks: overdue first; report progress, or complete with a note
// and evidence (photos, PDF, Office files); a returned task shows why.
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { type Assignment, taskQueries, tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { controlled, FormField, InputField } from "../../components/form-field.tsx";
import { AssignmentFacts } from "./assignment-facts.tsx";

export function MyTasksPage() {
  const { t } = useTranslation();
  const list = useQuery(taskQueries.tasks({}));
  if (list.error) return <ErrorBanner message={list.error.message} />;
  if (!list.data) return <p className="page">{t("app.loading")}</p>;
  return (
    <div className="page my-tasks">
      <h2>{t("tasks.mine")}</h2>
      {list.data.tasks.length === 0 && <p>{t("tasks.none")}</p>}
      {list.data.tasks.map((task) => (
        <MyTask key={task.id} id={task.id} />
      ))}
    </div>
  );
}

function MyTask({ id }: { id: number }) {
  const { t } = useTranslation();
  const task = useQuery(taskQueries.task(id));
  if (!task.data) return null;
  return (
    <article className="task-card">
      <h3>{task.data.title}</h3>
      <p className="task-meta">
        {t(`phase.${task.data.phase}`)} · {t("tasks.deadline")} {task.data.deadline.slice(0, 10)}
      </p>
      {task.data.description && <p>{task.data.description}</p>}
      {task.data.assignments.map((a) => (
        <div key={a.id} className={a.overdue ? "assignment overdue" : "assignment"}>
          <AssignmentFacts assignment={a} />
          {a.status !== "done" && <AssignmentWork assignment={a} />}
        </div>
      ))}
    </article>
  );
}

function AssignmentWork({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [progress, setProgress] = useState(assignment.progress);
  const report = useTaskMutation((note: string) =>
    tasksApi.progress(assignment.id, { progress, note }),
  );
  const complete = useTaskMutation(async ({ note, files }: { note: string; files: File[] }) => {
    const uploaded = [];
    for (const file of files) uploaded.push(await tasksApi.uploadEvidence(file));
    return tasksApi.complete(assignment.id, { note, fileIds: uploaded.map((f) => f.id) });
  });
  const error = report.error ?? complete.error;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    const form = new FormData(event.currentTarget);
    const note = String(form.get("note") ?? "").trim();
    if (submitter === "progress") report.mutate(note);
    else {
      const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
      complete.mutate({ note, files });
    }
  };
  return (
    <form className="assignment-work" onSubmit={onSubmit} noValidate>
      {error && <ErrorBanner message={error.message} />}
      <InputField
        label={t("tasks.progress", { value: progress })}
        type="range"
        min={0}
        max={99}
        step={5}
        {...controlled(progress, setProgress, Number)}
      />
      <FormField label={t("tasks.note")} error={fieldErrors(error).note}>
        {(link) => <textarea {...link} name="note" rows={2} defaultValue={assignment.note ?? ""} />}
      </FormField>
      <label htmlFor={fileId}>{t("tasks.evidenceFiles")}</label>
      <input
        id={fileId}
        type="file"
        name="files"
        multiple
        accept="image/jpeg,image/png,image/webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
      />
      <div className="form-actions">
        <button type="submit" value="progress" disabled={report.isPending}>
          {t("tasks.saveProgress")}
        </button>
        <button type="submit" value="complete" className="primary" disabled={complete.isPending}>
          {t("tasks.complete")}
        </button>
      </div>
    </form>
  );
}
