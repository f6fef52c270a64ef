// The campaign office's completeness board: units × weeks, on time / late / missing against the
// Friday deadline (missing first); a cell's materials are accepted or returned with a reason; the
// assessors' archive downloads with a byte counter.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type MaterialBoard, taskQueries } from "../../api/tasks.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { ArchiveDownload } from "./archive-download.tsx";
import { MaterialReview } from "./material-review.tsx";

/** Weeks shown: the current one and the two before, the span a weekly report is chased over. */
const WEEKS = 3;

type Cell = MaterialBoard["units"][number]["cells"][number];

export function MaterialBoardPage() {
  const { t } = useTranslation();
  const board = useQuery(taskQueries.board(WEEKS));
  const campaign = useQuery(taskQueries.currentCampaign());
  const [open, setOpen] = useState<{ unit: string; cell: Cell } | null>(null);
  if (board.error) return <ErrorBanner message={board.error.message} />;
  if (!board.data) return <p className="page">{t("app.loading")}</p>;
  return (
    <div className="page board-page">
      <header className="page-head">
        <h2>
          <Link to="/tasks" className="back-link">
            {t("nav.tasks")}
          </Link>{" "}
          / {t("materials.boardTitle")}
        </h2>
        <ArchiveDownload campaignId={campaign.data?.campaign?.id} />
      </header>
      <p className="form-note">{t("materials.deadlineRule")}</p>
      <div className="table-scroll">
        <table className="material-board">
          <thead>
            <tr>
              <th>{t("tasks.unit")}</th>
              {board.data.weeks.map((w) => (
                <th key={w.week}>{t("materials.weekOf", { week: w.week.slice(5) })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.data.units.map((unit) => (
              <tr key={unit.id} className={unit.missing || unit.late ? "late" : undefined}>
                <th scope="row">{unit.name}</th>
                {unit.cells.map((cell) => (
                  <td key={cell.week} className={`board-${cell.status}`}>
                    {cell.materials.length ? (
                      <button type="button" onClick={() => setOpen({ unit: unit.name, cell })}>
                        {t(`materials.board.${cell.status}`)} · {cell.materials.length}
                      </button>
                    ) : (
                      t(`materials.board.${cell.status}`)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <MaterialReview
          heading={`${open.unit} · ${t("materials.weekOf", { week: open.cell.week })}`}
          materials={open.cell.materials}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
