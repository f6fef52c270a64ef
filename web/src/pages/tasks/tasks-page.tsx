// The campaign office's task list (任务清单): units × tasks, what is late first; a cell opens the
// assignment to remind or return it; new tasks (to many units or grids at once), XLSX in and out.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { taskQueries } from "../../api/tasks.ts";
import { Dialog } from "../../components/dialog.tsx";
import { DownloadLink } from "../../components/download-link.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { AssignmentDialog } from "./assignment-dialog.tsx";
import { TaskForm } from "./task-form.tsx";
import { TaskImport } from "./task-import.tsx";
import { TaskMatrixTable } from "./task-matrix.tsx";

export function TasksPage() {
  const { t } = useTranslation();
  const current = useQuery(taskQueries.currentCampaign());
  const campaign = current.data?.campaign;
  const matrix = useQuery({ ...taskQueries.matrix(campaign?.id ?? 0), enabled: Boolean(campaign) });
  const [dialog, setDialog] = useState<"create" | "import" | null>(null);
  const [open, setOpen] = useState<{ taskId: number; assignmentId: number } | null>(null);

  if (current.error) return <ErrorBanner message={current.error.message} />;
  if (!current.data) return <p className="page">{t("app.loading")}</p>;
  if (!campaign) return <p className="page">{t("tasks.noCampaign")}</p>;
  const overdue = matrix.data?.cells.filter((c) => c.overdue).length ?? 0;
  return (
    <div className="page tasks-page">
      <header className="page-head">
        <h2>
          {t("tasks.title")} <small>{campaign.name}</small>
        </h2>
        <div className="page-actions">
          <button type="button" className="primary" onClick={() => setDialog("create")}>
            {t("tasks.create")}
          </button>
          <button type="button" onClick={() => setDialog("import")}>
            {t("tasks.import")}
          </button>
          <Link to="/materials/board" className="button-link">
            {t("nav.materialBoard")}
          </Link>
          <DownloadLink href={`/api/tasks/export?campaignId=${campaign.id}`}>
            {t("tasks.export")}
          </DownloadLink>
        </div>
      </header>
      <ol className="phase-strip">
        {campaign.phases.map((p) => (
          <li key={p.phase} className={p.phase === campaign.currentPhase ? "current" : undefined}>
            <strong>{t(`phase.${p.phase}`)}</strong>
            <small>
              {p.startsOn} ~ {p.endsOn}
            </small>
          </li>
        ))}
      </ol>
      {overdue > 0 && <p className="overdue-note">{t("tasks.overdueCount", { count: overdue })}</p>}
      {matrix.error && <ErrorBanner message={matrix.error.message} />}
      {matrix.data && (
        <TaskMatrixTable
          matrix={matrix.data}
          onOpen={(taskId, assignmentId) => setOpen({ taskId, assignmentId })}
        />
      )}
      {dialog === "create" && (
        <Dialog heading={t("tasks.create")} onClose={() => setDialog(null)}>
          <TaskForm campaign={campaign} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog === "import" && (
        <Dialog heading={t("tasks.import")} onClose={() => setDialog(null)}>
          <TaskImport campaignId={campaign.id} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {open && <AssignmentDialog {...open} onClose={() => setOpen(null)} />}
    </div>
  );
}
