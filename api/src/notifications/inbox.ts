// A person's own notifications (the bell) and their preferences: channels, e-mail, quiet hours, digest.
import { type OutboundChannel, personalChannels } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface NotificationRow {
  id: number;
  kind: string;
  problemId: number | null;
  taskAssignmentId: number | null;
  materialId: number | null;
  dedicationDayId: number | null;
  params: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
}

export async function unreadCount(ex: Executor, userId: number): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
  );
  return row?.n ?? 0;
}

/** Newest first; `before` (an id) pages back. */
export async function listNotifications(
  ex: Executor,
  userId: number,
  options: { unread: boolean; limit: number; before?: number | undefined },
) {
  const items = await selectRows<NotificationRow>(
    ex,
    sql`SELECT id::int AS id, kind, problem_id AS "problemId", task_assignment_id AS "taskAssignmentId",
          material_id AS "materialId", dedication_day_id AS "dedicationDayId", params,
          created_at AS "createdAt", read_at AS "readAt"
        FROM notifications WHERE user_id = ${userId}
          ${options.unread ? sql`AND read_at IS NULL` : sql``}
          ${options.before ? sql`AND id < ${options.before}` : sql``}
        ORDER BY id DESC LIMIT ${options.limit}`,
  );
  return {
    unread: await unreadCount(ex, userId),
    items: items.map((n) => ({
      ...n,
      createdAt: new Date(n.createdAt).toISOString(),
      readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
    })),
  };
}

/** Marks the caller's own notifications read: these ids, or all. */
export async function markRead(ex: Executor, userId: number, ids: number[] | "all") {
  const only =
    ids === "all"
      ? sql``
      : sql`AND id = ANY(${sql.raw(`ARRAY[${ids.map(Number).join(",") || "0"}]::bigint[]`)})`;
  const updated = await selectRows<{ id: number }>(
    ex,
    sql`UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL ${only} RETURNING id`,
  );
  return { marked: updated.length, unread: await unreadCount(ex, userId) };
}

export interface PersonSettings {
  channels: OutboundChannel[];
  email: string | null;
  quietStart: string | null;
  quietEnd: string | null;
  digest: boolean;
}

export async function getSettings(ex: Executor, userId: number): Promise<PersonSettings> {
  const [row] = await selectRows<PersonSettings>(
    ex,
    sql`SELECT channels, email, quiet_start AS "quietStart", quiet_end AS "quietEnd", digest
        FROM notification_settings WHERE user_id = ${userId}`,
  );
  return (
    row ?? {
      channels: [...personalChannels],
      email: null,
      quietStart: null,
      quietEnd: null,
      digest: false,
    }
  );
}

export async function putSettings(ex: Executor, userId: number, next: PersonSettings) {
  await ex.execute(sql`INSERT INTO notification_settings (city_id, user_id, channels, email, quiet_start, quiet_end, digest, updated_at)
    SELECT city_id, ${userId}, ${JSON.stringify(next.channels)}::jsonb, ${next.email}, ${next.quietStart}, ${next.quietEnd}, ${next.digest}, now()
    FROM users WHERE id = ${userId}
    ON CONFLICT (city_id, user_id) DO UPDATE SET channels = excluded.channels, email = excluded.email, quiet_start = excluded.quiet_start,
      quiet_end = excluded.quiet_end, digest = excluded.digest, updated_at = excluded.updated_at`);
  return getSettings(ex, userId);
}
