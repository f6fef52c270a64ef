// The administrator's notification pages: GET/PUT /api/admin/notification-channels,
// POST /api/admin/notification-channels/{channel}/test, GET /api/admin/deliveries,
// POST /api/admin/deliveries/{id}/retry. Channels are off until configured here (or by NOTIFY_*).

import { deliveryStatuses, notificationKinds, outboundChannels } from "@civgrid/geo";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { fieldMessage, invalidFields, type Message } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import {
  listDeliveries,
  readChannels,
  retryDelivery,
  saveChannels,
  testChannel,
} from "../notifications/admin.ts";
import { MASK } from "../notifications/channels.ts";
import { idPath, integerParam, wholeNumber } from "./query.ts";
import { type AppEnv, errorSchema, json, jsonBody, newRouter, routesOf } from "./router.ts";

const httpUrl = z
  .string()
  .trim()
  .max(1000)
  .refine(
    (v) => v.includes(MASK) || /^https?:\/\/[^\s/]+/i.test(v),
    fieldMessage("notify.webhook_url"),
  );
const text = z.string().trim().max(300);

const channelConfig = {
  wecom: z.object({ webhook: httpUrl }).partial().strict(),
  dingtalk: z.object({ webhook: httpUrl, secret: text }).partial().strict(),
  email: z
    .object({
      url: z
        .string()
        .trim()
        .max(1000)
        .refine((v) => v.includes(MASK) || /^smtps?:\/\//i.test(v), fieldMessage("field.invalid")),
      host: text,
      port: wholeNumber(1, 65535),
      secure: z.boolean({ message: fieldMessage("field.boolean") }),
      user: text,
      pass: text,
      from: z.string().trim().email(fieldMessage("notify.email")),
    })
    .partial()
    .strict(),
  sms: z
    .object({
      provider: z.literal("aliyun", {
        message: fieldMessage("field.one_of", { values: "aliyun" }),
      }),
      endpoint: httpUrl,
      accessKeyId: text,
      accessKeySecret: text,
      signName: text,
      templateCode: text,
    })
    .partial()
    .strict(),
};

/** What each channel needs before it may be turned on. */
const required: Record<keyof typeof channelConfig, string[][]> = {
  wecom: [["webhook"]],
  dingtalk: [["webhook"]],
  email: [["from"], ["url", "host"]],
  sms: [["accessKeyId"], ["accessKeySecret"], ["signName"], ["templateCode"]],
};

const channelSetting = z.discriminatedUnion("channel", [
  z.object({ channel: z.literal("wecom"), enabled: z.boolean(), config: channelConfig.wecom }),
  z.object({
    channel: z.literal("dingtalk"),
    enabled: z.boolean(),
    config: channelConfig.dingtalk,
  }),
  z.object({ channel: z.literal("email"), enabled: z.boolean(), config: channelConfig.email }),
  z.object({ channel: z.literal("sms"), enabled: z.boolean(), config: channelConfig.sms }),
]);

const channelRead = z
  .object({
    channel: z.enum(outboundChannels),
    enabled: z.boolean(),
    source: z.enum(["admin", "env", "none"]),
    config: z.record(z.string(), z.unknown()),
  })
  .openapi("NotificationChannel");

const deliverySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    channel: z.enum(outboundChannels),
    recipient: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    text: z.string(),
  })
  .openapi("Delivery");

const route = routesOf("notifications", {
  400: "A field is not valid, or the test message failed (the error says why)",
  403: "Not an administrator",
});

/** A webhook may not point back at this server (it would post into our own API). */
function pointsAtSelf(c: Context<AppEnv>, value: string | undefined): boolean {
  if (!value || value.includes(MASK)) return false;
  let target: URL;
  try {
    target = new URL(value);
  } catch {
    return false;
  }
  const self = new URL(c.req.url);
  const host = c.req.header("host")?.toLowerCase();
  return target.host.toLowerCase() === (host ?? self.host.toLowerCase());
}

function checkSettings(c: Context<AppEnv>, settings: z.infer<typeof channelSetting>[]) {
  const fields: Record<string, Message> = {};
  settings.forEach((s, i) => {
    const config = s.config as Record<string, unknown>;
    for (const key of ["webhook", "endpoint"]) {
      if (pointsAtSelf(c, config[key] as string | undefined)) {
        fields[`channels.${i}.config.${key}`] = { key: "notify.webhook_self" };
      }
    }
    if (!s.enabled) return;
    const missing = required[s.channel].filter((any) => !any.some((k) => config[k]));
    if (missing.length) {
      fields[`channels.${i}.config`] = {
        key: "notify.channel_incomplete",
        params: { fields: missing.map((any) => any.join("/")).join(", ") },
      };
    }
  });
  if (Object.keys(fields).length) throw invalidFields(fields);
}

