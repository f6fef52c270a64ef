// Browsing the audit log (admins), newest first.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { isoTime, queryPage, whereAll } from "../db/query-helpers.ts";

export interface AuditFilters {
  entity?: string | undefined;
  userId?: number | undefined;
}

export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** jsonb leaves as text (the two drivers parse it differently) and is parsed here, once. */
export async function listAudit(
  ex: Executor,
  cityId: number,
  filters: AuditFilters,
  page: { limit: number; offset: number },
) {
  const { rows, total } = await queryPage<
    AuditRow & { before: string | null; after: string | null }
  >(ex, {
    columns: sql`a.id::int AS id, ${isoTime(sql`a.at`)} AS at, a.user_id AS "userId", u.username,
      a.action, a.entity, a.entity_id AS "entityId", a.before::text AS before, a.after::text AS after`,
    from: sql`audit_log a LEFT JOIN users u ON u.id = a.user_id`,
    where: whereAll([
      sql`a.city_id = ${cityId}`,
      filters.entity !== undefined && sql`a.entity = ${filters.entity}`,
      filters.userId !== undefined && sql`a.user_id = ${filters.userId}`,
    ]),
    orderBy: sql`a.id DESC`,
    ...page,
  });
  const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
  return {
    rows: rows.map((r): AuditRow => ({ ...r, before: parse(r.before), after: parse(r.after) })),
    total,
  };
}
