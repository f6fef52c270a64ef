// "Still open" in SQL, from geo's list of statuses: not closed out, not put on the ledger.
import { openStatuses, problemStatuses } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";

/**
 * The statuses that end a problem's work (geo: those not in openStatuses), written as literals:
 * the partial indexes on open problems (WHERE status NOT IN ('closed', 'ledger')) are matched by
 * the planner against constants, never against parameters.
 */
const ended = problemStatuses.filter((s) => !openStatuses.includes(s)).sort();

const literals = sql.raw(ended.map((s) => `'${s}'`).join(", "));

/** `status NOT IN ('closed', 'ledger')` for the given status column. */
export function isOpen(status: SQL): SQL {
  return sql`${status} NOT IN (${literals})`;
}

/** `status IN ('closed', 'ledger')`: the expression the list index on problems sorts by. */
export function hasEnded(status: SQL): SQL {
  return sql`${status} IN (${literals})`;
}

/** Whether problem p is still open. */
export const openProblem = isOpen(sql`p.status`);
