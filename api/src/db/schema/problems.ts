// Problems (问题) and their rectification (整改) history: the closed loop.
import {
  type ProblemStatus,
  problemSeverities,
  problemSources,
  problemStatuses,
  rectificationActions,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, createdAt, oneOf, point, timestamptz, updatedAt } from "./columns.ts";
import { files } from "./files.ts";
import { grids } from "./grids.ts";
import { cityRow } from "./regions.ts";
import { inspectionPoints, inspections, standardItems } from "./standards.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";

// The statuses and steps of the loop are geo/'s (shared with the web): see geo/src/rectification.ts.
// So are the sources and severities (geo/src/vocabulary.ts).
export {
  type ProblemStatus,
  problemSeverities,
  problemSources,
  problemStatuses,
  rectificationActions,
};

/** The problems' hexagon cell columns, finest first: one per zoom band of the leaders' map. */
export const hexColumns = ["hex_62", "hex_250", "hex_1k", "hex_4k", "hex_16k"] as const;
export type HexColumn = (typeof hexColumns)[number];

/** civgrid_hex_cell (migration 0006): the same cell on both engines, filled on every write. */
const hexCell = (name: HexColumn, sizeMetres: number) =>
  bigint(name, { mode: "number" }).generatedAlwaysAs(
    sql.raw(`civgrid_hex_cell(location, ${sizeMetres})`),
  );

