// Security bookkeeping (issue 16): who uploaded a file, sign-in throttles, known devices/addresses.
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, oneOf, timestamptz } from "./columns.ts";
import { files } from "./files.ts";
import { cities } from "./regions.ts";
import { users } from "./users.ts";

/** Each user who uploaded a file's bytes: they may read it before it is attached to anything. */
export const fileUploads = pgTable(
  "file_uploads",
  {
    cityId: belongsTo("city_id", () => cities.id),
    fileId: belongsTo("file_id", () => files.id, { onDelete: "cascade" }),
    userId: belongsTo("user_id", () => users.id, { onDelete: "cascade" }),
    uploadedAt: timestamptz("uploaded_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "file_uploads_pkey", columns: [t.fileId, t.userId] })],
);

/**
 * Sign-in attempts per key (an account, a client address, everyone), counted before the password
 * is checked; in the database so that every app process and a restart see the same counts.
 */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    key: text("key").primaryKey(),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamptz("last_attempt_at").notNull().defaultNow(),
    /** No attempt under this key is checked before then. */
    blockedUntil: timestamptz("blocked_until"),
  },
  (t) => [index("sign_in_throttles_last_attempt_idx").on(t.lastAttemptAt)],
);

export const knownSignInKinds = ["device", "address"] as const;

/** Devices (a cookie) and addresses a user signed in from with the right password. */
export const knownSignIns = pgTable(
  "known_sign_ins",
  {
    cityId: belongsTo("city_id", () => cities.id),
    userId: belongsTo("user_id", () => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: knownSignInKinds }).notNull(),
    /** SHA-256 of the device token or the address. */
    valueHash: varchar("value_hash", { length: 64 }).notNull(),
    lastAt: timestamptz("last_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "known_sign_ins_pkey", columns: [t.userId, t.kind, t.valueHash] }),
    check("known_sign_ins_kind_check", oneOf(t.kind, knownSignInKinds)),
  ],
);

/**
 * Public and Open311 requests per key (an address, an api_key) in the current window: counted in
 * the database so that every app process shares one limit (issue 20).
 */
export const requestThrottles = pgTable(
  "request_throttles",
  {
    key: text("key").primaryKey(),
    windowStartedAt: timestamptz("window_started_at").notNull().defaultNow(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [index("request_throttles_window_idx").on(t.windowStartedAt)],
);

/** One row per scheduled job and period: the process that inserts it runs that period's work. */
export const scheduledRuns = pgTable(
  "scheduled_runs",
  {
    job: text("job").notNull(),
    period: bigint("period", { mode: "number" }).notNull(),
    ranBy: text("ran_by").notNull(),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "scheduled_runs_pkey", columns: [t.job, t.period] })],
);
