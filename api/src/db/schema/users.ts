// Accounts, their sessions and the audit log of every write.

import { type Role, roles } from "@civgrid/geo";
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
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, cityId, createdAt, oneOf, timestamptz } from "./columns.ts";
import { cities, cityRow } from "./regions.ts";
import { people, units } from "./units.ts";

// The roles are geo/'s (shared with the web): see geo/src/vocabulary.ts.
export { type Role, roles };

export const users = pgTable(
  "users",
  {
    ...cityRow(),
    username: varchar("username", { length: 64 }).notNull(),
    mobile: varchar("mobile", { length: 20 }),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** For unit admins: the unit whose data they see and answer for. */
    unitId: integer("unit_id").references(() => units.id),
    /** For grid leaders and volunteers: the person on record (their grids follow from it). */
    personId: integer("person_id").references(() => people.id),
    disabled: boolean("disabled").notNull().default(false),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // Unique in the city here; across cities through `logins` (issue 24).
    unique("users_username_key").on(t.cityId, t.username),
    unique("users_mobile_key").on(t.cityId, t.mobile),
    check("users_role_check", oneOf(t.role, roles)),
  ],
);

/** Server-side sessions, so that a session can be revoked; the cookie holds only the token. */
export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a stolen database copy yields no usable session. */
    tokenHash: varchar("token_hash", { length: 64 }).primaryKey(),
    cityId: cityId().references(() => cities.id),
    userId: belongsTo("user_id", () => users.id),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * What a request names before its city is known (a username, a mobile number, a session's or an
 * access token's SHA-256) → its city and account; unique across cities. A Citus reference table:
 * written by the accounts' services (accounts/logins.ts), never by a trigger.
 */
export const logins = pgTable(
  "logins",
  {
    kind: text("kind", { enum: ["username", "mobile", "session", "access_token"] }).notNull(),
    key: text("key").notNull(),
    cityId: cityId().references(() => cities.id),
    userId: integer("user_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "logins_pkey", columns: [t.kind, t.key] }),
    index("logins_user_idx").on(t.cityId, t.userId),
  ],
);

/** Append-only record of every write: who, when, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    cityId: cityId().references(() => cities.id),
    userId: integer("user_id").references(() => users.id),
    at: timestamptz("at").notNull().defaultNow(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    // The audit page's filters by who and by what kind of action, newest first.
    index("audit_log_city_user_idx").on(t.cityId, t.userId, t.id),
    index("audit_log_city_action_idx").on(t.cityId, t.action, t.id),
  ],
);
