// Activating a draft: it becomes the standard new inspections and problems use, and the active
// standard of the same name and scope retires (its items stay, as records point at them).
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { type Actor, lockName, lockStandard, refuseUnlessDraft } from "./locks.ts";

/** Makes a draft the active standard and retires the one it replaces (same name and scope). */
async function activateStandardIn(ex: Executor, actor: Actor, id: number) {
  const locked = await lockStandard(ex, actor, id);
  refuseUnlessDraft(locked, "error.standard_not_draft");
  // Same lock as nextVersion: two drafts of one name activated at once cannot both stay active.
  await lockName(ex, actor.cityId, locked.name);
  const retired = await selectRows<{ id: number }>(
    ex,
    sql`UPDATE standards SET status = 'retired'
        WHERE city_id = ${actor.cityId} AND name = ${locked.name} AND scope = ${locked.scope}
          AND status = 'active' AND id <> ${id}
        RETURNING id`,
  );
  await ex.execute(sql`UPDATE standards SET status = 'active' WHERE id = ${id}`);
  await recordAuditBy(ex, actor, {
    action: "activate",
    entity: "standard",
    entityId: id,
    before: { status: "draft" },
    after: { status: "active", retired: retired.map((r) => r.id) },
  });
  return retired.map((r) => r.id);
}

/** Activates a draft (retiring the active one of its name and scope) in its own transaction. */
export const activateStandard = inTransaction(activateStandardIn);
