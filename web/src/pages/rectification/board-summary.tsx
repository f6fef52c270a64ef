// The top of the board (销号清零): how many problems are still open, how many are overdue, how
// many requests for more time wait, and a tile per status that filters the list.
import { useTranslation } from "react-i18next";
import type { ProblemBoard } from "../../api/problems.ts";
import type { ProblemStatus } from "../../api/types.ts";
import { statusColours } from "../../map/colours.ts";
import { problemStatuses } from "./board-filters.ts";

interface Props {
  board: ProblemBoard | undefined;
  status: ProblemStatus | undefined;
  onStatus: (status: ProblemStatus | undefined) => void;
  onOverdue: () => void;
}

export function BoardSummary({ board, status, onStatus, onOverdue }: Props) {
  const { t } = useTranslation();
  const figure = (value: number | undefined) => (value === undefined ? "…" : value);
  return (
    <div className="board-summary">
      <div className="board-goal">
        <span className="board-goal-title">{t("rectification.goal")}</span>
        <span className="board-figure">
          <strong>{figure(board?.open)}</strong>
          {t("rectification.open")}
        </span>
        <button
          type="button"
          className={board?.overdueCount ? "board-figure late" : "board-figure"}
          onClick={onOverdue}
        >
          <strong>{figure(board?.overdueCount)}</strong>
          {t("rectification.overdueCount")}
        </button>
        <span className="board-figure">
          <strong>{figure(board?.extensionRequests)}</strong>
          {t("rectification.extensionRequests")}
        </span>
      </div>
      <ul className="status-tiles" aria-label={t("rectification.byStatus")}>
        {problemStatuses.map((value) => (
          <li key={value}>
            <button
              type="button"
              aria-pressed={status === value}
              style={{ borderTopColor: statusColours[value] }}
              onClick={() => onStatus(status === value ? undefined : value)}
            >
              <strong>{figure(board ? (board.byStatus[value] ?? 0) : undefined)}</strong>
              {t(`status.${value}`)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
