// The administrative hierarchy (GB/T 2260) and the communities the health system is assigned.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, cityId, createdAt, multiPolygon, oneOf, point } from "./columns.ts";

/** A city running a campaign: the tenant every other row belongs to. */
export const cities = pgTable("cities", {
  id: serial("id").primaryKey(),
  /** GB/T 2260 code of the city, e.g. 370481 for 滕州市. */
  code: varchar("code", { length: 6 }).notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

/** The columns most tables open with: a serial id and the city the row belongs to. */
export const cityRow = () => ({
  id: serial("id").primaryKey(),
  cityId: cityId().references(() => cities.id),
});

export const regionLevels = ["city", "district", "street"] as const;

/** City → district/county → street (街道). Communities have their own table. */
export const regions = pgTable(
  "regions",
  {
    ...cityRow(),
    parentId: integer("parent_id"),
    level: text("level", { enum: regionLevels }).notNull(),
    /** GB/T 2260 code (6 digits) for city/district; 9 digits (district + street seq) for a street. */
    code: varchar("code", { length: 12 }).notNull(),
    name: text("name").notNull(),
    geom: multiPolygon("geom"),
    labelPoint: point("label_point"),
  },
  (t) => [
    unique("regions_city_code_key").on(t.cityId, t.code),
    index("regions_geom_gist").using("gist", t.geom),
    check("regions_level_check", oneOf(t.level, regionLevels)),
  ],
);

/** 社区: the unit of assignment to the health system (帮包社区 when assigned is true). */
export const communities = pgTable(
  "communities",
  {
    ...cityRow(),
    streetId: belongsTo("street_id", () => regions.id),
    /** 12 digits: 6-digit district code + 3-digit street + 3-digit community sequence. */
    code: varchar("code", { length: 12 }).notNull(),
    name: text("name").notNull(),
    assigned: boolean("assigned").notNull().default(true),
    geom: multiPolygon("geom").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("communities_city_code_key").on(t.cityId, t.code),
    index("communities_geom_gist").using("gist", t.geom),
    check("communities_code_digits", sql`${t.code} ~ '^[0-9]{12}$'`),
  ],
);
