// One unit's (or grid's) part of a task for the campaign office: its progress and evidence, a
// reminder (催办) while it is open, a return with a reason once it is done.
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { taskQueries, tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { Dialog } from "../../components/dialog.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { InputField } from "../../components/form-field.tsx";
import { AssignmentFacts } from "./assignment-facts.tsx";

interface Props {
  taskId: number;
  assignmentId: number;
  onClose: () => void;
}

export function AssignmentDialog({ taskId, assignmentId, onClose }: Props) {
  const { t } = useTranslation();
  const task = useQuery(taskQueries.task(taskId));
  const remind = useTaskMutation(tasksApi.remind);
  const giveBack = useTaskMutation((reason: string) => tasksApi.giveBack(assignmentId, reason));
  const [reason, setReason] = useState("");
  const assignment = task.data?.assignments.find((a) => a.id === assignmentId);
  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    giveBack.mutate(reason, { onSuccess: onClose });
  };
  return (
    <Dialog heading={task.data?.title ?? t("app.loading")} onClose={onClose}>
      {task.error && <ErrorBanner message={task.error.message} />}
      {assignment && (
        <div className="assignment-dialog">
          <AssignmentFacts assignment={assignment} />
          {(remind.error || giveBack.error) && (
            <ErrorBanner message={(remind.error ?? giveBack.error)?.message ?? ""} />
          )}
          {assignment.status !== "done" ? (
            <button
              type="button"
              className="primary"
              disabled={remind.isPending}
              onClick={() => remind.mutate(assignmentId)}
            >
              {t("tasks.remind")}
              {assignment.remindCount > 0 && ` (${assignment.remindCount})`}
            </button>
          ) : (
            <form onSubmit={onReturn} className="dialog-form">
              <InputField
                label={t("tasks.returnReason")}
                error={fieldErrors(giveBack.error).reason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button type="submit" disabled={giveBack.isPending}>
                {t("tasks.return")}
              </button>
            </form>
          )}
        </div>
      )}
    </Dialog>
  );
}
