// Browsing the audit log (admins), newest first, filtered by who, what and when; each entry also
// reads as one sentence in the reader's language (sentence.ts).
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import type { Lang } from "../messages.ts";
import { actionLabel, auditSentence } from "./sentence.ts";

export interface AuditFilters {
  entity?: string | undefined;
  userId?: number | undefined;
  action?: string | undefined;
  /** China dates, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  displayName: string | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** Whom a step was aimed at, where the log knows (a dispatch's unit). */
  target: string | null;
  before: unknown;
  after: unknown;
}

const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

function auditWhere(cityId: number, f: AuditFilters): SQL {
  return whereAll([
    sql`a.city_id = ${cityId}`,
    f.entity !== undefined && sql`a.entity = ${f.entity}`,
    f.userId !== undefined && sql`a.user_id = ${f.userId}`,
    f.action !== undefined && sql`a.action = ${f.action}`,
    f.from !== undefined && sql`a.at >= ${chinaMidnight(f.from)}::timestamptz`,
    f.to !== undefined && sql`a.at < ${dayAfter(f.to)}::timestamptz`,
  ]);
}

/** A problem's unit as the dispatch recorded it, or the problem's unit now. */
const problemOf = sql`LEFT JOIN problems p ON a.entity = 'problem' AND p.city_id = a.city_id
    AND p.id = CASE WHEN a.entity_id ~ '^[0-9]{1,9}$' THEN a.entity_id::int END
  LEFT JOIN units tu ON tu.city_id = a.city_id AND tu.id = CASE
    WHEN a.after->>'unitId' ~ '^[0-9]{1,9}$' THEN (a.after->>'unitId')::int ELSE p.unit_id END`;

/** jsonb leaves as text (the two drivers parse it differently) and is parsed here, once. */
export async function listAudit(
  ex: Executor,
  cityId: number,
  filters: AuditFilters,
  page: Page,
  lang: Lang,
) {
  const { rows, total } = await queryPage<
    AuditRow & { before: string | null; after: string | null }
  >(ex, {
    columns: sql`a.id::int AS id, ${isoTime(sql`a.at`)} AS at, a.user_id AS "userId", u.username,
      u.display_name AS "displayName", u.role, a.action, a.entity, a.entity_id AS "entityId",
      CASE WHEN a.entity = 'problem' AND a.action = 'dispatch' THEN tu.name END AS target,
      a.before::text AS before, a.after::text AS after`,
    from: sql`audit_log a LEFT JOIN users u ON u.id = a.user_id AND u.city_id = a.city_id ${problemOf}`,
    where: auditWhere(cityId, filters),
    orderBy: sql`a.id DESC`,
    count: sql`SELECT count(*)::int AS total FROM audit_log a WHERE ${auditWhere(cityId, filters)}`,
    ...page,
  });
  const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
  return {
    rows: rows.map((r) => {
      const row: AuditRow = { ...r, before: parse(r.before), after: parse(r.after) };
      return { ...row, sentence: auditSentence(row, lang) };
    }),
    total,
  };
}

/** What the filters can offer: the kinds of action and the people found in this city's log. */
export async function auditChoices(ex: Executor, cityId: number, lang: Lang) {
  const actions = await selectRows<{ action: string }>(
    ex,
    sql`SELECT DISTINCT action FROM audit_log WHERE city_id = ${cityId} ORDER BY action`,
  );
  const users = await selectRows<{ id: number; name: string; role: string }>(
    ex,
    sql`SELECT u.id, u.display_name AS name, u.role FROM users u
        WHERE u.city_id = ${cityId} AND EXISTS (SELECT 1 FROM audit_log a WHERE a.user_id = u.id AND a.city_id = u.city_id)
        ORDER BY u.display_name, u.id`,
  );
  return {
    actions: actions.map(({ action }) => ({ action, label: actionLabel(action, lang) })),
    users,
  };
}
