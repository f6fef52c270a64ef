// A person's notifications: GET /api/notifications (the bell's list), POST /api/notifications/read,
// GET /api/notifications/stream (server-sent events: new notifications and changed problems),
// GET/PUT /api/notification-settings (their channels, e-mail, quiet hours, digest).

import { notificationKinds, personalChannels, TIME_OF_DAY } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { fieldMessage, invalidFields } from "../errors.ts";
import {
  getSettings,
  listNotifications,
  markRead,
  putSettings,
  unreadCount,
} from "../notifications/inbox.ts";
import { subscribe } from "../notifications/stream.ts";
import { booleanFlag, integerParam } from "./query.ts";
import { errorSchema, json, jsonBody, newRouter } from "./router.ts";

const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    problemId: z.number().int().nullable(),
    taskAssignmentId: z.number().int().nullable(),
    materialId: z.number().int().nullable(),
    dedicationDayId: z.number().int().nullable(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    createdAt: z.string().openapi({ format: "date-time" }),
    readAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Notification");

const listSchema = z
  .object({ unread: z.number().int(), items: z.array(notificationSchema) })
  .openapi("NotificationList");

const time = z.string().regex(TIME_OF_DAY, fieldMessage("notify.time_of_day")).nullable();

const settingsSchema = z
  .object({
    channels: z.array(
      z.enum(personalChannels as ["email", "sms"], {
        message: fieldMessage("field.one_of", { values: personalChannels.join(", ") }),
      }),
    ),
    email: z.string().trim().email(fieldMessage("notify.email")).max(200).nullable(),
    quietStart: time,
    quietEnd: time,
    digest: z.boolean({ message: fieldMessage("field.boolean") }),
  })
  .openapi("NotificationSettings");

const unauthorised = { 401: json(errorSchema, "Not signed in") };

export const notificationRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["notifications"],
      summary: "The caller's own notifications, newest first, with the unread count",
      request: {
        query: z.object({
          unread: booleanFlag.optional(),
          limit: integerParam(1, 200).optional(),
          before: integerParam(1, Number.MAX_SAFE_INTEGER).optional(),
        }),
      },
      responses: {
        200: json(listSchema, "The notifications"),
        400: json(errorSchema, "A bad parameter"),
        ...unauthorised,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const list = await listNotifications(c.var.db.orm, c.var.user.id, {
        unread: q.unread ?? false,
        limit: q.limit ?? 50,
        before: q.before,
      });
      return c.json(list as z.infer<typeof listSchema>, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/read",
      tags: ["notifications"],
      summary: "Mark the caller's notifications read: the given ids, or all",
      request: {
        ...jsonBody(
          z
            .object({
              ids: z.array(z.number().int().positive()).max(500).optional(),
              all: z.literal(true).optional(),
            })
            .strict(),
        ),
      },
      responses: {
        200: json(
          z.object({ marked: z.number().int(), unread: z.number().int() }),
          "How many were marked, and how many stay unread",
        ),
        400: json(errorSchema, "Neither ids nor all"),
        ...unauthorised,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      if (!body.all && !body.ids?.length) {
        throw invalidFields({ ids: { key: "field.required" } });
      }
      return c.json(
        await markRead(c.var.db.orm, c.var.user.id, body.all ? "all" : (body.ids ?? [])),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/stream",
      tags: ["notifications"],
      summary:
        "Live stream (server-sent events): `notification` {unread} when the caller has a new one, `problem` {problemId} when a problem changes, `ping` every 25 s",
      responses: {
        200: {
          content: { "text/event-stream": { schema: z.string() } },
          description: "The event stream",
        },
        ...unauthorised,
      },
    }),
    (c) => {
      const { db, user } = c.var;
      return streamSSE(c, async (stream) => {
        const unread = await unreadCount(db.orm, user.id);
        await stream.writeSSE({ event: "notification", data: JSON.stringify({ unread }) });
        let queue = Promise.resolve();
        const stop = await subscribe(db, {
          cityId: user.cityId,
          userId: user.id,
          onSignal: (news) => {
            queue = queue.then(async () => {
              if (news.mine) {
                const count = await unreadCount(db.orm, user.id);
                await stream.writeSSE({
                  event: "notification",
                  data: JSON.stringify({ unread: count }),
                });
              }
              if (news.problemId) {
                await stream.writeSSE({
                  event: "problem",
                  data: JSON.stringify({ problemId: news.problemId }),
                });
              }
            });
          },
        });
        stream.onAbort(stop);
        while (!stream.aborted) {
          await stream.sleep(25_000);
          if (!stream.aborted) await stream.writeSSE({ event: "ping", data: "{}" });
        }
        stop();
      });
    },
  );

export const notificationSettingRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["notifications"],
      summary:
        "The caller's notification settings: channels, e-mail, quiet hours (China time), daily digest",
      responses: { 200: json(settingsSchema, "The settings"), ...unauthorised },
    }),
    async (c) => c.json(await getSettings(c.var.db.orm, c.var.user.id), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/",
      tags: ["notifications"],
      summary: "Change the caller's notification settings",
      request: { ...jsonBody(settingsSchema.strict()) },
      responses: {
        200: json(settingsSchema, "The settings as saved"),
        400: json(errorSchema, "A field is not valid"),
        ...unauthorised,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      if ((body.quietStart === null) !== (body.quietEnd === null)) {
        throw invalidFields({
          [body.quietStart === null ? "quietStart" : "quietEnd"]: { key: "notify.quiet_both" },
        });
      }
      return c.json(await putSettings(c.var.db.orm, c.var.user.id, body), 200);
    },
  );
