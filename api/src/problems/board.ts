// The coordinator's board (销号清零): open problems by state, the overdue ones, most late first, and
// those waiting for dispatch with how long they have waited.
import { awaitingDispatch } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { countingCellSize } from "../db/schema/index.ts";
import { problemsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { openProblem } from "./open.ts";
import { awaitingSince, countFromRollup, statusIn } from "./queries.ts";

/**
 * Problems waiting for dispatch (待派发), the earliest reported first: never overdue (no unit has
 * them, so no deadline runs), but how long each has waited shows.
 */
function waitingForDispatch(ex: Executor, scope: Scope) {
  return selectRows<{
    id: number;
    description: string;
    status: string;
    gridCode: string | null;
    unitName: string | null;
    awaitingSince: string;
  }>(
    ex,
    sql`SELECT p.id, p.description, p.status, g.code AS "gridCode", u.name AS "unitName",
          ${awaitingSince(scope.cityId)} AS "awaitingSince"
        FROM problems p LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
          LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
        WHERE ${problemsReadable(scope)} AND ${statusIn(sql`p.status`, awaitingDispatch)}
        ORDER BY p.reported_at, p.id LIMIT 20`,
  );
}

export async function problemBoard(ex: Executor, scope: Scope) {
  // The whole city's counts by state come from the leaders' rollup (every problem once in its
  // 16 km band): grouping a million problems took most of the board's time.
  const counts = await selectRows<{ status: string; count: number }>(
    ex,
    scope.kind === "city"
      ? sql`SELECT status, sum(problems)::int AS count FROM problem_cell_days
          WHERE city_id = ${scope.cityId} AND cell_size = ${countingCellSize}
          GROUP BY status HAVING sum(problems) > 0 ORDER BY status`
      : sql`SELECT p.status, count(*)::int AS count FROM problems p WHERE ${problemsReadable(scope)} GROUP BY p.status ORDER BY p.status`,
  );
  const overdue = await selectRows<{
    id: number;
    description: string;
    status: string;
    gridCode: string | null;
    unitName: string | null;
    deadline: string;
    daysOverdue: number;
  }>(
    ex,
    sql`SELECT p.id, p.description, p.status, g.code AS "gridCode", u.name AS "unitName", ${isoTime(sql`p.deadline`)} AS deadline,
          floor(extract(epoch FROM now() - p.deadline) / 86400)::int AS "daysOverdue"
        FROM problems p LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
          LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
        WHERE ${problemsReadable(scope)} AND p.deadline < now() AND ${openProblem}
        ORDER BY p.deadline, p.id LIMIT 100`,
  );
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.count]));
  const open = counts
    .filter((c) => c.status !== "closed" && c.status !== "ledger")
    .reduce((s, c) => s + c.count, 0);
  const [pending] = await selectRows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM problems p WHERE ${problemsReadable(scope)} AND p.extension_days_requested IS NOT NULL`,
  );
  // The city's overdue count from the list's rollup, as the list under "overdue" counts it.
  const [late] = await selectRows<{ total: number }>(
    ex,
    countFromRollup(scope, { overdue: true }) ??
      sql`SELECT count(*)::int AS total FROM problems p
        WHERE ${problemsReadable(scope)} AND p.deadline < now() AND ${openProblem}`,
  );
  // The list shows the 100 most late; the count is all of them.
  return {
    byStatus,
    open,
    overdueCount: late?.total ?? 0,
    extensionRequests: pending?.n ?? 0,
    overdue,
    awaitingDispatchCount: awaitingDispatch.reduce((n, status) => n + (byStatus[status] ?? 0), 0),
    awaitingDispatch: await waitingForDispatch(ex, scope),
  };
}
