// The campaign's paperwork beside the map: a grid's open tasks and recent materials, a unit's
// task completion rate. Shown under the grid's and the unit's details in the side panel.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { taskQueries } from "../../api/tasks.ts";
import { Field, Fields } from "../../components/fields.tsx";

export function GridWork({ gridId }: { gridId: number }) {
  const { t } = useTranslation();
  const tasks = useQuery(taskQueries.tasks({ gridId, open: "true" }));
  const materials = useQuery(taskQueries.materials({ gridId, limit: 5 }));
  return (
    <Fields>
      <Field label={t("tasks.openTasks")}>
        {tasks.data?.tasks.length ? (
          <ul className="plain">
            {tasks.data.tasks.map((task) => (
              <li key={task.id} className={task.overdue ? "overdue-text" : undefined}>
                {task.title} <small>{task.deadline.slice(0, 10)}</small>
              </li>
            ))}
          </ul>
        ) : (
          t("panel.none")
        )}
      </Field>
      <Field label={t("materials.recent")}>
        {materials.data?.materials.length ? (
          <ul className="plain">
            {materials.data.materials.map((m) => (
              <li key={m.id}>
                {m.title} <small>{m.week}</small>
              </li>
            ))}
          </ul>
        ) : (
          t("panel.none")
        )}
      </Field>
    </Fields>
  );
}

export function UnitWork({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const tasks = useQuery(taskQueries.tasks({ unitId }));
  const list = tasks.data?.tasks ?? [];
  const total = list.reduce((sum, task) => sum + task.assignments, 0);
  const done = list.reduce((sum, task) => sum + task.done, 0);
  const overdue = list.reduce((sum, task) => sum + task.overdue, 0);
  return (
    <Fields>
      <Field label={t("tasks.completionRate")}>
        {total
          ? t("tasks.completionValue", { done, total, percent: Math.round((done / total) * 100) })
          : t("panel.none")}
        {overdue > 0 && (
          <small className="overdue-text"> {t("tasks.overdueTag", { count: overdue })}</small>
        )}
      </Field>
    </Fields>
  );
}
