// The coordinator's board (问题整改): 销号清零 at a glance, the overdue list, and every problem
// filtered by status, lateness and source; a problem opens on its own page.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemQueries } from "../../api/problems.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { Pager } from "../../components/pager.tsx";
import { navigate, useLocation } from "../../router.ts";
import { BoardFilterBar } from "./board-filter-bar.tsx";
import {
  type BoardFilters,
  boardPageSize,
  boardPath,
  listFilters,
  readBoardFilters,
} from "./board-filters.ts";
import { AwaitingList, OverdueList } from "./board-lists.tsx";
import { BoardSummary } from "./board-summary.tsx";
import { ProblemTable } from "./problem-table.tsx";

export function BoardPage() {
  const { t } = useTranslation();
  const { params } = useLocation();
  const filters = readBoardFilters(params);
  const board = useQuery(problemQueries.board());
  const list = useQuery(problemQueries.list(listFilters(filters)));
  // A new filter starts at the first page.
  const change = (next: Partial<BoardFilters>) =>
    navigate(boardPath({ ...filters, offset: 0, ...next }), { replace: true });
  const failed = board.error ?? list.error;

  return (
    <div className="page board-page">
      <PageHead heading={t("rectification.boardHeading")}>
        <Link to="/escalation">{t("notifications.stepsLink")}</Link>
      </PageHead>
      {failed && (
        <ErrorBanner
          message={failed.message}
          onRetry={() => {
            void board.refetch();
            void list.refetch();
          }}
        />
      )}
      <BoardSummary
        board={board.data}
        status={filters.status}
        onStatus={(status) => change({ status })}
        onOverdue={() => change({ overdue: true, status: undefined })}
      />
      <div className="board-columns">
        <div className="board-side">
          <AwaitingList
            problems={board.data?.awaitingDispatch ?? []}
            total={board.data?.awaitingDispatchCount ?? 0}
            onShowAll={() => change({ status: "reported", overdue: false })}
          />
          <OverdueList
            problems={board.data?.overdue ?? []}
            total={board.data?.overdueCount ?? 0}
            onShowAll={() => change({ overdue: true, status: undefined })}
          />
        </div>
        <section className="board-list" aria-label={t("rectification.listHeading")}>
          <BoardFilterBar filters={filters} onChange={change} />
          <ProblemTable problems={list.data?.features ?? []} loading={list.isPending} />
          <Pager
            offset={filters.offset}
            limit={boardPageSize}
            total={list.data?.numberMatched ?? 0}
            onChange={(offset) => navigate(boardPath({ ...filters, offset }), { replace: true })}
          />
        </section>
      </div>
    </div>
  );
}
