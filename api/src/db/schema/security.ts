// Security bookkeeping (issue 16): who uploaded a file, sign-in throttles, known devices/addresses.
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { oneOf } from "./columns.ts";
import { files } from "./files.ts";
import { cities } from "./regions.ts";
import { users } from "./users.ts";

/** Each user who uploaded a file's bytes: they may read it before it is attached to anything. */
export const fileUploads = pgTable(
  "file_uploads",
  {
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
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
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** No attempt under this key is checked before then. */
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  },
  (t) => [index("sign_in_throttles_last_attempt_idx").on(t.lastAttemptAt)],
);

export const knownSignInKinds = ["device", "address"] as const;

/** Devices (a cookie) and addresses a user signed in from with the right password. */
export const knownSignIns = pgTable(
  "known_sign_ins",
  {
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: knownSignInKinds }).notNull(),
    /** SHA-256 of the device token or the address. */
    valueHash: varchar("value_hash", { length: 64 }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "known_sign_ins_pkey", columns: [t.userId, t.kind, t.valueHash] }),
    check("known_sign_ins_kind_check", oneOf(t.kind, knownSignInKinds)),
  ],
);
