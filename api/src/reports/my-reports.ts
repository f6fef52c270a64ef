// 我的上报: the problems a volunteer or grid leader reported, newest first, each with where it
// stands now — its status and the latest step someone took.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { isoTime, type Page, queryPage } from "../db/query-helpers.ts";
import type { ProblemStatus } from "../db/schema/index.ts";

export interface MyReportRow {
  id: number;
  status: ProblemStatus;
  description: string;
  gridCode: string | null;
  unitName: string | null;
  reportedAt: string;
  /** The newest rectification step: the report itself until someone acts on it. */
  latestStep: { action: string; at: string; note: string | null };
}

/** Only the caller's own reports: reported_by is the signed-in user, in their city. */
export async function listMyReports(
  ex: Executor,
  user: { id: number; cityId: number },
  page: Page,
) {
  const { rows, total } = await queryPage<
    Omit<MyReportRow, "latestStep"> & {
      stepAction: string;
      stepAt: string;
      stepNote: string | null;
    }
  >(ex, {
    columns: sql`p.id, p.status, p.description, g.code AS "gridCode", u.name AS "unitName",
      ${isoTime(sql`p.reported_at`)} AS "reportedAt", e.action AS "stepAction",
      ${isoTime(sql`e.at`)} AS "stepAt", e.note AS "stepNote"`,
    from: sql`problems p
      LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
      LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
      JOIN LATERAL (SELECT action, at, note FROM rectification_events
        WHERE problem_id = p.id AND city_id = p.city_id ORDER BY seq DESC LIMIT 1) e ON true`,
    where: sql`p.city_id = ${user.cityId} AND p.reported_by = ${user.id}`,
    orderBy: sql`p.reported_at DESC, p.id DESC`,
    ...page,
  });
  return {
    rows: rows.map(({ stepAction, stepAt, stepNote, ...r }) => ({
      ...r,
      latestStep: { action: stepAction, at: stepAt, note: stepNote },
    })),
    total,
  };
}
