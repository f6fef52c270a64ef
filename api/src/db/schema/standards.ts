// Evaluation standards (测评标准), inspection points (点位) and inspections (检查).

import {
  inspectionKinds,
  itemOutcomes,
  type PointKind,
  pointKinds,
  standardStatuses,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, createdAt, oneOf, point, timestamptz } from "./columns.ts";
import { grids } from "./grids.ts";
import { cityRow } from "./regions.ts";
import { people, units } from "./units.ts";
import { users } from "./users.ts";

/** A versioned evaluation standard, e.g. the 2022 hospital point standard (11 categories, 42 items). */
export const standards = pgTable(
  "standards",
  {
    ...cityRow(),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    version: integer("version").notNull().default(1),
    /** What it applies to: hospital points, community streets, … */
    scope: text("scope").notNull(),
    status: text("status", { enum: standardStatuses }).notNull().default("draft"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("standards_city_name_version_key").on(t.cityId, t.name, t.version),
    check("standards_status_check", oneOf(t.status, standardStatuses)),
  ],
);

export const standardCategories = pgTable(
  "standard_categories",
  {
    ...cityRow(),
    standardId: belongsTo("standard_id", () => standards.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    name: text("name").notNull(),
    /** A new report this close to an open problem of the same item is offered as a duplicate. */
    duplicateRadiusM: integer("duplicate_radius_m").notNull().default(50),
  },

  (t) => [unique("standard_categories_standard_seq_key").on(t.standardId, t.seq)],
);

export const standardItems = pgTable(
  "standard_items",
  {
    ...cityRow(),
    standardId: belongsTo("standard_id", () => standards.id, { onDelete: "cascade" }),
    categoryId: belongsTo("category_id", () => standardCategories.id, { onDelete: "cascade" }),
    /** e.g. "3.2": category seq . item seq */
    code: varchar("code", { length: 16 }).notNull(),
    title: text("title").notNull(),
    checklist: text("checklist").notNull(),
    points: numeric("points", { precision: 6, scale: 2, mode: "number" }).notNull(),
    evidence: text("evidence").notNull(),
  },
  (t) => [
    unique("standard_items_standard_code_key").on(t.standardId, t.code),
    check("standard_items_points_positive", sql`${t.points} > 0`),
  ],
);

// The kinds and statuses are geo/'s (shared with the web): see geo/src/vocabulary.ts.
export { inspectionKinds, itemOutcomes, type PointKind, pointKinds, standardStatuses };

/** 点位: a located place assessors visit, inside a grid or belonging to a unit. */
export const inspectionPoints = pgTable(
  "inspection_points",
  {
    ...cityRow(),
    name: text("name").notNull(),
    kind: text("kind", { enum: pointKinds }).notNull(),
    location: point("location").notNull(),
    gridId: integer("grid_id").references(() => grids.id),
    unitId: integer("unit_id").references(() => units.id),
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [
    index("inspection_points_location_gist").using("gist", t.location),
    index("inspection_points_grid_idx").on(t.gridId),
    check("inspection_points_kind_check", oneOf(t.kind, pointKinds)),
  ],
);

/** 检查: one visit (自查, 明查, 暗访, 模拟测评, 督导) against a standard. */
export const inspections = pgTable(
  "inspections",
  {
    ...cityRow(),
    kind: text("kind", { enum: inspectionKinds }).notNull(),
    standardId: belongsTo("standard_id", () => standards.id),
    inspectorUserId: integer("inspector_user_id").references(() => users.id),
    inspectorPersonId: integer("inspector_person_id").references(() => people.id),
    startedAt: timestamptz("started_at").notNull(),
    finishedAt: timestamptz("finished_at"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [check("inspections_kind_check", oneOf(t.kind, inspectionKinds))],
);

/** One checklist item's result at one point during an inspection. */
export const inspectionResults = pgTable(
  "inspection_results",
  {
    ...cityRow(),
    inspectionId: belongsTo("inspection_id", () => inspections.id, { onDelete: "cascade" }),
    pointId: belongsTo("point_id", () => inspectionPoints.id),
    itemId: belongsTo("item_id", () => standardItems.id),
    passed: text("passed", { enum: itemOutcomes }).notNull(),
    deduction: numeric("deduction", { precision: 6, scale: 2, mode: "number" })
      .notNull()
      .default(0),
    note: text("note"),
  },
  (t) => [
    unique("inspection_results_visit_item_key").on(t.inspectionId, t.pointId, t.itemId),
    check("inspection_results_passed_check", oneOf(t.passed, itemOutcomes)),
  ],
);