const adminOnly = requirePermission("settings.write");

export const notificationAdminRoutes = newRouter()
  .openapi(
    route("get", "/notification-channels", {
      middleware: [adminOnly] as const,
      summary:
        "Outbound channels (WeCom, DingTalk, e-mail, SMS): on or off, where set, settings with secrets masked",
      responses: {
        200: json(z.object({ channels: z.array(channelRead) }), "The channels"),
      },
    }),
    async (c) => c.json({ channels: await readChannels(c.var.db.orm, c.var.user.cityId) }, 200),
  )
  .openapi(
    route("put", "/notification-channels", {
      middleware: [adminOnly] as const,
      summary: "Change channels; a masked secret (******) sent back keeps the stored one",
      request: {
        ...jsonBody(z.object({ channels: z.array(channelSetting).min(1).max(4) }).strict()),
      },
      responses: {
        200: json(z.object({ channels: z.array(channelRead) }), "The channels as saved"),
      },
    }),
    async (c) => {
      const { channels } = c.req.valid("json");
      checkSettings(c, channels);
      const user = c.var.user;
      await saveChannels(c.var.db.orm, { cityId: user.cityId, userId: user.id }, channels);
      return c.json({ channels: await readChannels(c.var.db.orm, user.cityId) }, 200);
    },
  )
  .openapi(
    route("post", "/notification-channels/{channel}/test", {
      middleware: [adminOnly] as const,
      summary:
        "Send a test message through a channel, with the given settings (not saved) or the stored ones; e-mail and SMS need a recipient",
      request: {
        params: z.object({
          channel: z.enum(outboundChannels, {
            message: fieldMessage("field.one_of", { values: outboundChannels.join(", ") }),
          }),
        }),
        body: {
          required: false,
          content: {
            "application/json": {
              schema: z
                .object({
                  config: z.record(z.string(), z.unknown()).optional(),
                  recipient: z.string().trim().min(1).max(200).optional(),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ sent: z.literal(true) }), "The test message went out"),
      },
    }),
    async (c) => {
      const { channel } = c.req.valid("param");
      const body = c.req.valid("json") ?? {};
      let config = body.config;
      if (config) {
        const parsed = channelConfig[channel].safeParse(config);
        if (!parsed.success) {
          const fields: Record<string, Message> = {};
          for (const issue of parsed.error.issues)
            fields[`config.${issue.path.join(".")}`] = { key: "field.invalid" };
          throw invalidFields(fields);
        }
        config = parsed.data;
        checkSettings(c, [{ channel, enabled: false, config } as z.infer<typeof channelSetting>]);
      }
      if ((channel === "email" || channel === "sms") && !body.recipient) {
        throw invalidFields({ recipient: { key: "field.required" } });
      }
      await testChannel(c.var.db.orm, c.var.user.cityId, channel, config, body.recipient);
      return c.json({ sent: true as const }, 200);
    },
  )
  .openapi(
    route("get", "/deliveries", {
      middleware: [adminOnly] as const,
      summary:
        "The outbox, newest first: each delivery's channel, recipient, status, attempts and last error",
      request: {
        query: z.object({
          status: z
            .enum(deliveryStatuses, {
              message: fieldMessage("field.one_of", { values: deliveryStatuses.join(", ") }),
            })
            .optional(),
          limit: integerParam(1, 500).optional(),
          offset: integerParam(0, 1_000_000).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ total: z.number().int(), items: z.array(deliverySchema) }),
          "The deliveries",
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const list = await listDeliveries(c.var.db.orm, c.var.user.cityId, {
        status: q.status,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return c.json(list as never, 200);
    },
  )
  .openapi(
    route("post", "/deliveries/{id}/retry", {
      middleware: [adminOnly] as const,
      summary: "Queue a dead (or skipped) delivery again, due now",
      request: { params: idPath },
      responses: {
        200: json(deliverySchema, "The delivery, pending again"),
        404: json(errorSchema, "No such delivery"),
        409: json(errorSchema, "The delivery is not dead or skipped"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const user = c.var.user;
      const row = await retryDelivery(c.var.db.orm, { cityId: user.cityId, userId: user.id }, id);
      return c.json(row as never, 200);
    },
  );
