// Units × tasks: each cell the unit's status on the task; overdue cells red, late units first.
import { useTranslation } from "react-i18next";
import type { TaskMatrix } from "../../api/tasks.ts";

interface Props {
  matrix: TaskMatrix;
  onOpen: (taskId: number, assignmentId: number) => void;
}

export function TaskMatrixTable({ matrix, onOpen }: Props) {
  const { t } = useTranslation();
  const cell = (taskId: number, unitId: number) =>
    matrix.cells.find((c) => c.taskId === taskId && c.unitId === unitId);
  return (
    <div className="table-scroll">
      <table className="task-matrix">
        <thead>
          <tr>
            <th>{t("tasks.unit")}</th>
            {matrix.tasks.map((task) => (
              <th key={task.id} className={task.overdue ? "late" : undefined}>
                <span className="task-title">{task.title}</span>
                <small>
                  {t("tasks.deadline")} {task.deadline.slice(0, 10)} · {task.done}/{task.total}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.units.map((unit) => (
            <tr key={unit.id} className={unit.overdue ? "late" : undefined}>
              <th scope="row">
                {unit.name}
                {unit.overdue > 0 && (
                  <small className="overdue-tag">
                    {t("tasks.overdueTag", { count: unit.overdue })}
                  </small>
                )}
              </th>
              {matrix.tasks.map((task) => {
                const c = cell(task.id, unit.id);
                if (!c) return <td key={task.id} className="cell-none" />;
                const state = c.overdue ? "overdue" : c.status;
                return (
                  <td key={task.id} className={`cell-${state}`}>
                    <button
                      type="button"
                      onClick={() => onOpen(task.id, c.assignmentId)}
                      title={unit.name}
                      data-state={state}
                    >
                      {t(`tasks.cell.${state}`)}
                      {c.status === "in_progress" && ` ${c.progress}%`}
                      {c.doneLate && ` · ${t("tasks.doneLate")}`}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
