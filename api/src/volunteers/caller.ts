// Who a volunteer or grid leader is on record, and which of their grids a request may touch.
import { type SQL, sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { whereAll } from "../db/query-helpers.ts";
import { AppError } from "../errors.ts";
import type { Scope } from "../policy/scope.ts";
import { todayInChina } from "../rankings/period.ts";

/** The person on record behind a volunteer's account: patrols and sign-ups are theirs. */
export function personOf(user: SessionUser): number {
  if (user.personId === null) {
    throw new AppError(403, "no_person", { key: "volunteer.no_person" });
  }
  return user.personId;
}

/** One of the caller's own grids: the one asked for, or their first when none is named. */
export function ownGrid(scope: Scope, gridId: number | undefined): number | null {
  if (scope.kind !== "grids") return gridId ?? null;
  if (gridId === undefined) return scope.gridIds[0] ?? null;
  if (!scope.gridIds.includes(gridId)) {
    throw new AppError(
      403,
      "not_your_grid",
      { key: "volunteer.not_your_grid" },
      {
        gridId: { key: "volunteer.not_your_grid" },
      },
    );
  }
  return gridId;
}

/** The Monday (YYYY-MM-DD) of the week holding `now`, in China time: "this week" for patrols. */
export function mondayOf(now: Date): string {
  const today = todayInChina(now);
  const back = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
}

/** A span of calendar days (YYYY-MM-DD, inclusive; either end open). */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The condition that a date column falls in the range. */
export function withinDays(column: SQL, range: DayRange): SQL {
  return whereAll([
    range.from !== undefined && sql`${column} >= ${range.from}::date`,
    range.to !== undefined && sql`${column} <= ${range.to}::date`,
  ]);
}
