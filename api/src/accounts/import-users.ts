// Reading accounts from an XLSX sheet (the form offices already keep), checking every row before any is saved.
// A row for an account that exists, with the same details and no password, is left as it is: an
// exported sheet (export-users.ts) imports back unchanged, with new rows added to it.

import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { type Role, roles } from "../db/schema/index.ts";
import { issueMessage, type Message } from "../errors.ts";
import { openSheet } from "../exports/sheet.ts";
import { translate } from "../messages.ts";
import {
  accountProblems,
  displayNameSchema,
  mobileSchema,
  passwordSchema,
  usernameSchema,
} from "./user-rules.ts";
import { accountsForSheet, type Column, columns } from "./user-sheet.ts";
import type { NewUser } from "./users.ts";

const required: Column[] = ["username", "displayName", "role", "password"];

/** A role cell may hold the code (volunteer) or its Chinese name (志愿者). */
function roleOf(cell: string): Role | undefined {
  const wanted = cell.trim();
  return roles.find((r) => r === wanted || translate(`role.${r}`, "zh-CN") === wanted);
}

export type ImportResult =
  | { ok: true; users: NewUser[]; unchanged: number }
  | { ok: false; problems: Record<string, Message> };

export async function readUserSheet(
  ex: Executor,
  cityId: number,
  file: ArrayBuffer,
): Promise<ImportResult> {
  const opened = await openSheet(file, columns, required);
  if (!opened.ok) return opened;
  const { sheet, header, headerRow } = opened;

  const units = await selectRows<{ id: number; name: string; shortName: string }>(
    ex,
    sql`SELECT id, name, short_name AS "shortName" FROM units WHERE city_id = ${cityId}`,
  );
  const people = await selectRows<{ id: number; mobile: string }>(
    ex,
    sql`SELECT min(id) AS id, mobile FROM people WHERE city_id = ${cityId} AND mobile IS NOT NULL GROUP BY mobile`,
  );
  const existing = new Map(
    (await accountsForSheet(ex, cityId)).map(({ password: _, ...a }) => [a.username, a]),
  );
  const problems: Record<string, Message> = {};
  const users: NewUser[] = [];
  let unchanged = 0;
  const seen = new Map<string, number>();
  const cellOf = (rowNumber: number, column: Column) => {
    const col = header.get(column);
    return col ? sheet.getRow(rowNumber).getCell(col).text.trim() : "";
  };
  const flag = (rowNumber: number, column: Column, problem: Message) => {
    problems[`row ${rowNumber}`] ??= {
      key: "field.sheet_cell",
      params: { row: rowNumber, column: columns[column][0], problem },
    };
  };

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    if (!sheet.getRow(r).hasValues) continue;
    const raw = Object.fromEntries(
      (Object.keys(columns) as Column[]).map((c) => [c, cellOf(r, c)]),
    ) as Record<Column, string>;
    const account = existing.get(raw.username);
    if (account && !raw.password) {
      const unitName = units.find((u) => u.shortName === raw.unit)?.name ?? raw.unit;
      const same = (Object.keys(account) as Exclude<Column, "password">[]).every((c) =>
        c === "role"
          ? roleOf(raw.role) === roleOf(account.role)
          : account[c] === (c === "unit" ? unitName : raw[c]),
      );
      if (same) unchanged++;
      else flag(r, "username", { key: "field.sheet_account_differs" });
      continue;
    }
    const checks: [Column, { success: boolean; error?: { issues: { message: string }[] } }][] = [
      ["username", usernameSchema.safeParse(raw.username)],
      ["displayName", displayNameSchema.safeParse(raw.displayName)],
      ["password", passwordSchema.safeParse(raw.password)],
    ];
    if (raw.mobile) checks.push(["mobile", mobileSchema.safeParse(raw.mobile)]);
    const bad = checks.find(([, result]) => !result.success);
    if (bad) {
      flag(r, bad[0], issueMessage(bad[1].error?.issues[0]?.message));
      continue;
    }
    const role = roleOf(raw.role);
    if (!role) {
      flag(r, "role", {
        key: "field.one_of",
        params: { values: roles.map((x) => translate(`role.${x}`, "zh-CN")).join("、") },
      });
      continue;
    }
    const unit = raw.unit
      ? units.find((u) => u.name === raw.unit || u.shortName === raw.unit)
      : undefined;
    if (raw.unit && !unit) {
      flag(r, "unit", { key: "field.unit_unknown" });
      continue;
    }
    const earlier = seen.get(raw.username);
    if (earlier) {
      flag(r, "username", { key: "field.sheet_duplicate", params: { other: earlier } });
      continue;
    }
    seen.set(raw.username, r);
    const user: NewUser = {
      username: raw.username,
      displayName: raw.displayName,
      mobile: raw.mobile || null,
      role,
      unitId: unit?.id ?? null,
      personId: raw.mobile ? (people.find((p) => p.mobile === raw.mobile)?.id ?? null) : null,
      password: raw.password,
      mustChangePassword: true,
    };
    const rowProblems = await accountProblems(ex, cityId, user);
    const [field, problem] = Object.entries(rowProblems)[0] ?? [];
    if (field && problem) {
      const column: Column =
        field === "unitId" ? "unit" : field === "personId" ? "mobile" : (field as Column);
      flag(r, column, problem);
      continue;
    }
    users.push(user);
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  if (!users.length && !unchanged) {
    return { ok: false, problems: { file: { key: "field.sheet_empty" } } };
  }
  return { ok: true, users, unchanged };
}
