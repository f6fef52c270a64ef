// Responsibility grids (网格), their version history and who is assigned to them.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, createdAt, multiPolygon, oneOf, timestamptz, updatedAt } from "./columns.ts";
import { cityRow, communities } from "./regions.ts";
import { people, units } from "./units.ts";
import { users } from "./users.ts";

export const grids = pgTable(
  "grids",
  {
    ...cityRow(),
    communityId: belongsTo("community_id", () => communities.id),
    /** 15 digits: community code (12) + 3-digit grid sequence. Stable across edits. */
    code: varchar("code", { length: 15 }).notNull(),
    name: text("name").notNull(),
    geom: multiPolygon("geom").notNull(),
    /** Bumped on every change; a write carrying an older version is refused (409). */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [
    unique("grids_city_code_key").on(t.cityId, t.code),
    index("grids_geom_gist").using("gist", t.geom),
    index("grids_community_idx").on(t.communityId),
    check("grids_code_digits", sql`${t.code} ~ '^[0-9]{15}$'`),
    check("grids_geom_valid", sql`ST_IsValid(${t.geom})`),
  ],
);

/** Append-only: one row per saved version of a grid, so history can be shown and reverted. */
export const gridVersions = pgTable(
  "grid_versions",
  {
    ...cityRow(),
    gridId: belongsTo("grid_id", () => grids.id),
    version: integer("version").notNull(),
    change: text("change", {
      enum: ["create", "edit", "split", "merge", "revert", "delete", "assign"],
    }).notNull(),
    name: text("name").notNull(),
    geom: multiPolygon("geom").notNull(),
    /** Assignments at this version (lead/support units, leader, volunteers) as a snapshot. */
    assignments: text("assignments"),
    changedBy: integer("changed_by").references(() => users.id),
    changedAt: timestamptz("changed_at").notNull().defaultNow(),
  },
  (t) => [unique("grid_versions_grid_version_key").on(t.gridId, t.version)],
);

export const gridUnitRoles = ["lead", "support"] as const;

/** Which units serve a grid: exactly one lead, any number of supporting units. */
export const gridUnits = pgTable(
  "grid_units",
  {
    ...cityRow(),
    gridId: belongsTo("grid_id", () => grids.id, { onDelete: "cascade" }),
    unitId: belongsTo("unit_id", () => units.id),
    role: text("role", { enum: gridUnitRoles }).notNull(),
  },
  (t) => [
    unique("grid_units_grid_unit_key").on(t.gridId, t.unitId),
    uniqueIndex("grid_units_one_lead").on(t.gridId).where(sql`role = 'lead'`),
    check("grid_units_role_check", oneOf(t.role, gridUnitRoles)),
  ],
);

export const gridPersonRoles = ["leader", "volunteer"] as const;

/** Grid leader (网格长) and the volunteers who patrol a grid. */
export const gridPeople = pgTable(
  "grid_people",
  {
    ...cityRow(),
    gridId: belongsTo("grid_id", () => grids.id, { onDelete: "cascade" }),
    personId: belongsTo("person_id", () => people.id),
    role: text("role", { enum: gridPersonRoles }).notNull(),
  },
  (t) => [
    unique("grid_people_grid_person_key").on(t.gridId, t.personId),
    uniqueIndex("grid_people_one_leader").on(t.gridId).where(sql`role = 'leader'`),
    index("grid_people_person_idx").on(t.personId),
    check("grid_people_role_check", oneOf(t.role, gridPersonRoles)),
  ],
);
