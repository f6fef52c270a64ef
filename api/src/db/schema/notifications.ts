// Notifications (issue 17): in-app notifications per person, the outbox of outbound deliveries,
// channel settings, personal preferences, escalation (督办) steps and records. Migration 0023.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from "drizzle-orm/pg-core";
import { belongsTo, cityId, createdAt, oneOf, timestamptz } from "./columns.ts";
import { dedicationDays } from "./patrols.ts";
import { problems } from "./problems.ts";
import { cities, cityRow } from "./regions.ts";
import { materials, taskAssignments } from "./tasks.ts";
import { users } from "./users.ts";

const channels = ["wecom", "dingtalk", "email", "sms"] as const;
const statuses = ["pending", "sent", "dead", "skipped"] as const;

export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    cityId: cityId().references(() => cities.id),
    userId: belongsTo("user_id", () => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    problemId: integer("problem_id").references(() => problems.id, { onDelete: "cascade" }),
    taskAssignmentId: integer("task_assignment_id").references(() => taskAssignments.id, {
      onDelete: "cascade",
    }),
    materialId: integer("material_id").references(() => materials.id, { onDelete: "cascade" }),
    dedicationDayId: integer("dedication_day_id").references(() => dedicationDays.id, {
      onDelete: "cascade",
    }),
    params: jsonb("params").notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamptz("read_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx").on(t.userId).where(sql`read_at IS NULL`),
  ],
);

/** The outbox: written in the event's transaction, sent by the delivery worker with retries. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    cityId: cityId().references(() => cities.id),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** "group" for robot webhooks, an e-mail address or a mobile number. */
    recipient: text("recipient").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: statuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamptz("sent_at"),
  },
  (t) => [
    index("deliveries_due_idx").on(t.nextAttemptAt, t.id).where(sql`status = 'pending'`),
    index("deliveries_city_idx").on(t.cityId, t.id),
    check("deliveries_channel_check", oneOf(t.channel, channels)),
    check("deliveries_status_check", oneOf(t.status, statuses)),
  ],
);

export const notificationChannels = pgTable(
  "notification_channels",
  {
    cityId: cityId().references(() => cities.id),
    channel: text("channel", { enum: channels }).notNull(),
    enabled: boolean("enabled").notNull().default(false),
    config: jsonb("config").notNull().default({}),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "notification_channels_pkey", columns: [t.cityId, t.channel] }),
    check("notification_channels_channel_check", oneOf(t.channel, channels)),
  ],
);

export const notificationSettings = pgTable("notification_settings", {
  cityId: belongsTo("city_id", () => cities.id),
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: text("email"),
  channels: jsonb("channels").notNull().default(["email", "sms"]),
  quietStart: text("quiet_start"),
  quietEnd: text("quiet_end"),
  digest: boolean("digest").notNull().default(false),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export const escalationSteps = pgTable(
  "escalation_steps",
  {
    cityId: cityId().references(() => cities.id),
    level: integer("level").notNull(),
    afterWorkingDays: integer("after_working_days").notNull(),
    targets: jsonb("targets").notNull(),
  },
  (t) => [
    primaryKey({ name: "escalation_steps_pkey", columns: [t.cityId, t.level] }),
    check("escalation_steps_days", sql`${t.afterWorkingDays} between 1 and 60`),
  ],
);

/** 督办 on record: each level a problem reached, once per deadline. */
export const problemEscalations = pgTable(
  "problem_escalations",
  {
    ...cityRow(),
    problemId: belongsTo("problem_id", () => problems.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    workingDaysOverdue: integer("working_days_overdue").notNull(),
    deadline: timestamptz("deadline").notNull(),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [
    unique("problem_escalations_problem_level_deadline_key").on(t.problemId, t.level, t.deadline),
  ],
);

/** A scheduled reminder already sent for (kind, subject, period): it never repeats. */
export const notificationMarks = pgTable(
  "notification_marks",
  {
    cityId: belongsTo("city_id", () => cities.id),
    kind: text("kind").notNull(),
    subjectId: integer("subject_id").notNull(),
    period: text("period").notNull(),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "notification_marks_pkey", columns: [t.kind, t.subjectId, t.period] }),
  ],
);
