// The division table (分工表): each grid with its community, area, lead and supporting units, leader, volunteers.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { SEQUENCE, type TableColumn, tableRows, tableSheet } from "../exports/table-sheet.ts";
import { newWorkbook } from "../exports/workbook.ts";
import { type MobileCaller, mobileFor } from "../policy/mobile-scope.ts";
import { gridsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

export interface DivisionRow {
  gridId: number;
  code: string;
  name: string;
  communityName: string;
  areaM2: number;
  leadUnit: string | null;
  supportUnits: string[];
  leader: string | null;
  leaderMobile: string | null;
  volunteerCount: number;
}

export async function divisionTable(
  ex: Executor,
  scope: Scope,
  caller: MobileCaller,
  communityId?: number,
): Promise<DivisionRow[]> {
  const community = communityId === undefined ? sql`true` : sql`g.community_id = ${communityId}`;
  const rows = await selectRows<
    Omit<DivisionRow, "supportUnits"> & { supportUnits: string | null }
  >(
    ex,
    sql`SELECT g.id AS "gridId", g.code, g.name, c.name AS "communityName",
          round(ST_Area(g.geom::geography))::float8 AS "areaM2",
          (SELECT u.name FROM grid_units gu JOIN units u ON u.id = gu.unit_id AND u.city_id = gu.city_id
             WHERE gu.grid_id = g.id AND gu.city_id = g.city_id AND gu.role = 'lead') AS "leadUnit",
          (SELECT string_agg(u.name, '、' ORDER BY u.name)
             FROM grid_units gu JOIN units u ON u.id = gu.unit_id AND u.city_id = gu.city_id
             WHERE gu.grid_id = g.id AND gu.city_id = g.city_id AND gu.role = 'support') AS "supportUnits",
          (SELECT p.name FROM grid_people gp JOIN people p ON p.id = gp.person_id AND p.city_id = gp.city_id
             WHERE gp.grid_id = g.id AND gp.city_id = g.city_id AND gp.role = 'leader') AS leader,
          (SELECT ${mobileFor(scope, caller)}
             FROM grid_people gp JOIN people p ON p.id = gp.person_id AND p.city_id = gp.city_id
             WHERE gp.grid_id = g.id AND gp.city_id = g.city_id AND gp.role = 'leader') AS "leaderMobile",
          (SELECT count(*) FROM grid_people gp WHERE gp.grid_id = g.id AND gp.city_id = g.city_id
             AND gp.role = 'volunteer')::int AS "volunteerCount"
        FROM grids g JOIN communities c ON c.id = g.community_id AND c.city_id = g.city_id
        WHERE ${gridsReadable(scope)} AND g.deleted_at IS NULL AND ${community}
        ORDER BY g.code`,
  );
  return rows.map((r) => ({
    ...r,
    supportUnits: r.supportUnits ? r.supportUnits.split("、") : [],
  }));
}

const columns: TableColumn[] = [
  SEQUENCE,
  { header: "网格编码", key: "code", width: 18 },
  { header: "网格名称", key: "name", width: 20 },
  { header: "帮包社区", key: "communityName", width: 14 },
  { header: "面积(m²)", key: "areaM2", width: 12, total: true },
  { header: "牵头单位", key: "leadUnit", width: 24 },
  { header: "协同单位", key: "supportUnits", width: 36 },
  { header: "网格长", key: "leader", width: 10 },
  { header: "网格长电话", key: "leaderMobile", width: 14 },
  { header: "志愿者人数", key: "volunteerCount", width: 10, total: true },
];

/** The table as an XLSX workbook, ready to print: title row, header, one row a grid, 合计. */
export async function divisionWorkbook(rows: DivisionRow[], title: string): Promise<ArrayBuffer> {
  const book = await newWorkbook();
  const sheet = tableSheet(book, "网格分工表", title, columns);
  tableRows(
    sheet,
    columns,
    rows.map((r) => ({ ...r, supportUnits: r.supportUnits.join("、") })),
  );
  sheet.getColumn("areaM2").numFmt = "#,##0";
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
