// Every write leaves one audit row: who, when, what, and the record before and after.
import type { Executor } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";

/** Who writes: the account and the city it acts in. */
export interface Actor {
  cityId: number;
  userId: number;
}

export interface AuditEntry {
  cityId: number;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(ex: Executor, entry: AuditEntry) {
  await ex.insert(auditLog).values({
    cityId: entry.cityId,
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The audit row of a write by this actor. */
export function recordAuditBy(
  ex: Executor,
  actor: Actor,
  entry: Omit<AuditEntry, "cityId" | "userId">,
) {
  return recordAudit(ex, { cityId: actor.cityId, userId: actor.userId, ...entry });
}