export const problems = pgTable(
  "problems",
  {
    ...cityRow(),
    source: text("source", { enum: problemSources }).notNull(),
    status: text("status", { enum: problemStatuses }).notNull().default("reported"),
    severity: text("severity", { enum: problemSeverities }).notNull().default("normal"),
    description: text("description").notNull(),
    location: point("location").notNull(),
    /** GPS accuracy of the reported location in metres, where the reporter's device gave one. */
    gpsAccuracyM: numeric("gps_accuracy_m", { precision: 8, scale: 1, mode: "number" }),
    itemId: integer("item_id").references(() => standardItems.id),
    inspectionId: integer("inspection_id").references(() => inspections.id),
    pointId: integer("point_id").references(() => inspectionPoints.id),
    /** Routed by location: the grid containing the problem and that grid's lead unit. */
    gridId: integer("grid_id").references(() => grids.id),
    unitId: integer("unit_id").references(() => units.id),
    /** Set when no grid contains the location and the nearest grid was chosen instead. */
    routedToNearest: boolean("routed_to_nearest").notNull().default(false),
    deduction: numeric("deduction", { precision: 6, scale: 2, mode: "number" })
      .notNull()
      .default(0),
    deadline: timestamptz("deadline"),
    reportedBy: integer("reported_by").references(() => users.id),
    reporterName: text("reporter_name"),
    reporterPhone: varchar("reporter_phone", { length: 20 }),
    idempotencyKey: varchar("idempotency_key", { length: 128 }),
    /** A unit's pending request for more time (延期), until a coordinator grants or refuses it. */
    extensionDaysRequested: integer("extension_days_requested"),
    extensionReason: text("extension_reason"),
    /** For problems put on the ledger (挂账): when to look at them again. */
    reviewOn: date("review_on"),
    /** Closed as a second report of this problem (重复上报), which carries the work. */
    duplicateOf: integer("duplicate_of").references((): AnyPgColumn => problems.id),
    /** Bumped on every transition: two coordinators acting at once cannot both win. */

    version: integer("version").notNull().default(1),
    reportedAt: timestamptz("reported_at").notNull().defaultNow(),
    closedAt: timestamptz("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** The hexagon cell of the location per zoom band (analytics/hexagon-bands.ts), kept by the database. */
    hex62: hexCell("hex_62", 62.5),
    hex250: hexCell("hex_250", 250),
    hex1k: hexCell("hex_1k", 1000),
    hex4k: hexCell("hex_4k", 4000),
    hex16k: hexCell("hex_16k", 16000),
  },
  (t) => [
    index("problems_location_gist").using("gist", t.location),
    // The list by urgency (open first, nearest deadline), unfiltered or under a source filter,
    // and one status by urgency or newest first (migration 0037): an ordered walk, not a sort.
    index("problems_urgency_idx").on(
      t.cityId,
      sql`(status IN ('closed', 'ledger'))`,
      t.deadline,
      t.id,
    ),
    index("problems_status_deadline_idx").on(t.cityId, t.status, t.deadline, t.id),
    index("problems_status_newest_idx").on(t.cityId, t.status, t.reportedAt, t.id),
    // The problem list, newest first, is a backward walk of this index: at a million problems
    // the first page takes a millisecond instead of sorting them all (460 ms), and the count
    // beside it an index-only scan.
    index("problems_newest_idx").on(t.cityId, t.reportedAt, t.id),
    // The board's open problems, most late first, and the unit's inbox by urgency: only open ones.
    index("problems_open_deadline_idx")
      .on(t.cityId, t.deadline, t.id)
      .where(sql`status NOT IN ('closed', 'ledger')`),
    // Requests for more time waiting for the coordinator: a handful among a city's problems.
    index("problems_extension_requested_idx")
      .on(t.cityId)
      .where(sql`extension_days_requested IS NOT NULL`),
    // 我的上报: a volunteer's own reports, newest first.
    index("problems_reporter_idx")
      .on(t.reportedBy, t.reportedAt, t.id)
      .where(sql`reported_by IS NOT NULL`),
    index("problems_duplicate_of_idx").on(t.duplicateOf).where(sql`duplicate_of IS NOT NULL`),
    index("problems_grid_idx").on(t.gridId),
    index("problems_unit_idx").on(t.unitId),
    // A viewport's cells over a period; migration 0016 adds INCLUDE (status, deduction, unit_id, item_id), which
    // drizzle cannot say, so the map's counts are read from the index alone.
    index("problems_hex_62_idx").on(t.cityId, t.hex62, t.reportedAt),
    index("problems_hex_250_idx").on(t.cityId, t.hex250, t.reportedAt),
    index("problems_hex_1k_idx").on(t.cityId, t.hex1k, t.reportedAt),
    index("problems_hex_4k_idx").on(t.cityId, t.hex4k, t.reportedAt),
    index("problems_hex_16k_idx").on(t.cityId, t.hex16k, t.reportedAt),
    check("problems_status_check", oneOf(t.status, problemStatuses)),
    check("problems_source_check", oneOf(t.source, problemSources)),
    check("problems_severity_check", oneOf(t.severity, problemSeverities)),
    check("problems_deduction_nonnegative", sql`${t.deduction} >= 0`),
    check(
      "problems_not_own_duplicate",
      sql`${t.duplicateOf} IS NULL OR ${t.duplicateOf} <> ${t.id}`,
    ),
  ],
);

export const photoPhases = ["before", "after"] as const;

export const problemPhotos = pgTable(
  "problem_photos",
  {
    ...cityRow(),
    problemId: belongsTo("problem_id", () => problems.id, { onDelete: "cascade" }),
    fileId: belongsTo("file_id", () => files.id),
    phase: text("phase", { enum: photoPhases }).notNull(),
    /** The rectification event the photo was attached to (after-photos belong to a submission). */
    eventId: integer("event_id"),
  },
  (t) => [
    unique("problem_photos_problem_file_key").on(t.problemId, t.fileId),
    check("problem_photos_phase_check", oneOf(t.phase, photoPhases)),
  ],
);

/** Append-only log of every step of a problem's rectification: who, when, why. */
export const rectificationEvents = pgTable(
  "rectification_events",
  {
    ...cityRow(),
    problemId: belongsTo("problem_id", () => problems.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per problem; unique, so two concurrent steps cannot both append as the same. */
    seq: integer("seq").notNull(),
    action: text("action", { enum: rectificationActions }).notNull(),
    fromStatus: text("from_status", { enum: problemStatuses }),
    toStatus: text("to_status", { enum: problemStatuses }).notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    /** The actor's name as shown at the time (the account may be renamed later). */
    actorName: text("actor_name").notNull(),
    note: text("note"),
    reason: text("reason"),
    /** The unit a dispatch sent the problem to. */
    unitId: integer("unit_id").references(() => units.id),
    /** The deadline a dispatch, return or extension set. */
    deadline: timestamptz("deadline"),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [
    unique("rectification_events_problem_seq_key").on(t.problemId, t.seq),
    check("rectification_events_action_check", oneOf(t.action, rectificationActions)),
    check("rectification_events_to_status_check", oneOf(t.toStatus, problemStatuses)),
  ],
);
