// Personal access tokens: a GIS client (QGIS, GDAL) reads with a user's scope through a bearer header.
import { index, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, timestamptz } from "./columns.ts";
import { cityRow } from "./regions.ts";
import { users } from "./users.ts";

export const accessTokens = pgTable(
  "access_tokens",
  {
    ...cityRow(),
    userId: belongsTo("user_id", () => users.id),
    name: text("name").notNull(),
    /** SHA-256 of the token, as for sessions: the token itself is shown once and never stored. */
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    createdAt: createdAt(),
    /** The end of this day (China time) the token stops working; null: until revoked. */
    expiresAt: timestamptz("expires_at"),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("access_tokens_user_idx").on(t.userId)],
);
