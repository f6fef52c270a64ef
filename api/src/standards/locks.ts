// Taking a standard for writing: row and name locks, and the rule that only drafts change.

import { sql } from "drizzle-orm";
import type { Actor } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { StandardStatus } from "./queries.ts";

export type { Actor };

export function standardNotFound(id: number) {
  return new AppError(404, "not_found", {
    key: "error.not_found",
    params: { entity: "entity.standard", id },
  });
}

export interface Locked {
  id: number;
  name: string;
  version: number;
  scope: string;
  status: StandardStatus;
}

/** The standard, row-locked so two coordinators' changes to it queue rather than interleave. */
export async function lockStandard(ex: Executor, actor: Actor, id: number): Promise<Locked> {
  const [row] = await selectRows<Locked>(
    ex,
    sql`SELECT id, name, version, scope, status FROM standards
        WHERE id = ${id} AND city_id = ${actor.cityId} FOR UPDATE`,
  );
  if (!row) throw standardNotFound(id);
  return row;
}

export function refuseUnlessDraft(
  s: Locked,
  key: "error.standard_frozen" | "error.standard_not_draft",
) {
  if (s.status === "draft") return;
  throw new AppError(409, "standard_not_draft", {
    key,
    params: { name: s.name, version: s.version, status: `standard.status.${s.status}` },
  });
}

/**
 * The next version number of a name. The advisory lock (held to the end of the transaction)
 * keeps two drafts of the same name from taking the same number; a row lock cannot, as the
 * row does not exist yet.
 */
export async function nextVersion(ex: Executor, cityId: number, name: string): Promise<number> {
  await lockName(ex, cityId, name);
  const [row] = await selectRows<{ next: number }>(
    ex,
    sql`SELECT (coalesce(max(version), 0) + 1)::int AS next FROM standards
        WHERE city_id = ${cityId} AND name = ${name}`,
  );
  return row?.next ?? 1;
}

/** Held to the end of the transaction: one writer at a time per standard name. */
export async function lockName(ex: Executor, cityId: number, name: string) {
  await ex.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`standards:${cityId}:${name}`}))`);
}
