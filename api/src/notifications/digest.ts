// The daily digest: one message with the day's notifications, for those who chose it instead of
// one message per event (unit admins with many problems).
import {
  type NotificationKind,
  notificationMessage,
  type OutboundChannel,
  quietUntil,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { channelSettings } from "./channels.ts";

/** Queues the digest of the last day for a person; false when there was nothing to say. */
export async function digestFor(
  tx: Executor,
  userId: number,
  now: Date,
  channels: readonly OutboundChannel[],
): Promise<boolean> {
  const [person] = await selectRows<{
    cityId: number;
    mobile: string | null;
    email: string | null;
    chosen: OutboundChannel[];
    quietStart: string | null;
    quietEnd: string | null;
  }>(
    tx,
    sql`SELECT u.city_id AS "cityId", u.mobile, s.email, s.channels AS chosen, s.quiet_start AS "quietStart", s.quiet_end AS "quietEnd"
        FROM users u JOIN notification_settings s ON s.user_id = u.id AND s.city_id = u.city_id
        WHERE u.id = ${userId} AND NOT u.disabled`,
  );
  if (!person) return false;
  const items = await selectRows<{
    kind: NotificationKind;
    params: Record<string, string | number | null>;
  }>(
    tx,
    sql`SELECT kind, params FROM notifications WHERE user_id = ${userId}
          AND created_at > ${now.toISOString()}::timestamptz - interval '1 day' ORDER BY id LIMIT 50`,
  );
  if (!items.length) return false;
  const lines = items.map((n) => `· ${notificationMessage(n.kind, n.params)}`).join("\n");
  const text = notificationMessage("digest", { count: items.length, lines });
  const payload = JSON.stringify({ title: "CivGrid 创城网格：今日汇总", text });
  const settings = await channelSettings(tx, person.cityId);
  const wait = quietUntil(now, person.quietStart, person.quietEnd) ?? now;
  for (const channel of channels) {
    if (!settings[channel].enabled || !person.chosen.includes(channel)) continue;
    const address = channel === "email" ? person.email : person.mobile;
    await tx.execute(sql`INSERT INTO deliveries (city_id, kind, channel, user_id, recipient, payload, status, last_error, next_attempt_at)
      VALUES (${person.cityId}, 'digest', ${channel}, ${userId}, ${address ?? "—"}, ${payload}::jsonb,
        ${address ? "pending" : "skipped"}, ${address ? null : channel === "email" ? "no_email" : "no_mobile"}, ${wait.toISOString()})`);
  }
  return true;
}
