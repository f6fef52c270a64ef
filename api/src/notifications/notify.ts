// notify(tx, event): the one call a service makes next to the change it records. In the same
// transaction it writes each recipient's in-app notification and the outbox rows (deliveries)
// for the outbound channels, and signals the live stream (pg_notify, delivered on commit): a
// rolled-back change tells nobody, a committed one always reaches the outbox.
import {
  groupChannels,
  type NotificationKind,
  notificationMessage,
  type OutboundChannel,
  personalChannels,
  quietUntil,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { channelSettings } from "./channels.ts";
import type { Outsider } from "./recipients.ts";
import type { Payload } from "./senders.ts";
import { STREAM_CHANNEL, type StreamSignal } from "./signal.ts";
import { type NotifyEvent, type Subject, subjectOf } from "./subjects.ts";

export type { NotifyEvent } from "./subjects.ts";

interface Person {
  id: number;
  mobile: string | null;
  email: string | null;
  channels: OutboundChannel[] | null;
  quietStart: string | null;
  quietEnd: string | null;
  digest: boolean | null;
}

/** A message's title: its first clause (what happened), e.g. "CivGrid 创城网格：催办". */
const titleOf = (text: string) =>
  `CivGrid 创城网格：${(text.split(/[：\n]/)[0] ?? "").slice(0, 30)}`;

/** Tells the event's people; `actorId` (who caused it) is not told of their own act. */
export async function notify(tx: Executor, event: NotifyEvent, actorId?: number): Promise<void> {
  const subject = await subjectOf(tx, event);
  if (!subject) return;
  const userIds = [...new Set(subject.userIds)].filter((id) => id !== actorId);
  await record(tx, event.kind, subject, userIds, subject.outsiders);
}

async function record(
  tx: Executor,
  kind: NotificationKind,
  subject: Subject,
  userIds: number[],
  outsiders: Outsider[],
) {
  const { cityId, refs, params } = subject;
  if (userIds.length) {
    await tx.execute(sql`INSERT INTO notifications (city_id, user_id, kind, problem_id, task_assignment_id, material_id, dedication_day_id, params)
      SELECT ${cityId}, u, ${kind}, ${refs.problemId ?? null}, ${refs.taskAssignmentId ?? null}, ${refs.materialId ?? null},
             ${refs.dedicationDayId ?? null}, ${JSON.stringify(params)}::jsonb
      FROM unnest(${sql.raw(`ARRAY[${userIds.map(Number).join(",")}]::int[]`)}) AS u`);
  }
  const text = notificationMessage(kind, params);
  const payload: Payload = { title: titleOf(text), text };
  const channels = await channelSettings(tx, cityId);
  const people = userIds.length
    ? await selectRows<Person>(
        tx,
        sql`SELECT u.id, u.mobile, s.email, s.channels, s.quiet_start AS "quietStart", s.quiet_end AS "quietEnd", s.digest
            FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id AND s.city_id = u.city_id
            WHERE u.city_id = ${cityId} AND u.id = ANY(${sql.raw(`ARRAY[${userIds.map(Number).join(",")}]::int[]`)}) ORDER BY u.id`,
      )
    : [];
  const rows: ReturnType<typeof sql>[] = [];
  const add = (
    channel: OutboundChannel,
    userId: number | null,
    recipient: string,
    body: Payload,
    at: Date | null,
    skipped?: string,
  ) =>
    rows.push(
      sql`(${cityId}, ${kind}, ${channel}, ${userId}, ${recipient}, ${JSON.stringify(body)}::jsonb,
           ${skipped ? "skipped" : "pending"}, ${skipped ?? null}, ${at ? at.toISOString() : sql`now()`})`,
    );
  // A group robot posts once per event, @-ing the people concerned.
  for (const channel of groupChannels) {
    if (!channels[channel].enabled || !people.length) continue;
    const mentions = people.flatMap((p) => (p.mobile ? [p.mobile] : []));
    add(channel, null, "group", { ...payload, mentions }, null);
  }
  const now = new Date();
  for (const person of people) {
    // Unit admins who chose the daily digest get one summary a day instead (schedule.ts).
    if (person.digest) continue;
    const chosen = person.channels ?? personalChannels;
    const wait = quietUntil(now, person.quietStart, person.quietEnd);
    for (const channel of personalChannels) {
      if (!channels[channel].enabled || !chosen.includes(channel)) continue;
      const address = channel === "email" ? person.email : person.mobile;
      if (address) add(channel, person.id, address, payload, wait);
      else
        add(channel, person.id, "—", payload, null, channel === "email" ? "no_email" : "no_mobile");
    }
  }
  if (channels.sms.enabled) {
    for (const outsider of outsiders) add("sms", null, outsider.mobile, payload, null);
  }
  if (rows.length) {
    await tx.execute(sql`INSERT INTO deliveries (city_id, kind, channel, user_id, recipient, payload, status, last_error, next_attempt_at)
      VALUES ${sql.join(rows, sql`, `)}`);
  }
  await signal(tx, {
    cityId,
    users: userIds,
    ...(refs.problemId && { problemId: refs.problemId }),
  });
}

/** Tells the live streams (on commit) that these people have news, or that a problem changed. */
export async function signal(tx: Executor, message: StreamSignal): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${STREAM_CHANNEL}, ${JSON.stringify(message)})`);
}

/** A test message through one channel, with the given settings: sent at once, never queued. */
export function testPayload(channel: OutboundChannel): Payload {
  const text = notificationMessage("channel_test", { channel });
  return { title: titleOf(text), text };
}
