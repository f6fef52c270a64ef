// Open311 GeoReport v2 requests as filed: every field the spec defines, kept beside the problem
// they became (or waiting for the office to place them when only an address was given: 待定位).
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, point, timestamptz } from "./columns.ts";
import { files } from "./files.ts";
import { problems } from "./problems.ts";
import { cityRow } from "./regions.ts";
import { standardItems } from "./standards.ts";
import { users } from "./users.ts";

export const open311Requests = pgTable(
  "open311_requests",
  {
    ...cityRow(),
    /** GeoReport's token: the client asks tokens/{token} for the request's id once it has one. */
    token: uuid("token").notNull().unique(),
    /** The problem it became; null while it waits to be placed on the map (待定位). */
    problemId: integer("problem_id")
      .unique()
      .references(() => problems.id, { onDelete: "cascade" }),
    itemId: belongsTo("item_id", () => standardItems.id),
    description: text("description").notNull(),
    /** As the client sent it; null when only an address was given. */
    location: point("location"),
    addressString: text("address_string"),
    addressId: text("address_id"),
    email: text("email"),
    deviceId: text("device_id"),
    accountId: text("account_id"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: varchar("phone", { length: 20 }),
    mediaUrl: text("media_url"),
    /** attribute[code] values, by code. */
    attributes: jsonb("attributes")
      .$type<Record<string, string | string[]>>()
      .notNull()
      .default({}),
    /** The uploaded `media` photo, kept until the request becomes a problem. */
    photoFileId: integer("photo_file_id").references(() => files.id),
    createdAt: createdAt(),
    placedAt: timestamptz("placed_at"),
    placedBy: integer("placed_by").references(() => users.id),
  },
  (t) => [index("open311_requests_waiting_idx").on(t.cityId).where(sql`problem_id IS NULL`)],
);
