// Reliability (issue 21): the answers given to requests sent with an Idempotency-Key, per user.

import { char, index, pgTable, primaryKey, smallint, text, varchar } from "drizzle-orm/pg-core";
import { belongsTo, timestamptz } from "./columns.ts";
import { cities } from "./regions.ts";
import { users } from "./users.ts";

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    cityId: belongsTo("city_id", () => cities.id),
    userId: belongsTo("user_id", () => users.id, { onDelete: "cascade" }),
    key: varchar("key", { length: 128 }).notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    fingerprint: char("fingerprint", { length: 64 }).notNull(),
    /** The first answer; null while its transaction is still open. */
    status: smallint("status"),
    contentType: text("content_type"),
    body: text("body"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "idempotency_keys_pkey", columns: [t.userId, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
