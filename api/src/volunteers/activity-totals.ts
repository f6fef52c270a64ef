// Volunteer hours added up per branch and per volunteer, for the campaign office, and as XLSX.

import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { headerRow, SEQUENCE, type TableColumn, tableRows } from "../exports/table-sheet.ts";
import { newWorkbook } from "../exports/workbook.ts";
import { type DayRange, withinDays } from "./caller.ts";

type Period = DayRange;

export interface BranchTotal {
  branchId: number;
  branchName: string;
  activities: number;
  volunteers: number;
  hours: number;
}

export interface VolunteerTotal {
  personId: number;
  name: string;
  branchName: string | null;
  activities: number;
  hours: number;
}

const inPeriod = (period: Period) => withinDays(sql`a.held_on`, period);

export async function activityTotals(ex: Executor, cityId: number, period: Period) {
  const branches = await selectRows<BranchTotal>(
    ex,
    sql`SELECT b.id AS "branchId", b.name AS "branchName", count(DISTINCT a.id)::int AS activities,
          count(DISTINCT ap.person_id)::int AS volunteers, COALESCE(sum(ap.hours), 0)::float8 AS hours
        FROM volunteer_branches b
        LEFT JOIN volunteer_activities a ON a.branch_id = b.id AND a.city_id = b.city_id
          AND ${inPeriod(period)}
        LEFT JOIN activity_participants ap ON ap.activity_id = a.id AND ap.city_id = a.city_id
        WHERE b.city_id = ${cityId}
        GROUP BY b.id, b.name ORDER BY hours DESC, b.id`,
  );
  const volunteers = await selectRows<VolunteerTotal>(
    ex,
    sql`SELECT pe.id AS "personId", pe.name, b.name AS "branchName", count(DISTINCT a.id)::int AS activities,
          sum(ap.hours)::float8 AS hours
        FROM activity_participants ap
        JOIN volunteer_activities a ON a.id = ap.activity_id AND a.city_id = ap.city_id
        JOIN people pe ON pe.id = ap.person_id AND pe.city_id = ap.city_id
        LEFT JOIN volunteer_branches b ON b.id = pe.branch_id AND b.city_id = pe.city_id
        WHERE a.city_id = ${cityId} AND ${inPeriod(period)}
        GROUP BY pe.id, pe.name, b.name ORDER BY hours DESC, pe.id`,
  );
  return { branches, volunteers };
}

/** The totals as a workbook: one sheet per branch totals, one per volunteer totals. */
export async function totalsWorkbook(
  totals: Awaited<ReturnType<typeof activityTotals>>,
  period: Period,
): Promise<ArrayBuffer> {
  const book = await newWorkbook();
  const span = `统计期间：${period.from ?? "开始"} 至 ${period.to ?? "今天"}（按活动日期）`;
  const sheet = (name: string, columns: TableColumn[], rows: object[]) => {
    const s = book.addWorksheet(name);
    s.columns = columns.map(({ key, width }) => ({ key, width }));
    s.addRow([span]);
    headerRow(s, columns);
    tableRows(s, columns, rows);
  };
  sheet(
    "支队汇总",
    [
      SEQUENCE,
      { header: "支队", key: "branchName", width: 30 },
      { header: "活动次数", key: "activities", width: 10, total: true },
      // One volunteer may join several branches' activities: the counts do not add up.
      { header: "参与志愿者", key: "volunteers", width: 12 },
      { header: "服务时长（小时）", key: "hours", width: 16, total: true },
    ],
    totals.branches,
  );
  // An activity has many volunteers: their activity counts do not add up to activities.
  sheet(
    "志愿者汇总",
    [
      SEQUENCE,
      { header: "志愿者", key: "name", width: 14 },
      { header: "支队", key: "branchName", width: 30 },
      { header: "活动次数", key: "activities", width: 10 },
      { header: "服务时长（小时）", key: "hours", width: 16, total: true },
    ],
    totals.volunteers,
  );
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
