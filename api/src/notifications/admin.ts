// The administrator's side: channel settings (with a test that changes nothing when it fails),
// the outbox with each delivery's status, attempts and last error, and retrying a dead one.
import type { OutboundChannel } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor, Orm } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { type ChannelSetting, channelSettings, masked, unmasked } from "./channels.ts";
import { testPayload } from "./notify.ts";
import { send } from "./senders.ts";

export async function readChannels(ex: Executor, cityId: number): Promise<ChannelSetting[]> {
  return Object.values(await channelSettings(ex, cityId)).map(masked);
}

/** Stored config with masked secrets put back from what is stored (or the environment). */
export async function effectiveConfig(
  ex: Executor,
  cityId: number,
  channel: OutboundChannel,
  config: Record<string, unknown>,
) {
  const current = (await channelSettings(ex, cityId))[channel];
  return unmasked(config, current.config as Record<string, unknown>);
}

export async function writeChannel(
  ex: Executor,
  actor: { cityId: number; userId: number },
  channel: OutboundChannel,
  input: { enabled: boolean; config: Record<string, unknown> },
) {
  const config = await effectiveConfig(ex, actor.cityId, channel, input.config);
  await ex.execute(sql`INSERT INTO notification_channels (city_id, channel, enabled, config, updated_by, updated_at)
    VALUES (${actor.cityId}, ${channel}, ${input.enabled}, ${JSON.stringify(config)}::jsonb, ${actor.userId}, now())
    ON CONFLICT (city_id, channel) DO UPDATE SET enabled = excluded.enabled, config = excluded.config,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  await recordAuditBy(ex, actor, {
    action: "update",
    entity: "notification_channel",
    entityId: channel,
    after: { enabled: input.enabled },
  });
}

/** Sends a test message with these settings (or the stored ones); throws a 400 saying why it failed. */
export async function testChannel(
  ex: Executor,
  cityId: number,
  channel: OutboundChannel,
  config: Record<string, unknown> | undefined,
  recipient: string | undefined,
) {
  const settings = config
    ? await effectiveConfig(ex, cityId, channel, config)
    : (await channelSettings(ex, cityId))[channel].config;
  try {
    await send(channel, settings as never, recipient ?? "group", testPayload(channel));
  } catch (error) {
    throw new AppError(400, "channel_test_failed", {
      key: "notify.test_failed",
      params: { error: error instanceof Error ? error.message : String(error) },
    });
  }
}

export interface DeliveryRow {
  id: number;
  kind: string;
  channel: OutboundChannel;
  recipient: string;
  status: "pending" | "sent" | "dead" | "skipped";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  text: string;
}

const deliveryColumns = sql`id::int AS id, kind, channel, recipient, status, attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt", payload->>'text' AS text`;

const iso = (d: DeliveryRow) => ({
  ...d,
  // A mobile number is personal information: the admin sees it masked.
  recipient: /^\d{11}$/.test(d.recipient)
    ? `${d.recipient.slice(0, 3)}****${d.recipient.slice(7)}`
    : d.recipient,
  nextAttemptAt: new Date(d.nextAttemptAt).toISOString(),
  createdAt: new Date(d.createdAt).toISOString(),
  sentAt: d.sentAt ? new Date(d.sentAt).toISOString() : null,
});

export async function listDeliveries(
  ex: Executor,
  cityId: number,
  query: { status?: DeliveryRow["status"] | undefined; limit: number; offset: number },
) {
  const where = sql`city_id = ${cityId} ${query.status ? sql`AND status = ${query.status}` : sql``}`;
  const rows = await selectRows<DeliveryRow>(
    ex,
    sql`SELECT ${deliveryColumns} FROM deliveries WHERE ${where} ORDER BY id DESC LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
  const [total] = await selectRows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM deliveries WHERE ${where}`,
  );
  return { total: total?.n ?? 0, items: rows.map(iso) };
}

/** Puts a dead (or skipped) delivery back in the queue, due now, with its attempts counted afresh. */
async function retryDeliveryIn(
  ex: Executor,
  actor: { cityId: number; userId: number },
  id: number,
) {
  const [before] = await selectRows<{ status: string }>(
    ex,
    sql`SELECT status FROM deliveries WHERE id = ${id} AND city_id = ${actor.cityId} FOR UPDATE`,
  );
  if (!before) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.delivery", id },
    });
  }
  if (before.status !== "dead" && before.status !== "skipped") {
    throw new AppError(409, "conflict", { key: "notify.delivery_not_retryable" });
  }
  const [row] = await selectRows<DeliveryRow>(
    ex,
    sql`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = ${id}
        RETURNING ${deliveryColumns}`,
  );
  await recordAuditBy(ex, actor, {
    action: "retry",
    entity: "delivery",
    entityId: id,
    before,
    after: { status: "pending" },
  });
  return iso(row as DeliveryRow);
}

/** Puts a dead (or skipped) delivery back in the queue, in its own transaction. */
export const retryDelivery = inTransaction(retryDeliveryIn);

/** Saves the channels' settings together: all or none. */
export function saveChannels(
  orm: Orm,
  actor: { cityId: number; userId: number },
  settings: { channel: OutboundChannel; enabled: boolean; config: Record<string, unknown> }[],
) {
  return orm.transaction(async (tx) => {
    for (const s of settings) await writeChannel(tx, actor, s.channel, s);
  });
}
