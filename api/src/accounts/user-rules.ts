// The rules an account must keep beyond its fields' shapes: unique names, the unit or person a role needs.
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { type Role, roles } from "../db/schema/index.ts";
import { fieldMessage, type Message } from "../errors.ts";
import { claimedByOther } from "./logins.ts";
import { isCommonPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";

export const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, fieldMessage("field.username"));
export const mobileSchema = z.string().regex(/^1\d{10}$/, fieldMessage("field.mobile"));
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, fieldMessage("field.text", { min: 1, max: 64 }))
  .max(64, fieldMessage("field.text", { min: 1, max: 64 }));
/** A password being set: long enough and not among the most used (passwords.ts). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, fieldMessage("field.password_short", { min: MIN_PASSWORD_LENGTH }))
  .max(256, fieldMessage("field.text", { min: MIN_PASSWORD_LENGTH, max: 256 }))
  .refine((p) => !isCommonPassword(p), fieldMessage("field.password_common"));
export const roleSchema = z.enum(roles, {
  message: fieldMessage("field.one_of", { values: roles.join(", ") }),
});

export interface AccountFields {
  username?: string | undefined;
  mobile?: string | null | undefined;
  role: Role;
  unitId?: number | null | undefined;
  personId?: number | null | undefined;
}

/** Field-by-field problems with an account as it would be saved; empty when it may be saved. */
export async function accountProblems(
  ex: Executor,
  cityId: number,
  account: AccountFields,
  exceptUserId = 0,
): Promise<Record<string, Message>> {
  const problems: Record<string, Message> = {};
  // Names are unique across every city: they are looked up before the city is known (logins.ts).
  if (await claimedByOther(ex, "username", account.username, cityId, exceptUserId))
    problems.username = { key: "field.username_taken" };
  if (await claimedByOther(ex, "mobile", account.mobile, cityId, exceptUserId))
    problems.mobile = { key: "field.mobile_taken" };
  // A unit admin answers for a unit; a grid leader or volunteer is a person on record.
  const link =
    account.role === "unit_admin"
      ? { field: "unitId", id: account.unitId, table: "units", name: "unit" as const }
      : account.role === "grid_leader" || account.role === "volunteer"
        ? { field: "personId", id: account.personId, table: "people", name: "person" as const }
        : null;
  if (link && !link.id) problems[link.field] = { key: `field.${link.name}_needed` };
  else if (
    link &&
    !(await exists(
      ex,
      sql`SELECT 1 FROM ${sql.raw(link.table)} WHERE id = ${link.id} AND city_id = ${cityId}`,
    ))
  ) {
    problems[link.field] = { key: `field.${link.name}_unknown` };
  }
  return problems;
}

async function exists(ex: Executor, query: ReturnType<typeof sql>) {
  return (await selectRows(ex, query)).length > 0;
}
