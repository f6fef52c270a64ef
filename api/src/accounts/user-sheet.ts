// The accounts sheet's columns, shared by the import and the export, and an account as its cells.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Role } from "../db/schema/index.ts";
import { translate } from "../messages.ts";

/** The header row, in Chinese as offices write it; English headers are accepted too. */
export const columns = {
  username: ["用户名", "username"],
  displayName: ["姓名", "name"],
  mobile: ["手机号", "mobile"],
  role: ["角色", "role"],
  unit: ["单位", "unit"],
  password: ["初始密码", "password"],
} as const;
export type Column = keyof typeof columns;
export type SheetAccount = Record<Column, string>;

/** Each account as the sheet's cells: role by its Chinese name, unit by its full name. */
export async function accountsForSheet(ex: Executor, cityId: number): Promise<SheetAccount[]> {
  const rows = await selectRows<SheetAccount & { role: Role }>(
    ex,
    sql`SELECT u.username, u.display_name AS "displayName", coalesce(u.mobile, '') AS mobile,
          u.role, coalesce(un.name, '') AS unit, '' AS password
        FROM users u LEFT JOIN units un ON un.id = u.unit_id AND un.city_id = u.city_id
        WHERE u.city_id = ${cityId} ORDER BY u.username, u.id`,
  );
  return rows.map((r) => ({ ...r, role: translate(`role.${r.role}`, "zh-CN") }));
}
