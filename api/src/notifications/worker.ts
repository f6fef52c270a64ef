// The delivery worker: takes due outbox rows, sends them, and records the outcome. A row is
// claimed with FOR UPDATE SKIP LOCKED and leased (its next attempt moved ahead) in one statement,
// so several app processes on one database never take the same row; a failure is retried with
// exponential back-off and, after MAX_DELIVERY_ATTEMPTS, dead-lettered for the admin to retry.
// Driven by deliverDue(now): main.ts calls it on an interval, tests call it directly.
import { MAX_DELIVERY_ATTEMPTS, type OutboundChannel, retryDelayMs } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { type ChannelSetting, channelSettings } from "./channels.ts";
import { type Payload, send } from "./senders.ts";

/** How long a claimed row is left to its process before another may take it (a crash mid-send). */
const LEASE_MS = 5 * 60_000;

interface Claimed {
  id: number;
  cityId: number;
  channel: OutboundChannel;
  recipient: string;
  payload: Payload;
  attempts: number;
}

export interface DeliveryRun {
  sent: number;
  failed: number;
  dead: number;
}

export async function deliverDue(db: Db, now = new Date(), limit = 50): Promise<DeliveryRun> {
  // City by city: a claim with FOR UPDATE SKIP LOCKED must stay on one shard on Citus (issue 24).
  const cities = await selectRows<{ id: number }>(db.orm, sql`SELECT id FROM cities ORDER BY id`);
  const claimed: Claimed[] = [];
  for (const city of cities) {
    if (claimed.length >= limit) break;
    claimed.push(
      ...(await selectRows<Claimed>(
        db.orm,
        sql`UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}
            WHERE city_id = ${city.id} AND (city_id, id) IN (SELECT city_id, id FROM deliveries
              WHERE city_id = ${city.id} AND status = 'pending' AND next_attempt_at <= ${now.toISOString()}
              ORDER BY next_attempt_at, id LIMIT ${limit - claimed.length} FOR UPDATE SKIP LOCKED)
            RETURNING id, city_id AS "cityId", channel, recipient, payload, attempts`,
      )),
    );
  }
  const run: DeliveryRun = { sent: 0, failed: 0, dead: 0 };
  const settings = new Map<number, Promise<Record<OutboundChannel, ChannelSetting>>>();
  for (const row of claimed) {
    if (!settings.has(row.cityId)) settings.set(row.cityId, channelSettings(db.orm, row.cityId));
    const setting = (await settings.get(row.cityId))?.[row.channel];
    try {
      if (!setting?.enabled) throw new Error("channel_off");
      await send(row.channel, setting.config, row.recipient, row.payload);
      await db.orm.execute(sql`UPDATE deliveries SET status = 'sent', sent_at = ${now.toISOString()}, last_error = NULL
          WHERE city_id = ${row.cityId} AND id = ${row.id}`);
      run.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const dead = row.attempts >= MAX_DELIVERY_ATTEMPTS || reason === "channel_off";
      const next = new Date(now.getTime() + retryDelayMs(row.attempts));
      await db.orm.execute(sql`UPDATE deliveries SET status = ${dead ? "dead" : "pending"},
          next_attempt_at = ${next.toISOString()}, last_error = ${reason.slice(0, 500)}
          WHERE city_id = ${row.cityId} AND id = ${row.id}`);
      if (dead) run.dead += 1;
      else run.failed += 1;
    }
  }
  return run;
}

/** Starts the worker (main.ts only): every few seconds, never two runs at once in one process. */
export function startDeliveryWorker(db: Db, everyMs: number, log: (line: string) => void) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue(db)
      .then((run) => {
        if (run.sent || run.failed || run.dead)
          log(`notifications: ${run.sent} sent, ${run.failed} to retry, ${run.dead} dead`);
      })
      .catch((error: unknown) => log(`notifications: delivery failed: ${String(error)}`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
